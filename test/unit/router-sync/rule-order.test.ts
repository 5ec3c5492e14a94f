import { describe, expect, it } from 'vitest';
import { ruleMoves } from '../../../src-main/core/router-sync/rule-order';

const rule = (id: string, chain: string, action: string, comment?: string, dynamic?: boolean) => ({
  '.id': id, chain, action, ...(comment !== undefined && { comment }), ...(dynamic && { dynamic: 'true' }),
});

describe('the app\'s firewall rules first in their chain', () => {
  it('asks nothing when they already lead their chains in order (other chains and the router\'s dynamic rules do not count)', () => {
    expect(ruleMoves([
      rule('*1', 'forward', 'passthrough', 'special dummy rule to show fasttrack counters', true),
      rule('*2', 'input', 'accept'),
      rule('*3', 'forward', 'accept', 'ispdesk:fw:dns;v=1'),
      rule('*4', 'forward', 'drop', 'ispdesk:fw:drop;v=1'),
      rule('*5', 'forward', 'accept'),
    ])).toEqual([]);
  });

  it('moves every rule of ours before the first foreign rule of the chain, accepts before the drop', () => {
    expect(ruleMoves([
      rule('*1', 'forward', 'drop', 'ispdesk:fw:drop;v=1'),
      rule('*2', 'forward', 'accept', 'isp: established'),
      rule('*3', 'forward', 'accept', 'ispdesk:fw:dns;v=1'),
      rule('*4', 'dstnat', 'dst-nat', 'isp: cache'),
      rule('*5', 'dstnat', 'dst-nat', 'ispdesk:fw:redirect;v=1'),
    ])).toEqual([
      { id: '*3', before: '*2' },
      { id: '*1', before: '*2' },
      { id: '*5', before: '*4' },
    ]);
  });

  it('orders a chain holding only our rules by moving them to the end in order', () => {
    expect(ruleMoves([rule('*1', 'forward', 'drop', 'ispdesk:fw:drop;v=1'), rule('*2', 'forward', 'accept', 'ispdesk:fw:dns;v=1')]))
      .toEqual([{ id: '*2', before: undefined }, { id: '*1', before: undefined }]);
  });
});
