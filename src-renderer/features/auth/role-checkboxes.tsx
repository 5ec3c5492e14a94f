import { Checkbox, SimpleGrid } from '@mantine/core';
import { Controller, useFormContext, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/domain/permissions';
import { roleName, roleSummary } from './role-text';

/** Roles as a multi-select of checkboxes, each with what it allows (from the shared matrix). */
export function RoleCheckboxes({ name = 'roles' }: { name?: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Checkbox.Group
          label={t('staff.roles')}
          description={t('staff.rolesHint')}
          value={(field.value as string[] | undefined) ?? []}
          onChange={field.onChange}
          error={fieldState.error?.message}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={roleName(role)} description={roleSummary(role)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    />
  );
}
