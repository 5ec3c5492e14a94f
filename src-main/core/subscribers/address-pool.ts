/**
 * Static subscribers' addresses come from the package's IPv4 pool on their router (CIDR). The network
 * and broadcast addresses and the first usable address (conventionally the router's gateway) are never
 * handed out; /31 and /32 pools have no such convention and use every address.
 */
export function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Pool {
  first: number;
  last: number;
}

/** Usable range of a pool, e.g. 10.0.0.0/24 → 10.0.0.2 … 10.0.0.254. */
export function poolRange(cidr: string): Pool {
  const [ip, bitsText] = cidr.split('/') as [string, string];
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const base = Math.floor(ipToInt(ip) / size) * size;
  if (bits >= 31) return { first: base, last: base + size - 1 };
  return { first: base + 2, last: base + size - 2 };
}

export function inPool(cidr: string, ip: string): boolean {
  const r = poolRange(cidr);
  const n = ipToInt(ip);
  return n >= r.first && n <= r.last;
}

/** The lowest free address of the pool, or null when every address is taken. */
export function firstFree(cidr: string, taken: ReadonlySet<string>): string | null {
  const r = poolRange(cidr);
  for (let n = r.first; n <= r.last; n += 1) {
    const ip = intToIp(n);
    if (!taken.has(ip)) return ip;
  }
  return null;
}
