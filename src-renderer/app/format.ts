import { formatInstant } from '@shared/domain/time';
import { i18n } from './i18n';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "03 Mar 2026, 14:05" in the given zone (the tenant's), or the computer's zone. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return i18n.t('common.never');
  return formatInstant(iso, timeZone ?? browserTimeZone());
}

export function formatDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timeZone ?? browserTimeZone(), year: 'numeric', month: 'short', day: '2-digit' })
    .format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1]?.[0] ?? '' : '')).toUpperCase() || '?';
}
