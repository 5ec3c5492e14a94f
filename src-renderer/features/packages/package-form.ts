import { minorDigits, parseAmount } from '@shared/domain/money';
import type { PackageSummary, ServiceType } from '@shared/contract/packages';
import type { PeriodUnit } from '@shared/domain/billing-period';
import type { InputOf } from '@shared/contract';

/**
 * The package form's values: rates in Mbit/s and the price as typed (major units), because that is how
 * people think of a plan ("10M for 1,500"); `toPackageInput` turns them into the contract's kbps and
 * minor units. Pools are kept per router id so a router added or removed keeps the others' pools.
 */
export interface PackageFormValues {
  name: string;
  serviceType: ServiceType;
  routerIds: string[];
  rxMbps: number | string;
  txMbps: number | string;
  /** Optional burst (RouterOS burst-limit / burst-threshold / burst-time), rates in Mbit/s like the limit. */
  burstOn: boolean;
  burstRxMbps: number | string;
  burstTxMbps: number | string;
  thresholdRxMbps: number | string;
  thresholdTxMbps: number | string;
  burstTimeSec: number | string;
  profileMode: 'managed' | 'existing';
  profileName: string;
  remotePool: string;
  pools: Record<string, string>;
  price: string;
  periodCount: number | string;
  periodUnit: PeriodUnit;
  graceHours: number | string;
}

export type PackageInput = InputOf<'packages.create'>;

export const emptyPackageForm: PackageFormValues = {
  name: '', serviceType: 'pppoe', routerIds: [], rxMbps: '', txMbps: '', burstOn: false, burstRxMbps: '', burstTxMbps: '',
  thresholdRxMbps: '', thresholdTxMbps: '', burstTimeSec: 8, profileMode: 'managed', profileName: '', remotePool: '',
  pools: {}, price: '', periodCount: 1, periodUnit: 'months', graceHours: 0,
};

/** Minor units as the plain amount a person types back ("1500.50"), without currency or grouping. */
export function minorToAmountText(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const whole = Math.floor(abs / 10 ** digits);
  const frac = String(abs % 10 ** digits).padStart(digits, '0');
  return /^0+$/.test(frac) ? `${sign}${whole}` : `${sign}${whole}.${frac}`;
}

export function packageFormFrom(p: PackageSummary, currency: string): PackageFormValues {
  return {
    name: p.name,
    serviceType: p.serviceType,
    routerIds: [...p.routerIds],
    rxMbps: p.rateLimit.rxKbps / 1000,
    txMbps: p.rateLimit.txKbps / 1000,
    burstOn: p.rateLimit.burst !== null,
    burstRxMbps: p.rateLimit.burst ? p.rateLimit.burst.rxKbps / 1000 : '',
    burstTxMbps: p.rateLimit.burst ? p.rateLimit.burst.txKbps / 1000 : '',
    thresholdRxMbps: p.rateLimit.burst ? p.rateLimit.burst.thresholdRxKbps / 1000 : '',
    thresholdTxMbps: p.rateLimit.burst ? p.rateLimit.burst.thresholdTxKbps / 1000 : '',
    burstTimeSec: p.rateLimit.burst?.timeSec ?? 8,
    profileMode: p.pppProfile?.mode ?? 'managed',
    profileName: p.pppProfile?.name ?? '',
    remotePool: p.remotePool ?? '',
    pools: Object.fromEntries(p.addressPools.map((a) => [a.routerId, a.cidr])),
    price: minorToAmountText(p.priceMinor, currency),
    periodCount: p.period.count,
    periodUnit: p.period.unit,
    graceHours: p.graceHours,
  };
}

/** Mbit/s as typed → whole kbps; anything that is not a number is passed on as NaN for the contract to refuse. */
function toKbps(mbps: number | string): number {
  const n = typeof mbps === 'number' ? mbps : mbps.trim() === '' ? Number.NaN : Number(mbps);
  return Number.isFinite(n) ? Math.round(n * 1000) : Number.NaN;
}

function toInt(v: number | string): number {
  return typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
}

/**
 * The contract input of a filled form, or the field that cannot be converted (an amount with too many
 * decimals for the currency). Everything else is checked by the contract on the main side.
 */
export function toPackageInput(v: PackageFormValues, currency: string): { input: PackageInput } | { field: 'price' } {
  const priceMinor = parseAmount(v.price, currency);
  if (priceMinor === null) return { field: 'price' };
  const isPppoe = v.serviceType === 'pppoe';
  return {
    input: {
      name: v.name,
      serviceType: v.serviceType,
      routerIds: v.routerIds,
      rateLimit: {
        rxKbps: toKbps(v.rxMbps),
        txKbps: toKbps(v.txMbps),
        burst: v.burstOn
          ? {
            rxKbps: toKbps(v.burstRxMbps), txKbps: toKbps(v.burstTxMbps), thresholdRxKbps: toKbps(v.thresholdRxMbps),
            thresholdTxKbps: toKbps(v.thresholdTxMbps), timeSec: toInt(v.burstTimeSec),
          }
          : null,
      },
      pppProfile: isPppoe ? { mode: v.profileMode, name: v.profileName } : null,
      remotePool: isPppoe && v.remotePool.trim() !== '' ? v.remotePool.trim() : null,
      addressPools: isPppoe ? [] : v.routerIds.map((routerId) => ({ routerId, cidr: v.pools[routerId] ?? '' })),
      priceMinor,
      period: { count: toInt(v.periodCount), unit: v.periodUnit },
      graceHours: toInt(v.graceHours),
    },
  };
}

/** Server field paths (the contract's input) → form field names, for showing main's field errors. */
export function packageFieldRenames(v: PackageFormValues): Record<string, string> {
  const renames: Record<string, string> = {
    'rateLimit.rxKbps': 'rxMbps',
    'rateLimit.txKbps': 'txMbps',
    'rateLimit': 'rxMbps',
    'rateLimit.burst.rxKbps': 'burstRxMbps',
    'rateLimit.burst.txKbps': 'burstTxMbps',
    'rateLimit.burst.thresholdRxKbps': 'thresholdRxMbps',
    'rateLimit.burst.thresholdTxKbps': 'thresholdTxMbps',
    'rateLimit.burst.timeSec': 'burstTimeSec',
    'pppProfile': 'profileName',
    'pppProfile.name': 'profileName',
    'pppProfile.mode': 'profileMode',
    'priceMinor': 'price',
    'period.count': 'periodCount',
    'period.unit': 'periodUnit',
    'addressPools': 'routerIds',
  };
  v.routerIds.forEach((routerId, i) => {
    renames[`addressPools.${i}.cidr`] = `pools.${routerId}`;
    renames[`addressPools.${i}`] = `pools.${routerId}`;
    renames[`routerIds.${i}`] = 'routerIds';
  });
  return renames;
}

/** A rate the way RouterOS writes it: whole megabits as "10M", otherwise kilobits "1500k". */
export function rosRate(kbps: number): string {
  return kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`;
}
