import { Divider, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../../app/field-messages';
import { useTimeFormat } from '../../app/time-format';
import { FormSelect, FormTextInput } from '../../components/form-fields';
import type { RouterOption } from '../packages/use-router-options';
import type { ServiceKind, SubscriberFormValues } from './subscriber-form';

interface SubscriberFieldsProps {
  routers: RouterOption[];
  packages: RouterOption[];
  kind: ServiceKind | undefined;
  /** A new subscriber may start with a chosen first expiry; later changes go through Extend. */
  adding: boolean;
}

/** The subscriber form's fields; the package's service type decides PPPoE (user name) or static (IP, MAC). */
export function SubscriberFields({ routers, packages, kind, adding }: SubscriberFieldsProps) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');
  const { control, register, formState } = useFormContext<SubscriberFormValues>();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="fullName" label={t('subscriberForm.fullName')} placeholder={t('examples.personName')} />
        <FormTextInput name="accountNumber" label={t('subscriberForm.accountNumber')} description={t('subscriberForm.accountHint')} placeholder={t('examples.accountNumber')} />
        <FormTextInput name="phone" label={t('subscriberForm.phone')} placeholder={t('examples.phone')} />
        <FormTextInput name="phone2" label={t('subscriberForm.phone2')} placeholder={t('examples.phone')} />
        <FormTextInput name="email" label={t('subscriberForm.email')} type="email" placeholder={t('examples.email')} />
      </SimpleGrid>
      <Divider label={t('subscriberForm.service')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormSelect name="routerId" label={t('subscriberForm.router')} data={routers} searchable allowDeselect={false} />
        <FormSelect name="packageId" label={t('subscriberForm.package')} description={t('subscriberForm.packageHint')} data={packages} searchable allowDeselect={false} />
        {kind === 'pppoe' && (
          <FormTextInput name="username" label={t('subscriberForm.username')} description={t('subscriberForm.usernameHint')} placeholder={t('examples.pppUsername')} />
        )}
        {kind === 'static' && (
          <>
            <FormTextInput name="ipAddress" label={t('subscriberForm.ipAddress')} description={t('subscriberForm.ipHint')} placeholder={t('examples.subscriberIp')} />
            <FormTextInput name="macAddress" label={t('subscriberForm.macAddress')} placeholder={t('examples.macAddress')} />
          </>
        )}
        <Controller
          control={control}
          name="installedOn"
          render={({ field, fieldState }) => (
            <DatePickerInput label={t('subscriberForm.installedOn')} value={field.value} onChange={(v) => field.onChange(v ?? null)} valueFormatter={dayLabel} clearable error={fieldMessage(fieldState.error?.message)} />
          )}
        />
        {adding && (
          <Controller
            control={control}
            name="firstExpiryOn"
            render={({ field, fieldState }) => (
              <DatePickerInput label={t('subscriberForm.firstExpiryOn')} description={t('subscriberForm.firstExpiryHint')} value={field.value} onChange={(v) => field.onChange(v ?? null)} valueFormatter={dayLabel} clearable error={fieldMessage(fieldState.error?.message)} />
            )}
          />
        )}
      </SimpleGrid>
      <Divider label={t('subscriberForm.locationTitle')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FormTextInput name="site" label={t('subscriberForm.site')} placeholder={t('examples.site')} />
        <FormTextInput name="building" label={t('subscriberForm.building')} placeholder={t('examples.building')} />
        <FormTextInput name="locationText" label={t('subscriberForm.locationText')} />
      </SimpleGrid>
      <Controller
        control={control}
        name="tags"
        render={({ field, fieldState }) => (
          <TagsInput label={t('subscriberForm.tags')} placeholder={t('examples.tag')} value={field.value} onChange={field.onChange} error={fieldMessage(fieldState.error?.message)} />
        )}
      />
      <Textarea label={t('subscriberForm.notes')} autosize minRows={2} {...register('notes')} error={fieldMessage(formState.errors.notes?.message)} />
    </Stack>
  );
}
