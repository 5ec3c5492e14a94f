import { useMemo, useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the whole app lives at one URL (file:// in Electron, / in headless mode) and the
 * route is the part after '#', e.g. '#/t/<tenantId>/staff' or '#/sign-in?scope=platform'.
 */
export interface Location {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

function currentHash(): string {
  return window.location.hash;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) };
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseHash(hash), [hash]);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const hash = `#${to}`;
  if (window.location.hash === hash) return;
  if (opts.replace) {
    window.history.replaceState(window.history.state, '', hash);
    notify();
  } else {
    window.location.hash = to;
  }
}

export function href(to: string): string {
  return `#${to}`;
}
