import { z } from 'zod';
import { channel } from './define';
import { id, instant, pageInput, pageOutput } from './common';

export const SYNC_STATUSES = ['pending', 'synced', 'error'] as const;
export const DRIFT_KINDS = ['missing', 'extra', 'foreign', 'different'] as const;
export const DRIFT_ACTIONS = ['apply-ours', 'adopt-theirs', 'ignore'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];
export type DriftAction = (typeof DRIFT_ACTIONS)[number];

const ownerType = z.enum(['subscriber', 'package', 'prerequisite', 'hotspot-plan', 'voucher']);

export const routerSyncState = z.object({
  routerId: id,
  routerName: z.string(),
  pending: z.number().int(),
  synced: z.number().int(),
  error: z.number().int(),
  /** The router's own words on the most recent object in error. */
  lastError: z.string().nullable(),
  lastReconcileAt: instant.nullable(),
  openDrift: z.number().int(),
});

export const syncObject = z.object({
  id,
  routerId: id,
  menu: z.string(),
  tag: z.string(),
  ownerType,
  ownerId: z.string(),
  status: z.enum(SYNC_STATUSES),
  lastError: z.string().nullable(),
  lastSyncedAt: instant.nullable(),
  updatedAt: instant,
  /** Desired props (sealed values such as passwords are never included); null = to be removed. */
  desired: z.record(z.string(), z.string()).nullable(),
});

export const driftRow = z.object({
  id,
  routerId: id,
  menu: z.string(),
  kind: z.enum(DRIFT_KINDS),
  label: z.string(),
  objectId: z.string().nullable(),
  routerItemId: z.string().nullable(),
  diffs: z.array(z.object({ prop: z.string(), ours: z.string().nullable(), theirs: z.string().nullable() })),
  status: z.enum(['open', 'ignored']),
  detectedAt: instant,
});

export const driftSummary = z.object({
  routerId: id,
  missing: z.number().int(),
  extra: z.number().int(),
  foreign: z.number().int(),
  different: z.number().int(),
  /** Drift the staff chose to ignore that is still there (not counted above). */
  ignored: z.number().int(),
  apiCalls: z.number().int(),
  at: instant,
});

export const routerSyncChannels = {
  'sync.status': channel({
    summary: 'Sync state per router: objects pending, synced and in error, the last error and the last reconcile.',
    input: z.strictObject({ routerId: id.optional() }),
    output: z.object({ routers: z.array(routerSyncState) }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'sync.objects': channel({
    summary: 'Router objects the app manages, for one router or one owner (a subscriber, a package), with their sync state.',
    input: pageInput(['updatedAt', 'status', 'menu'], {
      routerId: id.optional(),
      owner: z.strictObject({ type: ownerType, id: z.string().min(1).max(100) }).optional(),
      status: z.enum(SYNC_STATUSES).optional(),
    }),
    output: pageOutput(syncObject),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'sync.retry': channel({
    summary: 'Puts a router\'s objects in error (or one object) back in the queue and wakes its worker.',
    input: z.strictObject({ routerId: id, objectId: id.optional() }),
    output: z.object({ requeued: z.number().int() }),
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'sync.reconcile': channel({
    summary: 'Compares a router with desired state now (each managed menu listed once) and records the drift.',
    input: z.strictObject({ routerId: id }),
    output: driftSummary,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'sync.drift.list': channel({
    summary: 'Drift found by the last reconcile of a router.',
    input: pageInput(['detectedAt', 'kind', 'label'], { routerId: id, kind: z.enum(DRIFT_KINDS).optional(), includeIgnored: z.boolean().default(false) }),
    output: pageOutput(driftRow),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'sync.drift.resolve': channel({
    summary: 'Resolves drift rows (chosen ones, or all open rows of a router): apply ours, adopt theirs, or ignore.',
    input: z.union([
      z.strictObject({ ids: z.array(id).min(1).max(1000), action: z.enum(DRIFT_ACTIONS) }),
      z.strictObject({ routerId: id, all: z.literal(true), action: z.enum(DRIFT_ACTIONS) }),
    ]),
    output: z.object({ resolved: z.number().int(), skipped: z.number().int() }),
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, all: true as const, action: 'ignore' as const })),
};
