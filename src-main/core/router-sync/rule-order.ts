/**
 * Firewall and NAT rules act in order: the first rule of a chain that matches decides. An ISP's own
 * "accept established" or "accept LAN" rule above our drop would keep expired customers online, so the
 * app's rules stay first in their chain, accepts (DNS, notice page) before the drop
 * (router-enforcement.md §2.1: "Filter and NAT rules, placed first"). Rules are put back with RouterOS
 * `move numbers=… destination=…` (Command Line Interface manual, "General commands": move places the items
 * before the destination, or at the end without one), which never leaves a moment without the rule.
 */
import type { RosConnection, RosRow } from '../routeros/client';

export const RULE_ORDER_MENUS: ReadonlySet<string> = new Set(['/ip/firewall/filter', '/ip/firewall/nat']);

/** Comments of the app's firewall rules start with this (prerequisites.ts `ispdesk:fw:<role>;`). */
const OUR_RULE = 'ispdesk:fw:';

const isOurs = (r: RosRow): boolean => (r.comment ?? '').startsWith(OUR_RULE);

/** Rules that end a packet's way go after the ones that let some of it through (DNS, the notice page). */
const rank = (r: RosRow): number => (r.action === 'drop' || r.action === 'reject' ? 1 : 0);

export interface RuleMove {
  id: string;
  /** `.id` of the rule to place it before; undefined = the end of the list. */
  before: string | undefined;
}

/**
 * The moves that make the app's rules the first rules of each chain, in rank order, given the menu's rows
 * in router order. Empty when they already are.
 */
export function ruleMoves(rows: readonly RosRow[]): RuleMove[] {
  const chains = new Map<string, RosRow[]>();
  // Dynamic rules (hotspot's, the fasttrack counter dummy) belong to the router and cannot be moved.
  for (const r of rows.filter((x) => x.dynamic !== 'true')) {
    const chain = r.chain ?? '';
    const list = chains.get(chain);
    if (list) list.push(r);
    else chains.set(chain, [r]);
  }
  const moves: RuleMove[] = [];
  for (const chainRows of chains.values()) {
    const ours = chainRows.filter(isOurs);
    if (ours.length === 0) continue;
    const desired = ours.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
    if (desired.every((r, i) => chainRows[i] === r)) continue;
    const anchor = chainRows.find((r) => !isOurs(r));
    for (const r of desired) moves.push({ id: r['.id']!, before: anchor?.['.id'] });
  }
  return moves;
}

/** Lists the menu once and moves the app's rules back to the top of their chains. Returns the moves made. */
export async function keepOurRulesFirst(conn: RosConnection, menu: string): Promise<number> {
  const rows = await conn.print(menu, { proplist: ['.id', 'chain', 'action', 'comment', 'dynamic'] });
  const moves = ruleMoves(rows);
  for (const m of moves) {
    await conn.command(`${menu}/move`, { attributes: m.before === undefined ? { numbers: m.id } : { numbers: m.id, destination: m.before } });
  }
  return moves.length;
}
