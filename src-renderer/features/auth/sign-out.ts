import { call } from '../../app/api-client';
import { navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { useSessionStore, type Scope } from '../../app/session-store';

/** Ends the session of one scope (other open profiles stay signed in) and shows its sign-in screen. */
export async function signOut(scope: Scope): Promise<void> {
  const session = useSessionStore.getState().sessions[scope];
  if (session) await call('auth.sign-out', {}, { token: session.token }).catch(() => undefined);
  useSessionStore.getState().end(scope);
  navigate(paths.signIn(scope));
}
