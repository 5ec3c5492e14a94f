import { MultiSelect, NumberInput, SegmentedControl, Input, type MultiSelectProps, type NumberInputProps } from '@mantine/core';
import { Controller, useFormContext, type FieldValues } from 'react-hook-form';
import { fieldMessage } from '../../app/field-messages';

/** Mantine inputs whose value is not a text box's string, bound by name to the surrounding form. */
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
