import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@shared/contract/auth';
import { TENANT_STATUSES } from '@shared/contract/tenancy';
import { CHANNEL_NAMES, EVENT_NAMES, events, streams } from '@shared/contract';
import { PERMISSIONS, ROLES } from '@shared/domain/permissions';
import { en } from '../../../src-renderer/app/locales/en';

const RENDERER = resolve(import.meta.dirname, '../../../src-renderer');

function resolveKey(key: string): unknown {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('English strings', () => {
  it('has a string for every literal key the renderer uses', () => {
    const namespaces = Object.keys(en).join('|');
    // Quoted literals shaped like "<namespace>.<key>": t('…') arguments, labelKey fields, ternaries.
    const pattern = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z0-9_.-]+)['"\`]`, 'g');
    const notKeys = new Set<string>([...CHANNEL_NAMES, ...EVENT_NAMES, ...Object.keys(streams), ...PERMISSIONS]);
    const missing: string[] = [];
    for (const file of sourceFiles(RENDERER)) {
      for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
        const key = m[1] ?? '';
        // Channel, event, stream and permission names ('staff.list', 'tenants.changed', 'staff.read') look like keys but are not.
        if (key.endsWith('.') || notKeys.has(key)) continue;
        if (typeof resolveKey(key) !== 'string') missing.push(`${file.slice(RENDERER.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels every role, permission, audit action, tenant status and session-end reason', () => {
    const keys = [
      ...ROLES.map((r) => `roles.${r}`),
      ...PERMISSIONS.map((p) => `permissions.${p}`),
      ...AUDIT_ACTIONS.map((a) => `auditActions.${a}`),
      ...TENANT_STATUSES.map((s) => `tenantStatus.${s}`),
      ...events['session.ended'].payload.shape.reason.options.map((r) => `sessionEnded.${r}`),
      'sessionEnded.unknown',
    ];
    expect(keys.filter((k) => typeof resolveKey(k) !== 'string')).toEqual([]);
  });

  it('calls a tenant an "ISP profile" in every English sentence (issue 8: platform words stay out of the way)', () => {
    const withTenant: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node === 'string') {
        // Placeholders ({{tenant}}) are names filled in at run time, not words on screen.
        if (/\btenants?\b/i.test(node.replace(/{{[^}]*}}/g, ''))) withTenant.push(`${path}: ${node}`);
      } else if (typeof node === 'object' && node !== null) {
        for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
      }
    };
    walk(en, '');
    expect(withTenant).toEqual([]);
  });
});
