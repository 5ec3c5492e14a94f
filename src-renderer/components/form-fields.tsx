import {
  Checkbox, Input, MultiSelect, NumberInput, PasswordInput, SegmentedControl, Select, TextInput,
  type MultiSelectProps, type NumberInputProps, type PasswordInputProps, type SelectProps, type TextInputProps,
} from '@mantine/core';
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

/** Inputs whose value is not a text box's string (numbers, lists, a segmented choice). */
export function FormNumberInput({ name, ...props }: Omit<NumberInputProps, 'value' | 'onChange'> & { name: string }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          {...props}
          ref={field.ref}
          value={field.value as number | string}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldMessage(fieldState.error?.message)}
        />
      )}
    />
  );
}

export function FormMultiSelect({ name, ...props }: Omit<MultiSelectProps, 'value' | 'onChange'> & { name: string }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MultiSelect
          {...props}
          ref={field.ref}
          value={(field.value as string[] | undefined) ?? []}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldMessage(fieldState.error?.message)}
        />
      )}
    />
  );
}

export function FormSegmented({ name, label, data }: { name: string; label: string; data: { value: string; label: string }[] }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Input.Wrapper label={label} error={fieldMessage(fieldState.error?.message)}>
          <SegmentedControl mt={4} fullWidth value={field.value as string} onChange={field.onChange} data={data} aria-label={label} />
        </Input.Wrapper>
      )}
    />
  );
}

export function FormCheckbox({ name, label, description }: { name: string; label: string; description?: string }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Checkbox label={label} description={description} checked={field.value === true} onChange={(e) => field.onChange(e.currentTarget.checked)}
          error={fieldMessage(fieldState.error?.message)} />
      )}
    />
  );
}
