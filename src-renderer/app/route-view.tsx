import { useEffect } from 'react';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SetupPage } from '../features/setup/setup-page';
import { NoAccess, NotFound } from '../components/no-access';
import { AREA_PAGES } from './area-pages';
import { findArea, mayOpen, type AreaId } from './areas';
import { Redirect } from './redirect';
import { href, useLocation } from './router';
import { paths } from './paths';
import { ScopeProvider } from './scope-context';
import { PLATFORM, useSessionStore, type Scope } from './session-store';
import { AppLayout } from './shell/app-layout';

interface RouteViewProps {
  needsSetup: boolean;
  onSetupDone: () => void;
}

function MarkActive({ scope }: { scope: Scope }) {
  const setActive = useSessionStore((s) => s.setActive);
  useEffect(() => setActive(scope), [scope, setActive]);
  return null;
}

/**
 * Routes:
 *   #/setup                         first-run wizard (only while the installation needs it)
 *   #/sign-in?scope=<platform|id>   sign-in, profile preselected
 *   #/account/password?scope=…      change password (forced when the server says so)
 *   #/platform/<area>               platform administration
 *   #/t/<tenantId>/<area>           a tenant's workspace
 *   #/t/<tenantId>/routers/<routerId>/<tab>
 *                                   a router's dashboard (the Routers area page reads the rest with paths.routerRoute)
 * Scoped routes need that scope's session (else sign-in) and the area's permission (else "no access").
 */
export function RouteView({ needsSetup, onSetupDone }: RouteViewProps) {
  const location = useLocation();
  const sessions = useSessionStore((s) => s.sessions);
  const activeScope = useSessionStore((s) => s.activeScope);
  const [first, second, third] = location.segments;

  if (needsSetup) return first === 'setup' ? <SetupPage onDone={onSetupDone} /> : <Redirect to={paths.setup()} />;
  if (first === 'setup') return <Redirect to={paths.root()} />;
  if (first === 'sign-in') return <SignInPage preselect={location.query.get('scope')} />;

  if (first === 'account' && second === 'password') {
    const scope = location.query.get('scope') ?? activeScope;
    const session = scope ? sessions[scope] : undefined;
    if (!scope || !session) return <Redirect to={paths.signIn(scope)} />;
    const forced = session.principal.mustChangePassword;
    return (
      <ScopeProvider value={scope}>
        <MarkActive scope={scope} />
        {forced ? <ChangePasswordPage forced /> : <AppLayout><ChangePasswordPage forced={false} /></AppLayout>}
      </ScopeProvider>
    );
  }

  let scope: Scope;
  let areaPath: string | undefined;
  if (first === 'platform') {
    scope = PLATFORM;
    areaPath = second;
  } else if (first === 't' && second) {
    scope = second;
    areaPath = third;
  } else {
    const fallback = activeScope && sessions[activeScope] ? activeScope : Object.keys(sessions)[0];
    return <Redirect to={fallback ? paths.home(fallback) : paths.signIn()} />;
  }

  const session = sessions[scope];
  if (!session) return <Redirect to={paths.signIn(scope)} />;
  if (session.principal.mustChangePassword) return <Redirect to={paths.changePassword(scope)} />;
  if (!areaPath) return <Redirect to={paths.home(scope)} />;

  const area = findArea(scope === PLATFORM ? 'platform' : 'tenant', areaPath);
  const homeHref = href(paths.home(scope));
  let content;
  if (!area) content = <NotFound homeHref={homeHref} />;
  else if (!mayOpen(area, session.principal)) content = <NoAccess homeHref={homeHref} />;
  else {
    const Page = AREA_PAGES[area.id as AreaId];
    content = <Page />;
  }
  return (
    <ScopeProvider value={scope}>
      <MarkActive scope={scope} />
      <AppLayout key={scope}>{content}</AppLayout>
    </ScopeProvider>
  );
}
