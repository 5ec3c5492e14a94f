import { localDate, startOfLocalDay } from './time';

/** A calendar month in the tenant's zone: key `YYYY-MM` and its [from, to) instants. */
export interface InvoiceMonth {
  key: string;
  from: Date;
  to: Date;
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The month before the one containing `at` (local time in `timeZone`): postpaid subscribers are invoiced
 * after the month of service, so the run on 1 December bills November.
 */
export function previousLocalMonth(at: Date, timeZone: string): InvoiceMonth {
  const [y, m] = localDate(at, timeZone).split('-').map(Number) as [number, number];
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  return { key: monthKey(py, pm), from: startOfLocalDay(`${monthKey(py, pm)}-01`, timeZone), to: startOfLocalDay(`${monthKey(y, m)}-01`, timeZone) };
}
