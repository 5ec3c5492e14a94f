import type { BulkOperation } from '@shared/contract/subscribers';
import type { PeriodUnit } from '@shared/domain/billing-period';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A before/after value of a bulk preview as people read it: instants in the ISP's time format, blanks as a dash. */
export function bulkValueText(value: string | null, dateTime: (iso: string) => string): string {
  if (value === null || value === '') return '—';
  return ISO_INSTANT.test(value) ? dateTime(value) : value;
}

export type BulkActionKind = BulkOperation['action'];
export const BULK_ACTIONS: readonly BulkActionKind[] = ['extend', 'suspend', 'reconnect', 'changePackage', 'moveRouter'];

export interface BulkChoice {
  action: BulkActionKind;
  count: number | string;
  unit: PeriodUnit;
  packageId: string;
  routerId: string;
}

/** The operation of the bulk form, or null while a needed value (count, package, router) is missing. */
export function bulkOperationOf(c: BulkChoice): BulkOperation | null {
  switch (c.action) {
    case 'extend': {
      const count = typeof c.count === 'number' ? c.count : Number.NaN;
      return Number.isInteger(count) && count >= 1 ? { action: 'extend', count, unit: c.unit } : null;
    }
    case 'suspend':
    case 'reconnect':
      return { action: c.action };
    case 'changePackage':
      return c.packageId ? { action: 'changePackage', packageId: c.packageId } : null;
    case 'moveRouter':
      return c.routerId ? { action: 'moveRouter', routerId: c.routerId, ...(c.packageId ? { packageId: c.packageId } : {}) } : null;
  }
}
