import { describe, expect, it } from 'vitest';
import { coveringPool, queueRate, rateText, singleAddress } from '../../../src-main/core/adoption/static-plan';
import { inPool } from '../../../src-main/core/subscribers/address-pool';

describe('reading static queues', () => {
  it('takes a target only when it names one address', () => {
    expect(singleAddress('10.0.0.5')).toBe('10.0.0.5');
    expect(singleAddress('10.0.0.5/32')).toBe('10.0.0.5');
    expect(singleAddress('10.0.0.0/24')).toBeNull();
    expect(singleAddress('10.0.0.5/32,10.0.0.6/32')).toBeNull();
    expect(singleAddress('ether2')).toBeNull();
    expect(singleAddress('10.0.0.256')).toBeNull();
  });

  it('reads max-limit as rx/tx kbps; 0 (unlimited) is no rate', () => {
    expect(queueRate('10M/5M')).toEqual({ rxKbps: 10_000, txKbps: 5_000 });
    expect(queueRate('20000000/20000000')).toEqual({ rxKbps: 20_000, txKbps: 20_000 });
    expect(queueRate('512k/1M')).toEqual({ rxKbps: 512, txKbps: 1_000 });
    expect(queueRate('0/0')).toBeNull();
    expect(queueRate('10M/0')).toBeNull();
    expect(rateText({ rxKbps: 10_000, txKbps: 512 })).toBe('10M/512k');
  });
});

describe('the pool of a new static package', () => {
  it('is the /24 around the addresses when all are usable in it', () => {
    expect(coveringPool(['192.168.88.50', '192.168.88.51'])).toBe('192.168.88.0/24');
  });

  it('widens when the addresses span /24s, and every address is usable in the result', () => {
    const addrs = ['10.1.0.20', '10.1.3.200'];
    const pool = coveringPool(addrs)!;
    expect(pool).toBe('10.1.0.0/22');
    expect(addrs.every((a) => inPool(pool, a))).toBe(true);
  });

  it('narrows for an address at the gateway or broadcast position of its /24, and gives up past /16', () => {
    const pool = coveringPool(['10.2.0.1'])!;
    expect(inPool(pool, '10.2.0.1')).toBe(true);
    expect(coveringPool(['10.0.0.5', '10.9.0.5'])).toBeNull();
  });
});
