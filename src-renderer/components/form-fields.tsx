import { PasswordInput, Select, TextInput, type PasswordInputProps, type SelectProps, type TextInputProps } from '@mantine/core';
import { Controller, get, useFormContext, type FieldValues } from 'react-hook-form';
import { fieldMessage } from '../app/field-messages';

/** Inputs bound by name to the surrounding react-hook-form (FormProvider), with its error shown. */
export function FormTextInput({ name, ...props }: TextInputProps & { name: string }) {
  const { register, formState } = useFormContext<FieldValues>();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  return <TextInput {...props} {...register(name)} error={fieldMessage(error?.message)} />;
}

export function FormPasswordInput({ name, ...props }: PasswordInputProps & { name: string }) {
  const { register, formState } = useFormContext<FieldValues>();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  return <PasswordInput {...props} {...register(name)} error={fieldMessage(error?.message)} />;
}

export function FormSelect({ name, ...props }: Omit<SelectProps, 'value' | 'onChange'> & { name: string }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          {...props}
          ref={field.ref}
          value={(field.value as string | null | undefined) ?? null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          error={fieldMessage(fieldState.error?.message)}
        />
      )}
    />
  );
}
