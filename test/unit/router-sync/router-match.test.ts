import { describe, expect, it } from 'vitest';
import { changedProps, sameDesiredValue, sameRate, TagIndex } from '../../../src-main/core/router-sync/router-match';

const NOW = new Date('2026-06-01T00:00:00Z');
const nowSec = NOW.getTime() / 1000;

describe('TagIndex', () => {
  const index = new TagIndex(['ispdesk:v1;sid=a;', 'ispdesk:v1;sid=ab;', 'name=gold']);

  it('finds comment-prefix tags at a ";" boundary only', () => {
    expect(index.tagOf({ comment: 'ispdesk:v1;sid=a;exp=1;plan=x' })).toBe('ispdesk:v1;sid=a;');
    expect(index.tagOf({ comment: 'ispdesk:v1;sid=ab;exp=1;plan=x' })).toBe('ispdesk:v1;sid=ab;');
    expect(index.tagOf({ comment: 'ispdesk:v1;sid=abc;exp=1' })).toBeNull();
    expect(index.tagOf({ comment: 'hand-made' })).toBeNull();
  });

  it('finds named objects by name and groups duplicates', () => {
    expect(index.tagOf({ name: 'gold' })).toBe('name=gold');
    const g = index.group([{ '.id': '*1', comment: 'ispdesk:v1;sid=a;' }, { '.id': '*2', comment: 'ispdesk:v1;sid=a;exp=2' }, { '.id': '*3', name: 'x' }]);
    expect(g.get('ispdesk:v1;sid=a;')!.map((r) => r['.id'])).toEqual(['*1', '*2']);
    expect(g.size).toBe(1);
  });
});

describe('sameDesiredValue', () => {
  const expired = `ispdesk:v1;sid=a;exp=${nowSec - 60};plan=p`;
  const renewed = `ispdesk:v1;sid=a;exp=${nowSec + 86_400};plan=p`;

  it('accepts the router\'s cut stamp while the desired comment is expired too', () => {
    expect(sameDesiredValue('comment', `${expired};cut=${nowSec - 30}`, expired, NOW)).toBe(true);
  });

  it('overwrites the cut stamp once the desired comment is renewed', () => {
    expect(sameDesiredValue('comment', `${expired};cut=${nowSec - 30}`, renewed, NOW)).toBe(false);
    expect(sameDesiredValue('comment', `${renewed};cut=${nowSec - 30}`, renewed, NOW)).toBe(false);
  });

  it('compares booleans as RouterOS does and rates as numbers', () => {
    expect(sameDesiredValue('disabled', 'false', 'no', NOW)).toBe(true);
    expect(sameDesiredValue('disabled', 'true', 'no', NOW)).toBe(false);
    expect(sameRate('5000000/5000000', '5M/5M')).toBe(true);
    expect(sameRate('512k/1M 2M/2M', '512000/1000000 2000000/2000000')).toBe(true);
    expect(sameRate('5M/5M', '10M/10M')).toBe(false);
    expect(changedProps({ profile: 'a', disabled: 'false', 'max-limit': '1000000/1000000' }, { profile: 'b', disabled: 'no', 'max-limit': '1M/1M' }, NOW)).toEqual({ profile: 'b' });
  });
});
