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
  }
}
