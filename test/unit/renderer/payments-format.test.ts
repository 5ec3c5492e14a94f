import { describe, expect, it } from 'vitest';
import { byTotalDesc, moneyFormatter, todayIn } from '../../../src-renderer/features/payments/payment-format';

describe('payments formatting helpers', () => {
  it("reads today's day in the ISP's zone, not UTC", () => {
    // 22:30 UTC on 1 Mar is already 2 Mar in Nairobi (UTC+3) and still 1 Mar in New York.
    const at = Date.UTC(2026, 2, 1, 22, 30);
    expect(todayIn('Africa/Nairobi', at)).toBe('2026-03-02');
    expect(todayIn('America/New_York', at)).toBe('2026-03-01');
    expect(todayIn('UTC', at)).toBe('2026-03-01');
  });

  it('shows minor units in the currency with its decimals', () => {
    const kes = moneyFormatter('KES', 'en-KE');
    expect(kes(150_050)).toMatch(/1,500\.50$/);
    expect(kes(150_050)).toMatch(/Ksh|KES/);
    expect(moneyFormatter('UGX', 'en-UG')(5000)).toMatch(/5,000$/);
  });

  it('puts the largest total first and breaks ties by name without changing the input', () => {
    const rows = [
      { name: 'Wanjiru', totalMinor: 100 },
      { name: 'Achieng', totalMinor: 100 },
      { name: 'Otieno', totalMinor: 900 },
    ];
    expect(byTotalDesc(rows).map((r) => r.name)).toEqual(['Otieno', 'Achieng', 'Wanjiru']);
    expect(rows[0]!.name).toBe('Wanjiru');
    expect(byTotalDesc([{ method: 'cash', totalMinor: 5 }, { method: 'mpesa', totalMinor: 50 }]).map((r) => r.method)).toEqual(['mpesa', 'cash']);
  });
});
