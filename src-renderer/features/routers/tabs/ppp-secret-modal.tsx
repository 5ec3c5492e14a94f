import { SimpleGrid, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type OutputOf } from '@shared/contract';
import { showServerError } from '../../../app/form-errors';
import { useCall } from '../../../app/scope-context';
import { FormModal } from '../../../components/form-modal';
import { FormPasswordInput, FormSelect, FormTextInput } from '../../../components/form-fields';

export type PppSecret = OutputOf<'routers.ppp.secrets'>['items'][number];

const addSchema = contract['routers.ppp.secret.add'].input.omit({ routerId: true });
// On edit an empty password keeps the one on the router.
const editSchema = addSchema.extend({ password: z.string().max(64, 'Use at most 64 characters') });
type Values = z.input<typeof editSchema>;
const addResolver = zodResolver(addSchema, undefined, { raw: true });
const editResolver = zodResolver(editSchema, undefined, { raw: true });
type Field = Exclude<keyof Values, 'password'>;

export const PPP_SERVICES = ['any', 'pppoe', 'pptp', 'l2tp', 'ovpn', 'sstp'] as const;

function valuesOf(secret: PppSecret | null, defaultProfile: string): Values {
  if (!secret) {
    return { name: '', password: '', service: 'pppoe', profile: defaultProfile, remoteAddress: '', callerId: '', comment: '', disabled: false };
  }
  return {
    name: secret.name, password: '', service: (PPP_SERVICES as readonly string[]).includes(secret.service) ? secret.service as Values['service'] : 'any',
    profile: secret.profile, remoteAddress: secret.remoteAddress, callerId: secret.callerId, comment: secret.comment, disabled: secret.disabled,
  };
}

interface PppSecretModalProps {
  opened: boolean;
  onClose: () => void;
  routerId: string;
  /** The secret being edited; null adds one. */
  secret: PppSecret | null;
  profiles: string[];
  onDone: () => void;
}

/** Add or edit a PPP secret on the router (on edit only the changed fields are sent). */
export function PppSecretModal({ opened, onClose, routerId, secret, profiles, onDone }: PppSecretModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const defaultProfile = profiles.includes('default') ? 'default' : profiles[0] ?? '';
  const latest = useRef({ secret, defaultProfile });
  useEffect(() => {
    latest.current = { secret, defaultProfile };
  });
  const form = useForm<Values, unknown, Values>({
    resolver: (values, context, options) => (latest.current.secret ? editResolver : addResolver)(values, context, options),
    defaultValues: valuesOf(secret, defaultProfile),
  });
  const secretId = secret?.id;
  useEffect(() => {
    if (opened) form.reset(valuesOf(latest.current.secret, latest.current.defaultProfile));
  }, [opened, secretId, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      if (secret) {
        const before = valuesOf(secret, defaultProfile);
        const changed = Object.fromEntries(
          (Object.keys(v) as (keyof Values)[]).filter((k) => k !== 'password' && v[k] !== before[k]).map((k) => [k, v[k as Field]]),
        ) as Partial<Pick<Values, Field>>;
        await callIn('routers.ppp.secret.update', { routerId, secretId: secret.id, ...changed, ...(v.password ? { password: v.password } : {}) });
        notifications.show({ color: 'green', title: t('routers.ppp.secretUpdatedTitle'), message: t('routers.ppp.secretUpdatedBody', { name: v.name }) });
      } else {
        await callIn('routers.ppp.secret.add', { routerId, ...v });
        notifications.show({ color: 'green', title: t('routers.ppp.secretAddedTitle'), message: t('routers.ppp.secretAddedBody', { name: v.name }) });
      }
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  const profileOptions = [...new Set([...profiles, ...(secret ? [secret.profile] : [])])].filter(Boolean);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={secret ? t('routers.ppp.secretEditTitle', { name: secret.name }) : t('routers.ppp.secretAddTitle')}
      form={form}
      onSubmit={submit}
      submitLabel={secret ? t('common.save') : t('routers.ppp.secretAddSubmit')}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="name" label={t('routers.ppp.secretName')} autoComplete="off" data-autofocus />
        <FormPasswordInput
          name="password"
          label={t('routers.ppp.secretPassword')}
          description={secret ? t('routers.ppp.secretPasswordKeep') : undefined}
          autoComplete="new-password"
        />
        <FormSelect name="profile" label={t('routers.ppp.secretProfile')} data={profileOptions} allowDeselect={false} searchable />
        <FormSelect name="service" label={t('routers.ppp.secretService')} data={[...PPP_SERVICES]} allowDeselect={false} />
        <FormTextInput name="remoteAddress" label={t('routers.ppp.secretRemoteAddress')} description={t('routers.ppp.secretRemoteAddressHint')} placeholder={t('examples.pppRemoteAddress')} />
        <FormTextInput name="callerId" label={t('routers.ppp.secretCallerId')} description={t('routers.ppp.secretCallerIdHint')} />
      </SimpleGrid>
      <FormTextInput name="comment" label={t('routers.ppp.secretComment')} />
      <Controller
        control={form.control}
        name="disabled"
        render={({ field }) => (
          <Switch
            label={t('routers.ppp.secretDisabled')}
            description={t('routers.ppp.secretDisabledHint')}
            checked={field.value ?? false}
            ref={field.ref}
            onChange={(e) => field.onChange(e.currentTarget.checked)}
          />
        )}
      />
    </FormModal>
  );
}
