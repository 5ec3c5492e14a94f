import { Autocomplete, SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { routersChannels } from '@shared/contract/routers';
import { showServerError } from '../../../app/form-errors';
import { useCall } from '../../../app/scope-context';
import { FormTextInput } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';

const schema = routersChannels['routers.address-lists.add'].input.omit({ routerId: true }).required();
type Values = z.input<typeof schema>;

interface AddressListAddModalProps {
  routerId: string;
  /** Lists already on the router, offered as suggestions (a new name is fine too). */
  lists: string[];
  initialList: string;
  onClose: () => void;
  onDone: () => void;
}

/** Adds an address to a firewall address list, optionally for a limited time. */
export function AddressListAddModal({ routerId, lists, initialList, onClose, onDone }: AddressListAddModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { list: initialList, address: '', timeout: '', comment: '' },
  });

  const submit = form.handleSubmit(async (v) => {
    try {
      await callIn('routers.address-lists.add', { routerId, ...v });
      notifications.show({
        color: 'green',
        title: t('routerTabs.addressLists.addedTitle'),
        message: v.timeout.trim()
          ? t('routerTabs.addressLists.addedFor', { address: v.address.trim(), list: v.list.trim(), timeout: v.timeout.trim() })
          : t('routerTabs.addressLists.added', { address: v.address.trim(), list: v.list.trim() }),
      });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened onClose={onClose} title={t('routerTabs.addressLists.addTitle')} form={form} onSubmit={submit} submitLabel={t('routerTabs.addressLists.addSubmit')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={form.control}
          name="list"
          render={({ field, fieldState }) => (
            <Autocomplete
              ref={field.ref}
              label={t('routerTabs.addressLists.form.list')}
              description={t('routerTabs.addressLists.form.listHint')}
              data={lists}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              data-autofocus
            />
          )}
        />
        <FormTextInput name="address" label={t('routerTabs.addressLists.form.address')} description={t('routerTabs.addressLists.form.addressHint')} placeholder={t('examples.listAddress')} />
      </SimpleGrid>
      <FormTextInput name="timeout" label={t('routerTabs.addressLists.form.timeout')} description={t('routerTabs.addressLists.form.timeoutHint')} placeholder={t('examples.timeout')} />
      <FormTextInput name="comment" label={t('routerTabs.addressLists.form.comment')} />
    </FormModal>
  );
}
