import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormPasswordInput, FormTextInput } from '../../components/form-fields';
import { PasswordStrength } from '../../components/password-strength';

interface AccountFieldsProps {
  /** Form path of the account object, with a trailing dot ('platformAdmin.', 'tenant.admin.', 'admin.'). */
  prefix: string;
  /** i18n key prefix for the labels: 'account' (you), 'adminAccount' (the ISP's administrator) or 'staffAccount'. */
  labels: 'account' | 'adminAccount' | 'staffAccount';
  withPhone?: boolean;
  /** Label the password as the initial one the person must change at first sign-in. */
  initialPassword?: boolean;
}

/** Full name, email, optional phone, password and its confirmation. */
export function AccountFields({ prefix, labels, withPhone = false, initialPassword = false }: AccountFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: withPhone ? 2 : 1 }}>
        <FormTextInput name={`${prefix}fullName`} label={t(`${labels}.fullName`)} autoComplete="off" />
        {withPhone && <FormTextInput name={`${prefix}phone`} label={t(`${labels}.phone`)} placeholder={t('examples.phone')} autoComplete="off" />}
      </SimpleGrid>
      <FormTextInput name={`${prefix}email`} label={t(`${labels}.email`)} type="email" autoComplete="off" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormPasswordInput
          name={`${prefix}password`}
          label={t(initialPassword ? `${labels}.initialPassword` : `${labels}.password`)}
          autoComplete="new-password"
        />
        <FormPasswordInput name={`${prefix}confirmPassword`} label={t(`${labels}.confirmPassword`)} autoComplete="new-password" />
      </SimpleGrid>
      <PasswordStrength name={`${prefix}password`} emailField={`${prefix}email`} nameField={`${prefix}fullName`} />
    </>
  );
}
