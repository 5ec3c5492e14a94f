import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { ErrorAlert } from './error-alert';

/** The top-of-form message of a failed submit (set by showServerError as `root.server`). */
export function FormError<T extends FieldValues>({ form }: { form: UseFormReturn<T> }) {
  const message = form.formState.errors.root?.server?.message;
  return message ? <ErrorAlert error={{ message }} title={null} /> : null;
}
