import { PLATFORM, type Scope } from './session-store';

/** Every route of the app, built in one place. */
export const paths = {
  root: () => '/',
  setup: () => '/setup',
  signIn: (scope?: Scope | null) => (scope ? `/sign-in?scope=${encodeURIComponent(scope)}` : '/sign-in'),
  changePassword: (scope: Scope) => `/account/password?scope=${encodeURIComponent(scope)}`,
  area: (scope: Scope, area: string) => (scope === PLATFORM ? `/platform/${area}` : `/t/${encodeURIComponent(scope)}/${area}`),
  /** A router's dashboard, '#/t/<tenantId>/routers/<routerId>/<tab>' (no tab = the first one). */
  router: (scope: Scope, routerId: string, tab?: string) =>
    `/t/${encodeURIComponent(scope)}/routers/${encodeURIComponent(routerId)}${tab ? `/${encodeURIComponent(tab)}` : ''}`,
  home: (scope: Scope) => (scope === PLATFORM ? '/platform/tenants' : `/t/${encodeURIComponent(scope)}/home`),
};

/** The router and tab of a dashboard route (segments of '#/t/<tenantId>/routers/<routerId>/<tab>'), else null. */
export function routerRoute(segments: readonly string[]): { routerId: string; tab: string | undefined } | null {
  const [first, , area, routerId, tab] = segments;
  return first === 't' && area === 'routers' && routerId ? { routerId, tab } : null;
}
