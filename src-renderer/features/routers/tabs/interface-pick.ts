import type { OutputOf } from '@shared/contract';

export type InterfaceRow = OutputOf<'routers.dashboard.interfaces'>['items'][number];

/** The interface to chart first: a running WAN-like one, else the first running ethernet port. */
export function defaultInterface(items: readonly InterfaceRow[]): string | undefined {
  const usable = items.filter((i) => i.running && !i.disabled);
  const wan = usable.find((i) => /\b(wan\d*|uplink|internet|isp)\b/i.test(`${i.name} ${i.comment}`));
  return (wan ?? usable.find((i) => i.type === 'ether') ?? usable[0])?.name;
}

/** Dynamic per-subscriber interfaces (<pppoe-acc1001>, l2tp-in …): there can be hundreds of them. */
export function isSessionInterface(row: Pick<InterfaceRow, 'name' | 'type'>): boolean {
  return row.name.startsWith('<') || /-in$/.test(row.type);
}
