import { useMemo } from 'react';
import { usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';

export interface Option {
  value: string;
  label: string;
}

/** Who is looking: the tenant's currency and whether they may change plans and batches. */
export function useHotspotViewer(): { currency: string; canManage: boolean; locale: string } {
  const principal = usePrincipal();
  const { locale } = useTimeFormat();
  const staff = principal.kind === 'staff';
  return { currency: staff ? principal.tenant.currency : 'KES', canManage: staff && principal.permissions.includes('subscribers.manage'), locale };
}

/** Routers by name (readable by whoever reads the hotspot, unlike the routers list). */
export function useHotspotRouters(): { options: Option[]; names: Map<string, string> } {
  const list = useRpc('routers.hotspot.routers', {});
  return useMemo(() => {
    const options = (list.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
    return { options, names: new Map(options.map((o) => [o.value, o.label])) };
  }, [list.data]);
}

/** Hotspot plans as options (a hotspot has a handful; 500 is the list channel's page limit). */
export function usePlanOptions(): { options: (Option & { active: boolean; priceMinor: number })[]; names: Map<string, string>; loaded: boolean } {
  const list = useRpc('hotspot.plans.list', { page: 1, pageSize: 500, sort: { field: 'name', dir: 'asc' } });
  return useMemo(() => {
    const options = (list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name, active: p.status === 'active', priceMinor: p.priceMinor }));
    return { options, names: new Map(options.map((o) => [o.value, o.label])), loaded: list.data !== undefined };
  }, [list.data]);
}
