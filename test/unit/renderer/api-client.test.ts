import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call } from '../../../src-renderer/app/api-client';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('call (HTTP transport)', () => {
  it('posts JSON to /rpc/<channel> with the session token and returns the data', async () => {
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify({ ok: true, data: { needsSetup: true } }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(call('setup.status', {}, { token: 'abc' })).resolves.toEqual({ needsSetup: true });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/rpc/setup.status');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer abc');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(init?.body).toBe('{}');
  });

  it('throws ApiError with the words for the key, field codes and schema messages, and the reason', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'auth.tenant-suspended', params: {}, reason: 'TENANT_SUSPENDED', fields: { email: 'taken', name: 'Enter at least 2 characters' } },
    }), { status: 403 })));
    const e = await call('auth.session', {}).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      code: 'FORBIDDEN', message: 'This ISP profile is suspended. Contact your platform administrator.', reason: 'TENANT_SUSPENDED',
      fields: { email: 'Already in use', name: 'Enter at least 2 characters' },
    });
  });

  it('words a transport refusal that carries no key by its envelope code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Unknown host.' } }), { status: 421 })));
    const e = await call('auth.session', {}).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: 'This request is not allowed.' });
  });

  it('turns a network failure into UNAVAILABLE with a readable message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const e = await call('setup.status', {}).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'UNAVAILABLE' });
    expect((e as ApiError).message).toMatch(/Cannot reach the ISP Desk server/);
  });

  it('treats a non-envelope answer as an error, not as data', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>proxy error</html>', { status: 502 })));
    await expect(call('setup.status', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
