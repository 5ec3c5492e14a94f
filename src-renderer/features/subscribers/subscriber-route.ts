import { paths } from '../../app/paths';
import type { Scope } from '../../app/session-store';

/** A subscriber's detail page: '#/t/<tenantId>/subscribers/<subscriberId>'. */
export function subscriberPath(scope: Scope, subscriberId: string): string {
  return `${paths.area(scope, 'subscribers')}/${encodeURIComponent(subscriberId)}`;
}

/** The subscriber id of a detail route (segments of '#/t/<tenantId>/subscribers/<id>'), else null. */
export function subscriberRoute(segments: readonly string[]): string | null {
  const [first, , area, id] = segments;
  return first === 't' && area === 'subscribers' && id ? id : null;
}
