import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STRICT_HOURS, enforcementFormChanged, enforcementFormFrom, toEnforcementUpdate,
} from '../../../src-renderer/features/sync/enforcement-settings-form';

const SAVED = { expiryAction: 'disable' as const, noticeUrl: null, strictOutageHours: null };

describe('enforcement settings form', () => {
  it('starts from the saved settings; strict mode off offers a default outage for when it is switched on', () => {
    const v = enforcementFormFrom(SAVED);
    expect(v).toEqual({ expiryAction: 'disable', noticeUrl: '', strict: false, strictOutageHours: DEFAULT_STRICT_HOURS });
    expect(enforcementFormChanged(SAVED, v)).toBe(false);
  });

  it('sends an empty notice address as none and strict off as null hours', () => {
    const out = toEnforcementUpdate({ expiryAction: 'disable', noticeUrl: '  ', strict: false, strictOutageHours: 5 });
    expect(out).toEqual({ input: { expiryAction: 'disable', noticeUrl: null, strictOutageHours: null } });
  });

  it('sends the walled-garden action with its address and strict hours, and notices the change', () => {
    const v = { expiryAction: 'expired-profile' as const, noticeUrl: ' http://10.0.0.5:8080/pay ', strict: true, strictOutageHours: 12 };
    expect(toEnforcementUpdate(v)).toEqual({ input: { expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay', strictOutageHours: 12 } });
    expect(enforcementFormChanged(SAVED, v)).toBe(true);
    expect(enforcementFormChanged({ expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay', strictOutageHours: 12 }, v)).toBe(false);
  });

  it('puts the contract\'s messages on the fields in error (address not http://IPv4, hours out of range or empty)', () => {
    const out = toEnforcementUpdate({ expiryAction: 'expired-profile', noticeUrl: 'https://pay.example.com', strict: true, strictOutageHours: 0 });
    expect(out).toEqual({ fields: { noticeUrl: 'Enter an http:// address with an IPv4 host, e.g. http://10.0.0.5:8080/pay', strictOutageHours: 'At least 1 hour' } });
    const empty = toEnforcementUpdate({ expiryAction: 'disable', noticeUrl: '', strict: true, strictOutageHours: '' });
    expect('fields' in empty && empty.fields.strictOutageHours).toBeTruthy();
  });
});
