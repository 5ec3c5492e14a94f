import { Progress, Stack, Text } from '@mantine/core';
import { useWatch, useFormContext, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordStrength, type PasswordOwner } from '@shared/domain/password-policy';
import { fieldMessage } from '../app/field-messages';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

interface PasswordStrengthProps {
  /** Form path of the password being chosen. */
  name: string;
  /** Whose password it is: fixed values, or form paths to read them from. */
  owner?: PasswordOwner;
  emailField?: string;
  nameField?: string;
}

/**
 * A live hint under a new-password field, from the same rule the server applies (src-shared password
 * policy): a meter and either the rule it breaks or how to make it stronger.
 */
export function PasswordStrength({ name, owner, emailField, nameField }: PasswordStrengthProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldValues>();
  const [password, email, fullName] = useWatch({ control, name: [name, emailField ?? name, nameField ?? name] }) as [unknown, unknown, unknown];
  const value = typeof password === 'string' ? password : '';
  const who: PasswordOwner = {
    email: emailField && typeof email === 'string' ? email : owner?.email,
    name: nameField && typeof fullName === 'string' ? fullName : owner?.name,
  };
  const { score, problem } = passwordStrength(value, who);
  const level = t(`passwordStrength.levels.${score}`);
  const hint = value.length === 0 ? t('passwordStrength.empty', { min: PASSWORD_MIN_LENGTH }) : problem ? fieldMessage(problem) : t('passwordStrength.ok');
  return (
    <Stack gap={4} mt={-6} data-testid="password-strength" data-score={score}>
      <Progress value={value.length === 0 ? 0 : ((score + 1) / 5) * 100} color={COLORS[score]} size="sm" aria-label={t('passwordStrength.label', { level })} />
      <Text size="xs" c={problem && value.length > 0 ? 'red' : 'dimmed'}>
        {value.length > 0 && `${t('passwordStrength.label', { level })} — `}{hint}
      </Text>
    </Stack>
  );
}
