/** Input normalisation per field type: what the router stores and prints back. */
import { formatDuration, normalizeRatePair, parseBytes, parseDuration } from './duration';
import { RosTrap, type FieldSpec } from './spec';

export function parseBool(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  return null;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function ipToInt(ip: string): number | null {
  const m = IPV4.exec(ip.trim());
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return null;
    n = n * 256 + o;
  }
  return n;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** `a.b.c.d/len` → network address form; `/32` → bare IP. Non-IP values (DNS names, ranges) kept. */
export function normalizePrefix(value: string): string {
  const [ip = '', lenText] = value.split('/');
  const n = ipToInt(ip);
  if (n === null || lenText === undefined) return value;
  const len = Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > 32) return value;
  if (len === 32) return ip;
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return `${intToIp((n & mask) >>> 0)}/${len}`;
}

/**
 * An address-list `address` as the router stores it (Address-lists manual: "address (DNS Name | IP
 * Address/Netmask | IP-IP)", https://help.mikrotik.com/docs/display/ROS/Address-lists): a prefix becomes its
 * network (`/32` dropped), a range that is exactly one prefix is shown as that prefix and a one-address
 * range as the address; other ranges stay `first-last`. A reversed range or a malformed dotted address traps
 * (unconfirmed texts; the stricter choice). Anything else is a DNS name and is kept.
 */
export function normalizeListAddress(name: string, value: string): string {
  const v = value.trim();
  const dash = v.indexOf('-');
  if (dash > 0 && /^[\d.]+-[\d.]+$/.test(v)) {
    const lo = ipToInt(v.slice(0, dash));
    const hi = ipToInt(v.slice(dash + 1));
    if (lo === null || hi === null || lo > hi) throw invalid(name);
    if (lo === hi) return intToIp(lo);
    const size = hi - lo + 1;
    const len = 32 - Math.log2(size);
    if (Number.isInteger(len) && lo % size === 0) return `${intToIp(lo)}/${len}`;
    return `${intToIp(lo)}-${intToIp(hi)}`;
  }
  if (/^[\d.]+(\/\d+)?$/.test(v)) {
    const [ip = '', lenText] = v.split('/');
    if (ipToInt(ip) === null) throw invalid(name);
    if (lenText !== undefined && (Number(lenText) > 32 || lenText === '')) throw invalid(name);
  }
  return normalizePrefix(v);
}

export function networkOf(cidr: string): string | undefined {
  const [ip = '', lenText = '32'] = cidr.split('/');
  const n = ipToInt(ip);
  const len = Number(lenText);
  if (n === null || !Number.isInteger(len)) return undefined;
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return intToIp((n & mask) >>> 0);
}

function invalid(name: string): RosTrap {
  return new RosTrap(`invalid value for argument ${name}`, 1);
}

/** Converts an API/script input value to the stored form; throws RosTrap like the router would. */
export function normalizeValue(name: string, raw: string, spec: FieldSpec): string {
  if (spec.words?.includes(raw)) return raw;
  switch (spec.type ?? 'string') {
    case 'string':
      return raw;
    case 'bool': {
      const b = parseBool(raw);
      if (b === null) throw new RosTrap(`input does not match any value of ${name}`, 1);
      return b ? 'true' : 'false';
    }
    case 'int':
      if (!/^-?\d+$/.test(raw.trim())) throw invalid(name);
      return String(Number(raw.trim()));
    case 'duration': {
      const ms = parseDuration(raw);
      if (ms === null) throw invalid(name);
      return formatDuration(ms);
    }
    case 'bytes': {
      const n = parseBytes(raw);
      if (n === null) throw invalid(name);
      return String(n);
    }
    case 'rate-pair': {
      const v = normalizeRatePair(raw);
      if (v === null) throw invalid(name);
      return v;
    }
    case 'enum':
      if (!spec.values?.includes(raw)) throw new RosTrap(`input does not match any value of ${name}`, 1);
      return raw;
    case 'address-prefix':
      return normalizeListAddress(name, raw);
    case 'cidr': {
      const [ip = '', len] = raw.trim().split('/');
      if (ipToInt(ip) === null) throw invalid(name);
      return `${ip}/${len ?? '32'}`;
    }
    case 'queue-target':
      return raw
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map((t) => (ipToInt(t) !== null ? `${t}/32` : t.includes('/') ? normalizePrefix(t) + (t.endsWith('/32') ? '/32' : '') : t))
        .join(',');
  }
}
