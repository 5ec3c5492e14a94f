import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PackageSummary } from '@shared/contract/packages';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { emptyPackageForm, packageFieldRenames, packageFormFrom, toPackageInput, type PackageFormValues } from './package-form';
import { PackageFields } from './package-fields';
import type { RouterOption } from './use-router-options';

interface PackageFormModalProps {
  opened: boolean;
  /** The package being edited; undefined = a new one. */
  pkg: PackageSummary | undefined;
  routers: RouterOption[];
  currency: string;
  onClose: () => void;
  onDone: () => void;
}

/** Create or edit a package; main checks every field (names, pools, profiles) and its errors land on the fields. */
export function PackageFormModal({ opened, pkg, routers, currency, onClose, onDone }: PackageFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<PackageFormValues, unknown, PackageFormValues>({ defaultValues: emptyPackageForm });
  useEffect(() => {
    if (opened) form.reset(pkg ? packageFormFrom(pkg, currency) : emptyPackageForm);
  }, [opened, pkg, currency, form]);

  const submit = form.handleSubmit(async (values) => {
    const converted = toPackageInput(values, currency);
    if ('field' in converted) {
      form.setError('price', { type: 'client', message: t('packages.field.priceInvalid') });
      return;
    }
    try {
      const saved = pkg
        ? await callIn('packages.update', { packageId: pkg.id, ...converted.input })
        : await callIn('packages.create', converted.input);
      notifications.show({
        color: 'green',
        title: t(pkg ? 'packages.updatedTitle' : 'packages.createdTitle'),
        message: t(pkg ? 'packages.updatedBody' : 'packages.createdBody', { name: saved.name }),
      });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form, packageFieldRenames(values) as Record<string, Path<PackageFormValues>>);
    }
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={pkg ? t('packages.editTitle', { name: pkg.name }) : t('packages.createTitle')}
      form={form}
      onSubmit={submit}
      submitLabel={pkg ? t('common.save') : t('packages.createSubmit')}
      size="xl"
    >
      <PackageFields routers={routers} currency={currency} />
    </FormModal>
  );
}
