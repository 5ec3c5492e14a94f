import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { FormModal } from '../../components/form-modal';
import { usePackageOptions, type RouterOption } from '../packages/use-router-options';
import { SubscriberFields } from './subscriber-fields';
import {
  emptySubscriberForm, subscriberFormFrom, SUBSCRIBER_FIELD_RENAMES, toCreateInput, toUpdateInput, type SubscriberFormValues,
} from './subscriber-form';

interface SubscriberFormModalProps {
  opened: boolean;
  /** The subscriber being edited; undefined = a new one. */
  subscriber: SubscriberSummary | undefined;
  routers: RouterOption[];
  onClose: () => void;
  onDone: (saved: SubscriberSummary) => void;
}

/** Add or edit a subscriber; duplicates, pool and package checks come back from main as field errors. */
export function SubscriberFormModal({ opened, subscriber, routers, onClose, onDone }: SubscriberFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const { timeZone } = useTimeFormat();
  const form = useForm<SubscriberFormValues, unknown, SubscriberFormValues>({ defaultValues: emptySubscriberForm });
  useEffect(() => {
    if (opened) form.reset(subscriber ? subscriberFormFrom(subscriber, timeZone) : emptySubscriberForm);
  }, [opened, subscriber, form, timeZone]);
  const [routerId, packageId] = useWatch({ control: form.control, name: ['routerId', 'packageId'] });
  // An ISP with one router: that router, once the list has arrived (without resetting what was typed).
  const onlyRouter = routers.length === 1 ? routers[0]!.value : '';
  useEffect(() => {
    if (opened && !routerId && onlyRouter) form.setValue('routerId', onlyRouter);
  }, [opened, routerId, onlyRouter, form]);
  const packages = usePackageOptions(routerId || null);
  // The edited subscriber's own package stays choosable even when disabled since.
  const choices = subscriber && !packages.options.some((p) => p.value === subscriber.packageId)
    ? [...packages.options, { value: subscriber.packageId, label: subscriber.packageName, serviceType: subscriber.serviceType }]
    : packages.options;
  const kind = choices.find((p) => p.value === packageId)?.serviceType;
  // A router without the chosen package: clear the package so the form does not send a mismatch.
  useEffect(() => {
    if (packageId && !packages.loading && !choices.some((p) => p.value === packageId)) form.setValue('packageId', '');
  }, [packageId, packages.loading, choices, form]);

  const submit = form.handleSubmit(async (values) => {
    const serviceKind = kind ?? 'pppoe';
    try {
      const saved = subscriber
        ? await callIn('subscribers.update', toUpdateInput(subscriber, values, serviceKind, timeZone))
        : await callIn('subscribers.create', toCreateInput(values, serviceKind, timeZone));
      notifications.show({
        color: 'green',
        title: t(subscriber ? 'subscriberForm.updatedTitle' : 'subscriberForm.createdTitle'),
        message: t(subscriber ? 'subscriberForm.updatedBody' : 'subscriberForm.createdBody', { name: saved.fullName, account: saved.accountNumber }),
      });
      onDone(saved);
      onClose();
    } catch (e) {
      showServerError(e, form, SUBSCRIBER_FIELD_RENAMES as Record<string, Path<SubscriberFormValues>>);
    }
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={subscriber ? t('subscriberForm.editTitle', { name: subscriber.fullName }) : t('subscriberForm.createTitle')}
      form={form}
      onSubmit={submit}
      submitLabel={subscriber ? t('common.save') : t('subscriberForm.createSubmit')}
      size="xl"
    >
      <SubscriberFields routers={routers} packages={choices} kind={kind} adding={!subscriber} />
    </FormModal>
  );
}
