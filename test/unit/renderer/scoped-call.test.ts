import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '@shared/contract/auth';
import type * as StoreModule from '../../../src-renderer/app/session-store';
import type * as ScopedModule from '../../../src-renderer/app/scoped-call';

// The session store persists to sessionStorage, which plain Node lacks.
const memory = new Map<string, string>();
vi.stubGlobal('sessionStorage', {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
});

type Store = typeof StoreModule;
type Scoped = typeof ScopedModule;
let store: Store;
let scoped: Scoped;

const TENANT_ID = '0190a0b0-0000-7000-8000-000000000001';

function session(token: string, mustChangePassword = false): SessionInfo {
  return {
    token,
    idleTimeoutMs: 1_800_000,
    principal: {
      kind: 'staff', userId: '0190a0b0-0000-7000-8000-000000000002', fullName: 'Chebet', email: 'c@example.com', roles: ['CASHIER'],
      permissions: ['payments.collect'], mustChangePassword,
      tenant: { id: TENANT_ID, name: 'Net', currency: 'KES', timezone: 'Africa/Nairobi', isDemo: false },
    },
  };
}

function answer(body: unknown, status = 200) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status })));
}

beforeAll(async () => {
  store = await import('../../../src-renderer/app/session-store');
  scoped = await import('../../../src-renderer/app/scoped-call');
});

beforeEach(() => {
  store.useSessionStore.setState({ sessions: {}, activeScope: null, notice: null });
});

describe('callIn', () => {
  it('drops the session and keeps main’s explanation when the call is UNAUTHENTICATED', async () => {
    store.useSessionStore.getState().signedIn(session('tok-1'));
    answer({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'auth.session-expired', params: {}, reason: 'SESSION_EXPIRED' } }, 401);
    await expect(scoped.callIn(TENANT_ID, 'staff.list', { page: 1, pageSize: 25 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const s = store.useSessionStore.getState();
    expect(s.sessions[TENANT_ID]).toBeUndefined();
    expect(s.notice).toEqual({ scope: TENANT_ID, message: 'Your session expired after a period of inactivity. Please sign in again.' });
  });

  it('drops the session when main says the tenant is suspended', async () => {
    store.useSessionStore.getState().signedIn(session('tok-1'));
    answer({ ok: false, error: { code: 'FORBIDDEN', message: 'This ISP profile is suspended.', reason: 'TENANT_SUSPENDED' } }, 403);
    await expect(scoped.callIn(TENANT_ID, 'settings.get', {})).rejects.toMatchObject({ reason: 'TENANT_SUSPENDED' });
    expect(store.useSessionStore.getState().sessions[TENANT_ID]).toBeUndefined();
  });

  it('keeps the session on an ordinary FORBIDDEN, and marks a required password change', async () => {
    store.useSessionStore.getState().signedIn(session('tok-1'));
    answer({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } }, 403);
    await expect(scoped.callIn(TENANT_ID, 'settings.get', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(store.useSessionStore.getState().sessions[TENANT_ID]?.token).toBe('tok-1');

    answer({ ok: false, error: { code: 'FORBIDDEN', message: 'Please change your password first.', reason: 'PASSWORD_CHANGE_REQUIRED' } }, 403);
    await expect(scoped.callIn(TENANT_ID, 'settings.get', {})).rejects.toBeDefined();
    expect(store.useSessionStore.getState().sessions[TENANT_ID]?.principal.mustChangePassword).toBe(true);
  });

  it('does not end a session signed in after the failing call started', async () => {
    store.useSessionStore.getState().signedIn(session('old'));
    let release: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((r) => {
      release = r;
    })));
    const pending = scoped.callIn(TENANT_ID, 'auth.session', {});
    store.useSessionStore.getState().signedIn(session('new'));
    release(new Response(JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.', reason: 'NO_SESSION' } }), { status: 401 }));
    await expect(pending).rejects.toBeDefined();
    expect(store.useSessionStore.getState().sessions[TENANT_ID]?.token).toBe('new');
  });

  it('persists sessions to sessionStorage so a reload stays signed in', () => {
    store.useSessionStore.getState().signedIn(session('tok-9'));
    const saved = JSON.parse(memory.get('isp-desk.sessions') ?? '{}') as { state?: { sessions?: Record<string, { token: string }> } };
    expect(saved.state?.sessions?.[TENANT_ID]?.token).toBe('tok-9');
  });
});
