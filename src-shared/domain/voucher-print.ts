/**
 * What a printed hotspot voucher shows, as plain data (issue 11 §3): the hotspot domain fills it from
 * its batches, the PDF templates in core draw it. Kept apart from the hotspot domain's own types so
 * printing depends on nothing but this contract. Amounts are integer minor units.
 */

/** The built-in templates: A4 grids of three densities (columns × rows) and thermal rolls. */
export const VOUCHER_LAYOUTS = ['a4-3x8', 'a4-4x10', 'a4-5x13', 'roll80', 'roll58'] as const;
export type VoucherLayout = (typeof VOUCHER_LAYOUTS)[number];

export interface VoucherCard {
  planName: string;
  priceMinor: number;
  currency: string;
  /** Already in words, e.g. "1 day from first login" or "3 hours of use": the plan owns that rule. */
  validityText: string;
  /** The hotspot username, printed as the voucher code. */
  code: string;
  /** A separate password/PIN, or null when the code is also the password (username = password). */
  password: string | null;
  /** The voucher's number in its batch as printed (e.g. "000123"). */
  serial: string;
  /** The batch's label, e.g. its Mikhmon-style comment "vc-123-12.03.26". */
  batchLabel: string;
  /** The hotspot server's DNS name, the host of the QR code's login URL (e.g. "wifi.kilimani.net"). */
  hotspotDnsName: string;
}

export interface VoucherPrintJob {
  business: { name: string; logoPng?: Uint8Array | null };
  /** BCP 47 locale for prices, e.g. 'en-KE'. */
  locale: string;
  /** The document's own instant (UTC ISO), so the same input gives the same PDF. */
  createdAt: string;
  vouchers: readonly VoucherCard[];
  /** Words printed on the vouchers; English unless the caller passes its own. */
  labels?: Partial<VoucherLabels>;
  /** Rolls only: vouchers per page (one page is one strip torn off the roll); 25 unless given. */
  perRollPage?: number;
}

export interface VoucherLabels {
  code: string;
  username: string;
  password: string;
  serial: string;
  batch: string;
}

export const ENGLISH_VOUCHER_LABELS: VoucherLabels = {
  code: 'Code',
  username: 'Username',
  password: 'Password',
  serial: 'No.',
  batch: 'Batch',
};

/** A host name as RouterOS accepts for a hotspot's dns-name: letters, digits, hyphens and dots. */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function isHotspotDnsName(s: string): boolean {
  return DNS_NAME.test(s);
}

/**
 * The auto-login URL a voucher's QR code carries: RouterOS's hotspot login page takes `username` and
 * `password` as query parameters (MikroTik manual, "Hotspot customisation": login.html form fields),
 * which is how Mikhmon's QR vouchers log in. Every value is percent-encoded, so a password with `&`,
 * `+`, `#` or spaces reaches the router as typed. With no separate password the code is the password.
 */
export function voucherLoginUrl(dnsName: string, code: string, password: string | null): string {
  if (!DNS_NAME.test(dnsName)) throw new RangeError(`not a hotspot dns-name: ${JSON.stringify(dnsName)}`);
  const q = `username=${encodeURIComponent(code)}&password=${encodeURIComponent(password ?? code)}`;
  return `http://${dnsName.toLowerCase()}/login?${q}`;
}
