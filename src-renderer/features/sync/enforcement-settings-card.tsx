import { Alert, Button, Group, NumberInput, Paper, Radio, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnforcementSettingsDto } from '@shared/contract/enforcement';
import { useCall } from '../../app/scope-context';
import { toApiError, useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import {
  enforcementFormChanged, enforcementFormFrom, toEnforcementUpdate, type EnforcementField, type EnforcementFormValues,
} from './enforcement-settings-form';

type FieldErrors = Partial<Record<EnforcementField, string>>;

/**
 * The tenant's expiry enforcement settings: what every router does to an expired customer. Saving asks
 * first, because it changes that for every expired customer at once (installed sweepers are regenerated).
 */
export function EnforcementSettingsCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const settings = useRpc('enforcement.settings.get', {});
  const [values, setValues] = useState<EnforcementFormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<{ message: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const saved = settings.data;
  useEffect(() => {
    if (saved) setValues(enforcementFormFrom(saved));
  }, [saved]);

  const edit = (patch: Partial<EnforcementFormValues>) => {
    setValues((v) => (v ? { ...v, ...patch } : v));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as EnforcementField];
      return next;
    });
  };
  const review = () => {
    if (!values) return;
    const out = toEnforcementUpdate(values);
    if ('fields' in out) setErrors(out.fields);
    else setConfirming(true);
  };
  const save = async (): Promise<void> => {
    if (!values) return;
    const out = toEnforcementUpdate(values);
    if ('fields' in out) return;
    try {
      const next: EnforcementSettingsDto = await callIn('enforcement.settings.update', out.input);
      setValues(enforcementFormFrom(next));
      setServerError(null);
      settings.reload();
      notifications.show({ color: 'green', title: t('sync.settings.savedTitle'), message: t('sync.settings.savedBody') });
    } catch (e) {
      // Field errors go next to their fields; the dialog closes so they can be seen.
      const error = toApiError(e);
      setErrors((error.fields ?? {}) as FieldErrors);
      setServerError(error);
    }
  };

  return (
    <Paper p="md" radius="md" withBorder aria-label={t('sync.settings.title')}>
      <Stack gap="sm">
        <Title order={3}>{t('sync.settings.title')}</Title>
        <Text size="sm" c="dimmed">{t('sync.settings.intro')}</Text>
        <ErrorAlert error={settings.error} onRetry={settings.reload} />
        {!values && settings.loading && <Skeleton height={160} />}
        {values && saved && (
          <>
            <Radio.Group label={t('sync.settings.expiryAction')} value={values.expiryAction} error={errors.expiryAction}
              onChange={(v) => edit({ expiryAction: v === 'expired-profile' ? 'expired-profile' : 'disable' })}>
              <Stack gap="xs" mt="xs">
                <Radio value="disable" label={t('sync.settings.action.disable')} description={t('sync.settings.actionHint.disable')} disabled={!canManage} />
                <Radio value="expired-profile" label={t('sync.settings.action.expired-profile')} description={t('sync.settings.actionHint.expired-profile')} disabled={!canManage} />
              </Stack>
            </Radio.Group>
            <TextInput label={t('sync.settings.noticeUrl')} description={t('sync.settings.noticeUrlHint')} placeholder={t('examples.noticeUrl')}
              value={values.noticeUrl} error={errors.noticeUrl} disabled={!canManage} onChange={(e) => edit({ noticeUrl: e.currentTarget.value })} />
            <Switch label={t('sync.settings.strict')} description={t('sync.settings.strictHint')} checked={values.strict} disabled={!canManage}
              onChange={(e) => edit({ strict: e.currentTarget.checked })} />
            {values.strict && (
              <NumberInput label={t('sync.settings.strictHours')} w={220} min={1} max={720} allowDecimal={false} value={values.strictOutageHours}
                error={errors.strictOutageHours} disabled={!canManage} onChange={(v) => edit({ strictOutageHours: v })} />
            )}
            <ErrorAlert error={serverError} />
            {canManage && (
              <Group>
                <Button onClick={review} disabled={!enforcementFormChanged(saved, values)}>{t('sync.settings.save')}</Button>
                <Button variant="subtle" color="gray" disabled={!enforcementFormChanged(saved, values)} onClick={() => { setValues(enforcementFormFrom(saved)); setErrors({}); setServerError(null); }}>
                  {t('sync.settings.undo')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      {values && (
        <ConfirmModal opened={confirming} onClose={() => setConfirming(false)} title={t('sync.settings.confirmTitle')} confirmLabel={t('sync.settings.confirm')} color="orange" onConfirm={save}>
          <Alert color="orange" variant="light">{t('sync.settings.confirmEveryone')}</Alert>
          <Text size="sm">{t(`sync.settings.confirmAction.${values.expiryAction}`, { url: values.noticeUrl.trim() || t('sync.settings.noNotice') })}</Text>
          <Text size="sm">{values.strict ? t('sync.settings.confirmStrict', { hours: values.strictOutageHours }) : t('sync.settings.confirmNoStrict')}</Text>
          <Text size="sm" c="dimmed">{t('sync.settings.confirmRouters')}</Text>
        </ConfirmModal>
      )}
    </Paper>
  );
}
