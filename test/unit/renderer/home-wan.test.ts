import { describe, expect, it } from 'vitest';
import { wanOf } from '../../../src-renderer/features/home/home-wan';

const iface = (name: string, rx: number, extra: { running?: boolean; comment?: string } = {}) => ({
  id: `*${name}`, name, type: 'ether', running: extra.running ?? true, disabled: false, macAddress: null,
  rxBytes: 0, txBytes: 0, rxBitsPerSecond: rx, txBitsPerSecond: rx / 10, comment: extra.comment ?? '',
});

describe('core router WAN on Home', () => {
  it('takes the interface named or commented WAN, else the busiest running one', () => {
    expect(wanOf([iface('bridge-lan', 900), iface('ether1-WAN', 100)])?.name).toBe('ether1-WAN');
    expect(wanOf([iface('ether2', 900), iface('sfp1', 100, { comment: 'Uplink to Safaricom' })])?.name).toBe('sfp1');
    expect(wanOf([iface('ether2', 50), iface('ether3', 700), iface('ether4', 999, { running: false })])?.name).toBe('ether3');
    expect(wanOf([])).toBeUndefined();
  });
});
