import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBan, IconDeviceMobileDollar, IconPencil, IconPlugConnected } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { usePrincipal, useScope } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { useRouterOptions } from '../packages/use-router-options';
import { RequestPaymentModal } from '../mpesa/request-payment-modal';
import { PostpaidCard } from '../invoices/postpaid-card';
import { WalletCard } from '../wallet/wallet-card';
import { WalletPolicyActions } from '../wallet/wallet-policy-actions';
import { RevealPassword } from './reveal-password';
import { SubscriberStatusDot, SyncStateDot } from './subscriber-badges';
import { SubscriberFormModal } from './subscriber-form-modal';
import { SubscriberHistory } from './subscriber-history';
import { SubscriberLiveCard } from './subscriber-live-card';
import { SubscriberRowDialogs } from './subscriber-row-dialogs';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <div>{children}</div>
    </Stack>
  );
}

/** One subscriber: profile, service, sync state (with the router's words on error) and history. */
export function SubscriberDetailPage({ subscriberId }: { subscriberId: string }) {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const tf = useTimeFormat();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const canCollect = principal.kind === 'staff' && principal.permissions.includes('payments.collect');
  const [requesting, setRequesting] = useState(false);
  const subscriber = useRpc('subscribers.get', { subscriberId });
  const routers = useRouterOptions();
  const [editing, setEditing] = useState(false);
  const [statusAction, setStatusAction] = useState<'disable' | 'reconnect' | null>(null);
  const [changes, setChanges] = useState(0);
  const listPath = scope ? paths.area(scope, 'subscribers') : '/';
  const s = subscriber.data;
  const changed = () => { subscriber.reload(); setChanges((n) => n + 1); };
  // The wallet card re-reads itself after its own actions (and keeps its receipt dialog open); money moved
  // elsewhere on the page (an M-Pesa request, a fee, a package change) remounts it so it reads again.
  const [walletKey, setWalletKey] = useState(0);
  const walletMoved = () => { setWalletKey((n) => n + 1); changed(); };

  return (
    <Stack gap="md">
      <Anchor href={href(listPath)} size="sm"><Group gap={4}><IconArrowLeft size={14} />{t('subscriberDetail.back')}</Group></Anchor>
      <ErrorAlert error={subscriber.error} onRetry={subscriber.reload} />
      {!s && subscriber.loading && <Skeleton height={200} />}
      {s && (
        <>
          <Group justify="space-between" align="flex-end">
            <Stack gap={4}>
              <Title order={2}>{s.fullName}</Title>
              <Group gap="sm"><Text ff="monospace" c="dimmed">{s.accountNumber}</Text><SubscriberStatusDot status={s.status} /></Group>
            </Stack>
            <Group gap="sm">
              {canCollect && <Button variant="default" leftSection={<IconDeviceMobileDollar size={16} />} onClick={() => setRequesting(true)}>{t('mpesa.requestPayment')}</Button>}
              {canManage && (<>
                {s.status === 'disabled' || s.status === 'suspended'
                  ? <Button variant="default" leftSection={<IconPlugConnected size={16} />} onClick={() => setStatusAction('reconnect')}>{t('subscribers.reconnect')}</Button>
                  : <Button variant="default" color="red" leftSection={<IconBan size={16} />} onClick={() => setStatusAction('disable')}>{t('subscribers.disable')}</Button>}
                <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>{t('subscribers.edit')}</Button>
              </>)}
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper p="md" radius="md" withBorder>
              <Title order={4} mb="sm">{t('subscriberDetail.profile')}</Title>
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={t('subscriberForm.phone')}>{s.phones.join(', ')}</Fact>
                <Fact label={t('subscriberForm.email')}>{s.email ?? '—'}</Fact>
                <Fact label={t('subscriberDetail.location')}>{[s.location.site, s.location.building, s.location.text].filter(Boolean).join(', ') || '—'}</Fact>
                <Fact label={t('subscriberDetail.installed')}>{s.installedAt ? tf.date(s.installedAt) : '—'}</Fact>
                <Fact label={t('subscriberForm.tags')}><Group gap={4}>{s.tags.map((tag) => <Badge key={tag} variant="light" size="sm">{tag}</Badge>)}</Group></Fact>
                <Fact label={t('subscriberForm.notes')}>{s.notes || '—'}</Fact>
              </SimpleGrid>
            </Paper>
            <Paper p="md" radius="md" withBorder>
              <Title order={4} mb="sm">{t('subscriberDetail.service')}</Title>
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={t('subscriberForm.package')}>{`${s.packageName} (${t(`packages.type.${s.serviceType}`)})`}</Fact>
                <Fact label={t('subscriberForm.router')}>{s.routerName}</Fact>
                <Fact label={t('subscribers.col.expiry')}>{tf.dateTime(s.expiresAt)}</Fact>
                <Fact label={t('subscribers.col.sync')}><SyncStateDot state={s.syncState} error={null} /></Fact>
                {s.username !== null && <Fact label={t('subscriberForm.username')}><Text ff="monospace" size="sm">{s.username}</Text></Fact>}
                {s.username !== null && s.hasPassword && canManage && (
                  <Fact label={t('subscriberDetail.password')}><RevealPassword subscriberId={s.id} onRevealed={() => setChanges((n) => n + 1)} /></Fact>
                )}
                {s.ipAddress !== null && <Fact label={t('subscriberForm.ipAddress')}><Text ff="monospace" size="sm">{s.ipAddress}</Text></Fact>}
                {s.macAddress !== null && <Fact label={t('subscriberForm.macAddress')}><Text ff="monospace" size="sm">{s.macAddress}</Text></Fact>}
              </SimpleGrid>
              {s.syncError && <ErrorAlert title={t('subscriberDetail.routerRefused')} error={{ message: s.syncError }} />}
            </Paper>
          </SimpleGrid>
          <SubscriberLiveCard subscriberId={s.id} routerName={s.routerName} />
          <WalletCard key={`wallet-${walletKey}`} subscriberId={s.id} subscriberName={s.fullName} onChanged={changed} />
          <WalletPolicyActions subscriber={s} onChanged={walletMoved} />
          <PostpaidCard subscriberId={s.id} subscriberName={s.fullName} />
          <SubscriberHistory key={changes} subscriberId={s.id} />
          {canCollect && <RequestPaymentModal opened={requesting} subscriber={s} onClose={() => setRequesting(false)} onPaid={walletMoved} />}
          <SubscriberRowDialogs action={statusAction} subscriber={s} onClose={() => setStatusAction(null)} onDone={() => { setStatusAction(null); changed(); }} />
          <SubscriberFormModal
            opened={editing}
            subscriber={s}
            routers={routers.options}
            onClose={() => setEditing(false)}
            onDone={changed}
          />
        </>
      )}
      {subscriber.error?.code === 'NOT_FOUND' && <Button variant="default" onClick={() => navigate(listPath)}>{t('subscriberDetail.back')}</Button>}
    </Stack>
  );
}
