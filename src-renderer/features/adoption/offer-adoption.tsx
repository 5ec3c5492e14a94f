import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouterSummary } from '@shared/contract/routers';
import { href } from '../../app/router';
import { usePrincipal, useScope } from '../../app/scope-context';
import { adoptionPath } from './adoption-route';

/**
 * Day one on ISP Desk: right after a router is added, offer to import the PPPoE users it already has
 * (the adoption preview writes nothing). Only for staff who may manage subscribers.
 */
export function useOfferAdoption(): (router: RouterSummary) => void {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  return (router) => {
    if (!canManage || !scope) return;
    notifications.show({
      id: `offer-adoption-${router.id}`,
      autoClose: 20_000,
      title: t('adoption.offer.title', { name: router.name }),
      message: (
        <Text size="sm">
          {t('adoption.offer.body')}{' '}
          <Anchor href={href(adoptionPath(scope, router.id))} onClick={() => notifications.hide(`offer-adoption-${router.id}`)}>
            {t('adoption.offer.link')}
          </Anchor>
        </Text>
      ),
    });
  };
}
