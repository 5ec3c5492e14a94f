import { PLATFORM, type Scope } from './session-store';

/** Every route of the app, built in one place. */
export const paths = {
  root: () => '/',
  setup: () => '/setup',
  signIn: (scope?: Scope | null) => (scope ? `/sign-in?scope=${encodeURIComponent(scope)}` : '/sign-in'),
  changePassword: (scope: Scope) => `/account/password?scope=${encodeURIComponent(scope)}`,
  area: (scope: Scope, area: string) => (scope === PLATFORM ? `/platform/${area}` : `/t/${encodeURIComponent(scope)}/${area}`),
  home: (scope: Scope) => (scope === PLATFORM ? '/platform/tenants' : `/t/${encodeURIComponent(scope)}/home`),
};
