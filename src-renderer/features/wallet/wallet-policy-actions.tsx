import { Button, Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReceipt2, IconSwitchHorizontal } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PACKAGE_CHANGE_POLICIES, type PackageChangePolicy } from '@shared/domain/package-change';
import { formatMoney } from '@shared/domain/money';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { amountTextToMinor } from './wallet-amount';

interface Subject {
  id: string;
  fullName: string;
  packageId: string;
  routerId: string;
  serviceType: string;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={600}>{children}</Text>
    </Stack>
  );
}

/**
 * Subscriber page actions beside the wallet: charge an installation fee (payments.collect) and change the package
 * by policy (subscribers.manage). The change dialog shows main's computed credit, periods, wallet and expiry
 * (the preview channel runs the same code as the apply) before anything is applied.
 */
export function WalletPolicyActions({ subscriber, onChanged }: { subscriber: Subject; onChanged: () => void }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const perms = principal.kind === 'staff' ? principal.permissions : [];
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const canCollect = perms.includes('payments.collect');
  const canChange = perms.includes('subscribers.manage') && perms.includes('payments.read');
  const [open, setOpen] = useState<'fee' | 'change' | null>(null);
  if (!canCollect && !canChange) return null;
  return (
    <>
      <Group gap="sm">
        {canCollect && <Button variant="default" leftSection={<IconReceipt2 size={16} />} onClick={() => setOpen('fee')}>{t('walletPolicy.fee.open')}</Button>}
        {canChange && <Button variant="default" leftSection={<IconSwitchHorizontal size={16} />} onClick={() => setOpen('change')}>{t('walletPolicy.change.open')}</Button>}
      </Group>
      {canCollect && <InstallationFeeDialog opened={open === 'fee'} subscriber={subscriber} currency={currency} onClose={() => setOpen(null)} onDone={onChanged} />}
      {canChange && open === 'change' && <PackageChangeDialog subscriber={subscriber} currency={currency} onClose={() => setOpen(null)} onDone={onChanged} />}
    </>
  );
}

function InstallationFeeDialog({ opened, subscriber, currency, onClose, onDone }: { opened: boolean; subscriber: Subject; currency: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const call = useCall();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) {
      setAmount('');
      setReason('');
    }
  }, [opened]);
  const amountMinor = amountTextToMinor(amount, currency);
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('walletPolicy.fee.title', { name: subscriber.fullName })}
      confirmLabel={t('walletPolicy.fee.confirm')}
      confirmDisabled={amountMinor === null || reason.trim().length < 3}
      onConfirm={async () => {
        if (amountMinor === null) return;
        const r = await call('wallet.installation-fee', { subscriberId: subscriber.id, amountMinor, reason: reason.trim() });
        notifications.show({ color: 'green', title: t('walletPolicy.fee.doneTitle'), message: t('walletPolicy.fee.doneBody', { balance: formatMoney(r.balanceMinor, currency, tf.locale) }) });
        onDone();
      }}
    >
      <Text size="sm">{t('walletPolicy.fee.body')}</Text>
      <TextInput label={t('wallet.amountLabel', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)}
        error={amount.trim() !== '' && amountMinor === null ? t('wallet.amountInvalid') : null} inputMode="decimal" data-autofocus />
      <TextInput label={t('wallet.reasonLabel')} description={t('wallet.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </ConfirmModal>
  );
}

function PackageChangeDialog({ subscriber, currency, onClose, onDone }: { subscriber: Subject; currency: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const call = useCall();
  const [packageId, setPackageId] = useState<string | null>(null);
  const [policy, setPolicy] = useState<PackageChangePolicy>('next-renewal');
  const packages = useRpc('packages.list', { page: 1, pageSize: 500, routerId: subscriber.routerId, status: 'active' });
  const options = (packages.data?.items ?? []).filter((p) => p.id !== subscriber.packageId && p.serviceType === subscriber.serviceType)
    .map((p) => ({ value: p.id, label: `${p.name} — ${formatMoney(p.priceMinor, currency, tf.locale)}` }));
  const preview = useRpc('wallet.package-change.preview', { subscriberId: subscriber.id, packageId: packageId ?? subscriber.packageId, policy }, { enabled: packageId !== null });
  const plan = packageId !== null && preview.data?.to.id === packageId && preview.data.policy === policy ? preview.data : null;
  const money = (minor: number) => formatMoney(minor, currency, tf.locale);
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('walletPolicy.change.title', { name: subscriber.fullName })}
      confirmLabel={t('walletPolicy.change.confirm')}
      confirmDisabled={plan === null || plan.shortMinor > 0}
      onConfirm={async () => {
        if (!plan) return;
        const r = await call('wallet.package-change.apply', { subscriberId: subscriber.id, packageId: plan.to.id, policy });
        notifications.show({
          color: 'green', title: t('walletPolicy.change.doneTitle'),
          message: t('walletPolicy.change.doneBody', { name: r.to.name, when: tf.dateTime(r.expiresAtAfter), balance: money(r.balanceAfterMinor) }),
        });
        onDone();
      }}
    >
      <ErrorAlert error={packages.error} onRetry={packages.reload} />
      <Select label={t('walletPolicy.change.package')} placeholder={t('walletPolicy.change.packagePlaceholder')} data={options} value={packageId} onChange={setPackageId} searchable data-autofocus />
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('walletPolicy.change.policy')}</Text>
        <SegmentedControl value={policy} onChange={(v) => setPolicy(v as PackageChangePolicy)} aria-label={t('walletPolicy.change.policy')}
          data={PACKAGE_CHANGE_POLICIES.map((p) => ({ value: p, label: t(`walletPolicy.change.policyName.${p}`) }))} />
        <Text size="xs" c="dimmed">{t(`walletPolicy.change.policyHint.${policy}`)}</Text>
      </Stack>
      {packageId !== null && !plan && !preview.error && <Skeleton height={60} aria-label={t('walletPolicy.change.computing')} />}
      <ErrorAlert error={preview.error} onRetry={preview.reload} />
      {plan && (
        <>
          <SimpleGrid cols={2} spacing="sm">
            <Fact label={t('walletPolicy.change.credit')}>{money(plan.creditMinor)}</Fact>
            <Fact label={t('walletPolicy.change.periods', { name: plan.to.name })}>{`${plan.periods} (${money(plan.debitMinor)})`}</Fact>
            <Fact label={t('walletPolicy.change.balanceBefore')}>{money(plan.balanceBeforeMinor)}</Fact>
            <Fact label={t('walletPolicy.change.balanceAfter')}>{money(plan.balanceAfterMinor)}</Fact>
            <Fact label={t('walletPolicy.change.expiryBefore')}>{tf.dateTime(plan.expiresAtBefore)}</Fact>
            <Fact label={t('walletPolicy.change.expiryAfter')}>{tf.dateTime(plan.expiresAtAfter)}</Fact>
          </SimpleGrid>
          {plan.shortMinor > 0 && <Text size="sm" c="red">{t('walletPolicy.change.short', { amount: money(plan.shortMinor), name: plan.to.name })}</Text>}
        </>
      )}
    </ConfirmModal>
  );
}
