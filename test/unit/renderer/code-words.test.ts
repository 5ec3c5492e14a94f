import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_CODES, decodeNote, diagnosisOf } from '@shared/contract/diagnosis';
import { FIELD_CODES, type ErrorKey, type ErrorParams } from '@shared/domain/errors';
import { en } from '../../../src-renderer/app/locales/en';
import { diagnosisText, errorText, fieldText } from '../../../src-renderer/app/messages';
import { alertText } from '../../../src-renderer/features/routers/alert-text';

// Every key of ErrorParams, listed once so the test also fails when the type gains a key without words.
const ERROR_KEYS = Object.keys({
  'request.invalid': 1, 'request.unknown-channel': 1, 'request.bad-output': 1, 'request.internal': 1, 'db.busy': 1, 'db.value-in-use': 1,
  'db.too-new': 1, 'auth.sign-in-required': 1, 'auth.session-expired': 1, 'auth.platform-only': 1, 'auth.tenant-only': 1,
  'auth.account-gone': 1, 'auth.account-inactive': 1, 'auth.tenant-gone': 1, 'auth.tenant-suspended': 1, 'auth.role-forbidden': 1,
  'auth.password-change-required': 1, 'auth.wrong-credentials': 1, 'auth.rate-limited': 1, 'auth.unknown-profile': 1,
  'auth.account-deactivated': 1, 'auth.password-must-differ': 1, 'auth.wrong-current-password': 1, 'setup.already-done': 1,
  'setup.tenant-required': 1, 'tenant.not-found': 1, 'tenant.name-taken': 1, 'tenant.confirm-name-mismatch': 1,
  'tenant.folder-not-deleted': 1, 'transfer.not-export-file': 1, 'transfer.damaged': 1, 'transfer.wrong-passphrase': 1,
  'transfer.newer-version': 1, 'transfer.already-here': 1, 'transfer.leftover-folder': 1, 'staff.not-found': 1, 'staff.email-taken': 1,
  'staff.last-admin-role': 1, 'staff.cannot-deactivate-self': 1, 'staff.last-admin-deactivate': 1, 'router.not-found': 1,
  'router.address-taken': 1, 'router.tls-off': 1, 'router.item-gone': 1, 'router.refused': 1, 'router.unavailable': 1,
  'router.no-export': 1, 'backup.not-found': 1, 'backup.different-routers': 1, 'stream.not-found': 1, 'stream.too-many': 1,
  'alert.not-found': 1, 'auth.password-weak': 1, 'auth.role-revoked': 1, 'backup.unreadable': 1, 'transport.unreachable': 1, 'transport.bad-response': 1,
  'transfer.old-format': 1, 'upload.unknown-purpose': 1, 'upload.gone': 1, 'upload.in-use': 1, 'upload.too-large': 1,
  'demo.only-demo': 1, 'job.not-found': 1, 'job.running': 1,
  'package.not-found': 1, 'package.name-taken': 1, 'package.in-use': 1, 'package.invalid': 1, 'subscriber.not-found': 1,
  'subscriber.invalid': 1, 'subscriber.no-password': 1, 'subscriber.bulk-stale': 1, 'subscriber.bulk-too-many': 1,
  'sync-object.not-found': 1, 'drift.not-found': 1, 'drift.action-not-possible': 1, 'drift.no-owner': 1, 'drift.profile-unknown': 1, 'drift.adopt-expired': 1, 'drift.rate-unknown': 1,
  'enforcement.version-unknown': 1,
  'adoption.running': 1,
  'payment.not-found': 1, 'payment.not-unmatched': 1, 'payment.duplicate': 1,
  'ledger-entry.not-found': 1, 'ledger-entry.already-reversed': 1, 'ledger-entry.not-reversible': 1,
  'mpesa.not-configured': 1, 'mpesa-stk.not-found': 1, 'mpesa.statement-rejected': 1,
  'package-change.same-package': 1, 'package-change.no-price': 1, 'package-change.balance-short': 1, 'shift.already-open': 1, 'shift.not-open': 1,
  'invoice.not-found': 1, 'invoice.wrong-status': 1, 'invoice.has-payments': 1, 'invoice.payment-allocated': 1,
  'hotspot-plan.not-found': 1, 'hotspot-plan.name-taken': 1, 'hotspot-plan.profile-taken': 1, 'hotspot-plan.disabled': 1,
  'voucher-batch.not-found': 1, 'voucher-batch.code-space': 1, 'voucher.not-found': 1, 'voucher.revoked': 1, 'voucher.not-on-router': 1,
  'voucher-print.no-dns-name': 1, 'voucher-print.too-many': 1, 'voucher-print.not-found': 1,
  'voucher-template.not-found': 1, 'voucher-template.name-taken': 1, 'voucher-template.invalid': 1, 'voucher-template.no-vouchers': 1,
  'agent.not-found': 1, 'agent.name-taken': 1, 'agent.float-short': 1, 'agent-entry.not-found': 1, 'agent-entry.already-reversed': 1,
  'agent-entry.not-reversible': 1, 'voucher-sale.stock-short': 1, 'voucher-sale.not-available': 1, 'voucher-sale.one-plan': 1, 'voucher-sale.bad-range': 1,
  'portal.not-configured': 1,
} satisfies Record<ErrorKey, 1>) as ErrorKey[];

function lookup(path: string): unknown {
  let node: unknown = en;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('words for the codes main sends', () => {
  it('has English for every error key, field code and diagnosis code', () => {
    expect(ERROR_KEYS.filter((k) => k !== 'router.unavailable' && !lookup(`apiErrors.${k}`))).toEqual([]);
    expect(FIELD_CODES.filter((c) => !lookup(`fieldErrors.${c}`))).toEqual([]);
    expect(DIAGNOSIS_CODES.filter((c) => typeof lookup(`routers.diagnosis.note.${c}.message`) !== 'string')).toEqual([]);
  });

  it('interpolates error params', () => {
    const params: ErrorParams['router.address-taken'] = { name: 'Core', host: '10.0.0.1', port: 8728 };
    expect(errorText({ code: 'CONFLICT', key: 'router.address-taken', params })).toBe('Router "Core" already uses 10.0.0.1:8728.');
    expect(errorText({ code: 'RATE_LIMITED', key: 'auth.rate-limited', params: { minutes: 3 } })).toBe('Too many failed sign-in attempts. Try again in 3 min.');
    expect(fieldText('must-differ')).toBe('Must differ from the current password');
    expect(fieldText('Use at least 8 characters')).toBe('Use at least 8 characters');
  });

  it('words an unreachable router from its diagnosis note, message then hint', () => {
    const note = diagnosisOf('refused', { host: '10.0.0.1', port: 8729, service: 'api-ssl' });
    expect(diagnosisText(note)).toEqual({
      message: '10.0.0.1:8729 refused the connection.',
      hint: 'Enable the api-ssl service on the router (IP → Services) and check the port: API is 8728, API-SSL is 8729.',
    });
    expect(errorText({ code: 'UNAVAILABLE', key: 'router.unavailable', params: { note } })).toBe(
      '10.0.0.1:8729 refused the connection. Enable the api-ssl service on the router (IP → Services) and check the port: API is 8728, API-SSL is 8729.',
    );
  });

  it('fills in unknowns and lists, and adds the clock warning to a connected note', () => {
    expect(diagnosisText(diagnosisOf('connected', { identity: 'core-1', routerOsVersion: null, boardName: 'hAP ax2', clockSkewMinutes: -7 })).message).toBe(
      'Connected to core-1 (RouterOS ?, hAP ax2). The router clock is off by -7 min: set NTP on the router, expiry times depend on it.',
    );
    expect(diagnosisText(diagnosisOf('missing-policies', { group: 'ops', missing: ['write', 'api'], policy: 'read,write,api' }))).toEqual({
      message: 'Connected, but the group "ops" lacks: write, api. Changes from ISP Desk (kicking sessions, editing queues) will fail.',
      hint: 'On the router: /user group set ops policy=read,write,api',
    });
    expect(diagnosisText(diagnosisOf('command-timeout', { path: null, timeoutMs: 5000 })).message).toBe('The router stopped answering (a command took over 5000 ms).');
  });

  it('reads notes stored before codes as their old text', () => {
    expect(diagnosisText(decodeNote('The router rejected the user name or password.')!).message).toBe('The router rejected the user name or password.');
  });

  it('words alerts from kind and params', () => {
    const base = { id: '0190a0a0-0000-7000-8000-000000000001', at: '2025-01-01T00:00:00.000Z', routerId: null, readAt: null };
    expect(alertText({ ...base, severity: 'info', kind: 'router.up', params: { routerName: 'Core', downForMs: 5 * 60_000 } })).toEqual({
      title: 'Router Core is back up', body: 'Reachable again after 5m down.',
    });
    expect(alertText({ ...base, severity: 'critical', kind: 'router.down', params: { routerName: 'Core', cause: diagnosisOf('bad-credentials', {}) } })).toEqual({
      title: 'Router Core is down',
      body: 'The router rejected the user name or password. Check the API user and password (they are case-sensitive) in /user on the router.',
    });
  });
});
