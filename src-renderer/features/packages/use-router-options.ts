import { useMemo } from 'react';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';

export interface RouterOption {
  value: string;
  label: string;
}

/**
 * The tenant's routers as select options (a small ISP has a handful; 500 is the list channel's page
 * limit). Staff without `routers.read` get none and see router names from the rows they read instead.
 */
export function useRouterOptions(): { options: RouterOption[]; names: Map<string, string>; loading: boolean; error: { message: string } | undefined } {
  const principal = usePrincipal();
  const canRead = principal.kind === 'staff' && principal.permissions.includes('routers.read');
  const list = useRpc('routers.list', { page: 1, pageSize: 500, sort: { field: 'name', dir: 'asc' } }, { enabled: canRead });
  return useMemo(() => {
    const options = (list.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
    return { options, names: new Map(options.map((o) => [o.value, o.label])), loading: list.loading, error: list.error };
  }, [list.data, list.loading, list.error]);
}

/** Active packages as select options, optionally only those offered on one router. */
export function usePackageOptions(routerId?: string | null): { options: (RouterOption & { serviceType: 'pppoe' | 'static' })[]; loading: boolean } {
  const list = useRpc('packages.list', { page: 1, pageSize: 500, sort: { field: 'name', dir: 'asc' }, ...(routerId ? { routerId } : {}) });
  return useMemo(() => ({
    options: (list.data?.items ?? []).filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: p.name, serviceType: p.serviceType })),
    loading: list.loading,
  }), [list.data, list.loading]);
}
