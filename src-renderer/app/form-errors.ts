import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ApiError } from './api-client';
import { toApiError } from './use-rpc';

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Shows a failed submit on the form: each server field error next to its field (paths are the contract's
 * dot-joined input paths, so forms shaped like the input line up), and the message at the top.
 * `rename` maps server paths onto form paths where the form differs from the input.
 */
export function showServerError<T extends FieldValues>(
  e: unknown,
  form: UseFormReturn<T>,
  rename: Record<string, Path<T>> = {},
): ApiError {
  const error = toApiError(e);
  const values = form.getValues();
  let first: Path<T> | undefined;
  for (const [serverPath, message] of Object.entries(error.fields ?? {})) {
    const path = rename[serverPath] ?? serverPath;
    if (!path || !hasPath(values, path)) continue;
    form.setError(path as Path<T>, { type: 'server', message });
    first ??= path as Path<T>;
  }
  form.setError('root.server', { type: error.code, message: error.message });
  if (first) form.setFocus(first);
  return error;
}
