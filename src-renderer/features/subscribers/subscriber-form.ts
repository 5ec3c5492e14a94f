import type { InputOf } from '@shared/contract';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import { localDate, startOfLocalDay } from '@shared/domain/time';

/**
 * The subscriber form's values: flat text fields (two phone boxes, location parts), converted to the
 * contract's shape by `toCreateInput` / `toUpdateInput`. PPPoE fields or static fields are sent
 * depending on the chosen package's service type.
 */
export interface SubscriberFormValues {
  accountNumber: string;
  fullName: string;
  phone: string;
  phone2: string;
  email: string;
  site: string;
  building: string;
  locationText: string;
  routerId: string;
  packageId: string;
  username: string;
  ipAddress: string;
  macAddress: string;
  notes: string;
  tags: string[];
  /** Local calendar days (YYYY-MM-DD) in the ISP's time zone; the first expiry only when adding. */
  installedOn: string | null;
  firstExpiryOn: string | null;
}

export type ServiceKind = 'pppoe' | 'static';

export const emptySubscriberForm: SubscriberFormValues = {
  accountNumber: '', fullName: '', phone: '', phone2: '', email: '', site: '', building: '', locationText: '', routerId: '',
  packageId: '', username: '', ipAddress: '', macAddress: '', notes: '', tags: [], installedOn: null, firstExpiryOn: null,
};

/** Midnight of a local day in the ISP's zone, as a UTC instant. */
function dayStart(ymd: string, timeZone: string): string {
  return startOfLocalDay(ymd, timeZone).toISOString();
}

/** 23:59:59 local of a day: a first expiry picked as a date lasts the whole of that day. */
function dayEnd(ymd: string, timeZone: string): string {
  const next = localDate(new Date(startOfLocalDay(ymd, timeZone).getTime() + 36 * 3600_000), timeZone);
  return new Date(startOfLocalDay(next, timeZone).getTime() - 1000).toISOString();
}

export function subscriberFormFrom(s: SubscriberSummary, timeZone = 'UTC'): SubscriberFormValues {
  return {
    accountNumber: s.accountNumber, fullName: s.fullName, phone: s.phones[0] ?? '', phone2: s.phones[1] ?? '', email: s.email ?? '',
    site: s.location.site, building: s.location.building, locationText: s.location.text, routerId: s.routerId, packageId: s.packageId,
    username: s.username ?? '', ipAddress: s.ipAddress ?? '', macAddress: s.macAddress ?? '', notes: s.notes, tags: [...s.tags],
    installedOn: s.installedAt ? localDate(new Date(s.installedAt), timeZone) : null, firstExpiryOn: null,
  };
}

function phonesOf(v: SubscriberFormValues): string[] {
  return [v.phone, v.phone2].map((p) => p.trim()).filter((p) => p !== '');
}

/** Without a first expiry main gives one package period from now. */
export function toCreateInput(v: SubscriberFormValues, kind: ServiceKind, timeZone = 'UTC', gps: SubscriberSummary['location']['gps'] = null): InputOf<'subscribers.create'> {
  return {
    accountNumber: v.accountNumber,
    fullName: v.fullName,
    phones: phonesOf(v),
    email: v.email,
    location: { site: v.site, building: v.building, text: v.locationText, gps },
    routerId: v.routerId,
    packageId: v.packageId,
    ...(kind === 'pppoe' ? { username: v.username } : { ipAddress: v.ipAddress, macAddress: v.macAddress }),
    notes: v.notes,
    tags: v.tags,
    installedAt: v.installedOn ? dayStart(v.installedOn, timeZone) : null,
    ...(v.firstExpiryOn ? { expiresAt: dayEnd(v.firstExpiryOn, timeZone) } : {}),
  };
}

/** Edits send every field; blank PPPoE user names and addresses are left out (main keeps the current ones). */
export function toUpdateInput(subscriber: SubscriberSummary, v: SubscriberFormValues, kind: ServiceKind, timeZone = 'UTC'): InputOf<'subscribers.update'> {
  return {
    subscriberId: subscriber.id,
    ...(v.accountNumber.trim() !== '' ? { accountNumber: v.accountNumber } : {}),
    fullName: v.fullName,
    phones: phonesOf(v),
    email: v.email,
    location: { site: v.site, building: v.building, text: v.locationText, gps: subscriber.location.gps },
    routerId: v.routerId,
    packageId: v.packageId,
    ...(kind === 'pppoe'
      ? (v.username.trim() !== '' ? { username: v.username } : {})
      : { ...(v.ipAddress.trim() !== '' ? { ipAddress: v.ipAddress } : {}), macAddress: v.macAddress }),
    notes: v.notes,
    tags: v.tags,
    installedAt: v.installedOn ? dayStart(v.installedOn, timeZone) : null,
  };
}

/** Server field paths → form field names (the rest already match). */
export const SUBSCRIBER_FIELD_RENAMES: Record<string, keyof SubscriberFormValues> = {
  phones: 'phone',
  'phones.0': 'phone',
  'phones.1': 'phone2',
  'location.site': 'site',
  'location.building': 'building',
  'location.text': 'locationText',
  'tags.0': 'tags',
  installedAt: 'installedOn',
  expiresAt: 'firstExpiryOn',
};
