import type { AlertItem } from '@shared/contract/ops';
import { formatDuration } from '@shared/domain/time';
import { i18n } from '../../app/i18n';
import { diagnosisLine } from '../../app/messages';

/** An alert (kind + params from main) in words. */
export function alertText(a: AlertItem): { title: string; body: string } {
  const title = i18n.t(`routers.alerts.kind.${a.kind}.title`, { routerName: a.params.routerName });
  switch (a.kind) {
    case 'router.up':
      return {
        title,
        body: a.params.downForMs === null ? i18n.t('routers.alerts.upBodyShort') : i18n.t('routers.alerts.kind.router.up.body', { downFor: formatDuration(a.params.downForMs) }),
      };
    case 'router.down':
    case 'router.degraded':
      return { title, body: a.params.cause ? diagnosisLine(a.params.cause) : '' };
    case 'router.enforcement-health':
      if (a.params.findings.length === 0) {
        return { title: i18n.t('routers.alerts.healthyAgain.title', { routerName: a.params.routerName }), body: i18n.t('routers.alerts.healthyAgain.body') };
      }
      return {
        title,
        body: a.params.findings.map((f) => i18n.t(`routers.alerts.finding.${f.code}`, { ...f, ...('missing' in f && { missing: f.missing.join(', ') }) })).join(' '),
      };
  }
}
