import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { staffCreateInput, type StaffMember } from '@shared/contract/auth';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { FormTextInput } from '../../components/form-fields';
import { RoleCheckboxes } from './role-checkboxes';

const schema = staffCreateInput.pick({ fullName: true, email: true, phone: true, roles: true });
type Values = z.input<typeof schema>;

function valuesOf(s: StaffMember): Values {
  return { fullName: s.fullName, email: s.email, phone: s.phone ?? '', roles: [...s.roles] };
}

export function StaffEditModal({ opened, member, onClose, onDone }: { opened: boolean; member: StaffMember; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: valuesOf(member) });
  useEffect(() => {
    if (opened) form.reset(valuesOf(member));
  }, [opened, member, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      await callIn('staff.update', { staffId: member.id, ...v });
      notifications.show({ color: 'green', title: t('staff.updatedTitle'), message: t('staff.updatedBody', { name: v.fullName }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('staff.editTitle', { name: member.fullName })} form={form} onSubmit={submit} submitLabel={t('common.save')} size="xl">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="fullName" label={t('staffAccount.fullName')} />
        <FormTextInput name="phone" label={t('staffAccount.phone')} placeholder={t('examples.phone')} />
      </SimpleGrid>
      <FormTextInput name="email" label={t('staffAccount.email')} type="email" />
      <RoleCheckboxes />
    </FormModal>
  );
}
