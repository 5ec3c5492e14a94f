import { paths } from '../../app/paths';
import type { Scope } from '../../app/session-store';

/** Adoption lives in the Subscribers area (it creates subscribers): '#/t/<tenantId>/subscribers/adopt?router=<id>'. */
export function adoptionPath(scope: Scope, routerId?: string): string {
  const base = `${paths.area(scope, 'subscribers')}/adopt`;
  return routerId ? `${base}?router=${encodeURIComponent(routerId)}` : base;
}

/** Whether the route segments are the adoption screen's (subscriber ids are UUIDs, never 'adopt'). */
export function isAdoptionRoute(segments: readonly string[]): boolean {
  const [first, , area, sub] = segments;
  return first === 't' && area === 'subscribers' && sub === 'adopt';
}
