import { z } from 'zod';
import { channel, event, stream } from './define';
import { empty, emptyOr, id, instant, ok, pageInput, pageOutput, plainText } from './common';
import { diagnosisNote } from './diagnosis';

/** Hostname, IPv4 or IPv6 literal. */
const host = z
  .string({ message: 'Required' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter the router address')
  .max(253, 'Too long for a host name')
  .refine(
    (v) =>
      /^(\d{1,3})(\.\d{1,3}){3}$/.test(v)
        ? v.split('.').every((o) => Number(o) <= 255)
        : /^[0-9a-f:]+$/.test(v) && v.includes(':')
          ? true
          : /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(v),
    'Enter an IP address (e.g. 192.168.88.1) or a host name',
  );

const port = z.number({ message: 'Must be a number' }).int('Must be a whole number').min(1, 'Ports are 1–65535').max(65535, 'Ports are 1–65535');
const apiUser = plainText(z.string({ message: 'Required' }).trim().min(1, 'Enter the API user name').max(64, 'Use at most 64 characters'));
const apiPassword = z.string({ message: 'Required' }).max(128, 'Use at most 128 characters');
const routerName = plainText(z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(60, 'Use at most 60 characters'));
/** SHA-256 certificate fingerprint as hex pairs. */
export const fingerprint = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Must be a SHA-256 fingerprint (32 hex pairs separated by colons)');
/** RouterOS item id such as *1A. */
export const rosId = z.string({ message: 'Required' }).regex(/^\*[0-9A-F]{1,8}$/, 'Must be a RouterOS id such as *1A');

export const ROUTER_STATUSES = ['unknown', 'online', 'degraded', 'offline'] as const;
export const routerStatus = z.enum(ROUTER_STATUSES);
export type RouterStatus = z.infer<typeof routerStatus>;

/**
 * How the router's text is read and written. RouterOS stores bytes (comments are often Windows-1252);
 * every mode here is lossless: what is read is written back as the same bytes.
 */
export const ROUTER_ENCODINGS = ['utf8-lossless', 'win1252', 'latin1'] as const;
export type RouterEncoding = (typeof ROUTER_ENCODINGS)[number];

export const routerSummary = z.object({
  id,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  useTls: z.boolean(),
  username: z.string(),
  hasPassword: z.boolean(),
  tlsFingerprint: z.string().nullable(),
  site: z.string(),
  notes: z.string(),
  isCore: z.boolean(),
  isDemo: z.boolean(),
  status: routerStatus,
  statusSince: instant.nullable(),
  lastCheckedAt: instant.nullable(),
  /** Why the router is offline or degraded (null when online). */
  lastError: diagnosisNote.nullable(),
  routerOsVersion: z.string().nullable(),
  boardName: z.string().nullable(),
  identity: z.string().nullable(),
  encoding: z.enum(ROUTER_ENCODINGS),
  createdAt: instant,
  updatedAt: instant,
});
export type RouterSummary = z.infer<typeof routerSummary>;

const routerFields = {
  name: routerName,
  host,
  port,
  useTls: z.boolean(),
  username: apiUser,
  site: plainText(z.string().trim().max(120, 'Use at most 120 characters')),
  notes: plainText(z.string().trim().max(2000, 'Use at most 2000 characters'), { multiline: true }),
  isCore: z.boolean(),
  encoding: z.enum(ROUTER_ENCODINGS),
};

export const routerCreateInput = z.strictObject({
  ...routerFields,
  port: port.default(8728),
  useTls: z.boolean().default(false),
  site: routerFields.site.default(''),
  notes: routerFields.notes.default(''),
  isCore: z.boolean().default(false),
  encoding: z.enum(ROUTER_ENCODINGS).default('utf8-lossless'),
  password: apiPassword,
  /** Fingerprint accepted during "Test connection" (trust on first use); null = pin at first connection. */
  tlsFingerprint: fingerprint.nullable().default(null),
});

/** Why a connection works or not: a coarse kind for the screen's tone and actions, and the note to word. */
export const DIAGNOSIS_KINDS = [
  'ok', 'dns', 'refused', 'timeout', 'unreachable', 'tls-no-certificate', 'tls-pin-mismatch', 'tls-handshake',
  'bad-credentials', 'no-api-policy', 'missing-policy', 'reset', 'went-silent', 'error',
] as const;
export const diagnosis = z.object({
  ok: z.boolean(),
  kind: z.enum(DIAGNOSIS_KINDS),
  note: diagnosisNote,
  durationMs: z.number().int(),
  details: z.object({
    routerOsVersion: z.string().nullable(),
    boardName: z.string().nullable(),
    identity: z.string().nullable(),
    routerTime: z.string().nullable(),
    clockSkewMs: z.number().int().nullable(),
    tlsFingerprint: z.string().nullable(),
    expectedFingerprint: z.string().nullable(),
    missingPolicies: z.array(z.string()),
    userGroup: z.string().nullable(),
  }),
});
export type Diagnosis = z.infer<typeof diagnosis>;

const routerRef = z.strictObject({ routerId: id });

export const overview = z.object({
  identity: z.string(),
  boardName: z.string(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  routerOsVersion: z.string(),
  architecture: z.string().nullable(),
  uptime: z.string(),
  uptimeSeconds: z.number(),
  cpuLoadPercent: z.number(),
  cpuCount: z.number().int(),
  freeMemoryBytes: z.number(),
  totalMemoryBytes: z.number(),
  freeDiskBytes: z.number(),
  totalDiskBytes: z.number(),
  health: z.array(z.object({ name: z.string(), value: z.string(), unit: z.string() })),
  routerTime: z.string().nullable(),
  clockSkewMs: z.number().int().nullable(),
  /** The router's own UTC offset (`gmt-offset`), so the screen can note a zone other than the ISP's. */
  routerUtcOffsetMinutes: z.number().int().nullable(),
  primaryAddress: z.string().nullable(),
});
export type RouterOverview = z.infer<typeof overview>;

export const interfaceRow = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  running: z.boolean(),
  disabled: z.boolean(),
  macAddress: z.string().nullable(),
  rxBytes: z.number(),
  txBytes: z.number(),
  rxBitsPerSecond: z.number(),
  txBitsPerSecond: z.number(),
  comment: z.string(),
});

export const pppActive = z.object({
  id: z.string(), name: z.string(), service: z.string(), callerId: z.string(), address: z.string(), uptime: z.string(),
  /** The plan: the session's secret's profile ('' when the secret is gone, e.g. RADIUS). */
  profile: z.string(),
  /** That profile's rate-limit ('' when unlimited). */
  rateLimit: z.string(),
});
export const pppSecret = z.object({
  id: z.string(), name: z.string(), service: z.string(), profile: z.string(), remoteAddress: z.string(), callerId: z.string(),
  disabled: z.boolean(), comment: z.string(), lastLoggedOut: z.string(), lastDisconnectReason: z.string(),
  /** Has a session in /ppp/active right now. */
  online: z.boolean(),
});
export const pppProfile = z.object({
  id: z.string(), name: z.string(), rateLimit: z.string(), localAddress: z.string(), remoteAddress: z.string(), isDefault: z.boolean(),
});
export const hotspotActive = z.object({
  id: z.string(), user: z.string(), address: z.string(), macAddress: z.string(), uptime: z.string(), server: z.string(),
  bytesIn: z.number(), bytesOut: z.number(),
});
export const hotspotUser = z.object({
  id: z.string(), name: z.string(), profile: z.string(), server: z.string(), limitUptime: z.string(), uptime: z.string(),
  bytesIn: z.number(), bytesOut: z.number(), disabled: z.boolean(), comment: z.string(),
});
export const hotspotProfile = z.object({
  id: z.string(), name: z.string(), rateLimit: z.string(), sharedUsers: z.string(), sessionTimeout: z.string(),
});
export const queueRow = z.object({
  id: z.string(), name: z.string(), target: z.string(), maxLimit: z.string(), burstLimit: z.string(), limitAt: z.string(),
  priority: z.string(), parent: z.string(), disabled: z.boolean(), dynamic: z.boolean(), comment: z.string(), rate: z.string(),
});
export const leaseRow = z.object({
  id: z.string(), address: z.string(), macAddress: z.string(), hostName: z.string(), status: z.string(), server: z.string(),
  dynamic: z.boolean(), disabled: z.boolean(), expiresAfter: z.string(), comment: z.string(),
});
export const addressListRow = z.object({
  id: z.string(), list: z.string(), address: z.string(), timeout: z.string(), dynamic: z.boolean(), disabled: z.boolean(),
  comment: z.string(), creationTime: z.string(),
});
export const filterRuleRow = z.object({
  id: z.string(), chain: z.string(), action: z.string(), protocol: z.string(), srcAddress: z.string(), dstAddress: z.string(),
  srcAddressList: z.string(), dstAddressList: z.string(), inInterface: z.string(), outInterface: z.string(), dstPort: z.string(),
  disabled: z.boolean(), dynamic: z.boolean(), invalid: z.boolean(), comment: z.string(), bytes: z.number(), packets: z.number(),
});
export const logRow = z.object({ id: z.string(), time: z.string(), topics: z.string(), message: z.string() });
export const pingReply = z.object({
  seq: z.number().int(), host: z.string(), time: z.string().nullable(), ttl: z.number().int().nullable(), size: z.number().int().nullable(),
  status: z.string().nullable(),
});

/** Lists read from a router are paged, sorted and filtered on the main side. */
function routerListInput<const S extends readonly [string, ...string[]], E extends z.ZodRawShape = Record<never, never>>(sortFields: S, extra?: E) {
  return pageInput(sortFields, { routerId: id, ...(extra as E) });
}

const secretFields = {
  name: z.string({ message: 'Required' }).trim().min(1, 'Enter the user name').max(64, 'Use at most 64 characters').regex(/^[^\s"\\]+$/, 'No spaces, quotes or backslashes'),
  password: z.string({ message: 'Required' }).min(1, 'Enter a password').max(64, 'Use at most 64 characters'),
  service: z.enum(['any', 'pppoe', 'pptp', 'l2tp', 'ovpn', 'sstp']),
  profile: plainText(z.string().trim().min(1, 'Choose a profile').max(64)),
  remoteAddress: emptyOr(z.ipv4({ message: 'Enter an IPv4 address or leave empty' })),
  callerId: plainText(z.string().trim().max(64)),
  comment: plainText(z.string().trim().max(200)),
  disabled: z.boolean(),
};

const rate = z
  .string({ message: 'Required' })
  .trim()
  .regex(/^\d+(\.\d+)?[kKMG]?\/\d+(\.\d+)?[kKMG]?$/, 'Use upload/download, e.g. 5M/10M');
const optionalRate = emptyOr(rate);

const queueFields = {
  name: plainText(z.string({ message: 'Required' }).trim().min(1, 'Enter a name').max(64)),
  target: plainText(z.string({ message: 'Required' }).trim().min(1, 'Enter a target address, e.g. 10.10.1.5/32').max(200)),
  maxLimit: rate,
  burstLimit: optionalRate,
  burstThreshold: optionalRate,
  burstTime: emptyOr(z.string().trim().regex(/^\d+[smh]?\/\d+[smh]?$/, 'Use upload/download seconds, e.g. 8/8')),
  priority: z.string().trim().regex(/^[1-8]\/[1-8]$/, 'Use upload/download priority 1–8, e.g. 8/8'),
  parent: plainText(z.string().trim().max(64)),
  comment: plainText(z.string().trim().max(200)),
  disabled: z.boolean(),
};

export const backupMeta = z.object({
  id,
  routerId: id,
  fetchedAt: instant,
  trigger: z.enum(['manual', 'nightly']),
  sizeBytes: z.number().int(),
  lineCount: z.number().int(),
  routerOsVersion: z.string().nullable(),
  /** Differs from the previous version; false for the first one (see `first`). */
  changed: z.boolean(),
  /** The router's first saved version: nothing to compare with. */
  first: z.boolean(),
  /** `included`: passwords and keys are in the text (`show-sensitive`); `hidden`: the API user lacks the `sensitive` policy. */
  secrets: z.enum(['included', 'hidden']),
  contentHash: z.string(),
});
export const diffLine = z.object({
  kind: z.enum(['same', 'add', 'del', 'skip']),
  text: z.string(),
  oldNo: z.number().int().nullable(),
  newNo: z.number().int().nullable(),
});

export const downtimePeriod = z.object({
  id, routerId: id, routerName: z.string(), startedAt: instant, endedAt: instant.nullable(), durationMs: z.number().int().nullable(),
  cause: diagnosisNote,
});

export const STREAM_KINDS = ['traffic', 'log'] as const;

export const trafficSample = z.object({ name: z.string(), rxBitsPerSecond: z.number(), txBitsPerSecond: z.number() });

/** Live router views started with routers.stream.start, one stream per kind. */
export const routersStreams = {
  'routers.live-traffic': stream({
    summary: 'Interface rx/tx rates, about one sample per second.',
    chunk: z.object({ at: instant, interfaces: z.array(trafficSample) }),
    end: z.object({}),
    access: 'routers.read',
  }),
  'routers.live-log': stream({
    summary: 'New router log lines as the router writes them.',
    chunk: z.object({ at: instant, lines: z.array(logRow) }),
    end: z.object({}),
    access: 'routers.read',
  }),
} as const;

/** Which stream carries the data of a routers.stream.start of each kind. */
export const STREAM_OF_KIND = { traffic: 'routers.live-traffic', log: 'routers.live-log' } as const satisfies Record<(typeof STREAM_KINDS)[number], keyof typeof routersStreams>;

export const routersChannels = {
  'routers.list': channel({
    summary: "The tenant's routers with their live status.",
    input: pageInput(['name', 'host', 'status', 'site'], { status: routerStatus.optional() }),
    output: pageOutput(routerSummary),
    access: 'routers.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'routers.get': channel({
    summary: 'One router.',
    input: routerRef,
    output: routerSummary,
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.create': channel({
    summary: 'Register a router (API credentials are stored encrypted).',
    input: routerCreateInput,
    output: routerSummary,
    access: 'routers.manage',
    mutates: true,
  }).sample(() => ({ name: 'Core router', host: '127.0.0.1', port: 1, username: 'api', password: 'secret pass' })),
  'routers.update': channel({
    summary: 'Edit a router; an omitted password keeps the stored one, except that a new host or port clears it.',
    input: z.strictObject({ routerId: id, password: apiPassword.optional() }).extend(z.strictObject(routerFields).partial().shape),
    output: routerSummary,
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, site: 'Town centre' })),
  'routers.delete': channel({
    summary: 'Remove a router from ISP Desk (nothing is changed on the router itself).',
    input: routerRef,
    output: ok,
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'routers.test-connection': channel({
    summary: 'Connect to a router (saved, or from unsaved form values) and explain why it works or not.',
    input: z.union([
      z.strictObject({ routerId: id }),
      z.strictObject({
        host, port: port.default(8728), useTls: z.boolean().default(false), username: apiUser, password: apiPassword,
        tlsFingerprint: fingerprint.nullable().default(null),
      }),
    ]),
    output: diagnosis,
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'routers.trust-certificate': channel({
    summary: "Accept a router's new API-SSL certificate after a fingerprint change.",
    input: z.strictObject({ routerId: id, tlsFingerprint: fingerprint }),
    output: routerSummary,
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, tlsFingerprint: Array.from({ length: 32 }, () => 'AB').join(':') })),
  'routers.bootstrap-script': channel({
    summary: 'A RouterOS script (.rsc) that creates a least-privilege API user, API-SSL and restricts API access to this computer.',
    input: z.strictObject({
      apiUser: apiUser.default('isp-desk'),
      apiPassword: z.string().min(12, 'Use at least 12 characters').max(64),
      allowAddress: z.string().trim().regex(/^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/, 'Enter an IPv4 address or subnet, e.g. 192.168.88.10'),
      enableTls: z.boolean().default(true),
      readOnly: z.boolean().default(false),
      /** Other tools on port 8728 (Mikhmon, PHPNuxBill…) that must keep the plain API. */
      keepPlainApiFrom: z.array(z.string().trim().regex(/^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/, 'Enter an IPv4 address or subnet, e.g. 192.168.88.20')).max(10).default([]),
    }),
    output: z.object({
      fileName: z.string(),
      script: z.string(),
      suggestedAddresses: z.array(z.string()),
      /** What the script takes away from other tools, for the screen to say before it is run. */
      warnings: z.array(z.enum(['plain-api-off', 'plain-api-restricted'])),
    }),
    access: 'routers.manage',
    mutates: false,
  }).sample(() => ({ apiPassword: 'a-long-api-password', allowAddress: '192.168.88.10' })),
  'routers.local-addresses': channel({
    summary: "This computer's IPv4 addresses, to restrict a router's API service to it.",
    input: empty,
    output: z.object({ addresses: z.array(z.object({ interface: z.string(), address: z.string(), cidr: z.string() })) }),
    access: 'routers.manage',
    mutates: false,
  }).sample(() => ({})),

  'routers.dashboard.overview': channel({
    summary: 'Identity, model, version, uptime, CPU, memory, disk, health, clock and skew.',
    input: routerRef,
    output: overview,
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.dashboard.interfaces': channel({
    summary: 'Interfaces with current rx/tx rates.',
    input: routerRef,
    output: z.object({ items: z.array(interfaceRow) }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.stream.start': channel({
    summary: 'Start a live stream (interface traffic or log) delivered to this session as the events of routers.live-traffic or routers.live-log.',
    input: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('traffic'), routerId: id, interfaces: z.array(z.string().min(1).max(64)).min(1, 'Choose an interface').max(8) }),
      z.strictObject({ kind: z.literal('log'), routerId: id, topics: z.string().trim().max(100).default('') }),
    ]),
    output: z.object({ streamId: id }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ kind: 'traffic', routerId: r.router, interfaces: ['ether1'] })),
  'routers.stream.stop': channel({
    summary: 'Stop a live stream started by this session.',
    input: z.strictObject({ streamId: id }),
    output: ok,
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ streamId: r.router })),
  'routers.ppp.active': channel({
    summary: 'Active PPP sessions.',
    input: routerListInput(['name', 'address', 'uptime']),
    output: pageOutput(pppActive),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.ppp.kick': channel({
    summary: 'Disconnect an active PPP session.',
    input: z.strictObject({ routerId: id, sessionId: rosId }),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, sessionId: '*1' })),
  'routers.ppp.secrets': channel({
    summary: 'PPP secrets (accounts) on the router.',
    input: routerListInput(['name', 'profile', 'service', 'disabled'], { profile: z.string().max(64).optional(), disabled: z.boolean().optional() }),
    output: pageOutput(pppSecret),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.ppp.secret.add': channel({
    summary: 'Add a PPP secret on the router.',
    input: z.strictObject({ routerId: id, ...secretFields, service: secretFields.service.default('pppoe'), remoteAddress: secretFields.remoteAddress.default(''), callerId: secretFields.callerId.default(''), comment: secretFields.comment.default(''), disabled: z.boolean().default(false) }),
    output: z.object({ id: z.string() }),
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, name: 'acc9001', password: 'pw12345', profile: 'default' })),
  'routers.ppp.secret.update': channel({
    summary: 'Edit a PPP secret (only the fields given change).',
    input: z.strictObject({ routerId: id, secretId: rosId }).extend(z.strictObject(secretFields).partial().shape),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, secretId: '*1', disabled: true })),
  'routers.ppp.secret.remove': channel({
    summary: 'Remove a PPP secret from the router.',
    input: z.strictObject({ routerId: id, secretId: rosId }),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, secretId: '*1' })),
  'routers.ppp.profiles': channel({
    summary: 'PPP profiles (speed plans) on the router.',
    input: routerRef,
    output: z.object({ items: z.array(pppProfile) }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.hotspot.active': channel({
    summary: 'Active hotspot sessions.',
    input: routerListInput(['user', 'address', 'uptime']),
    output: pageOutput(hotspotActive),
    access: 'hotspot.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  /**
   * Routers by name for staff who read hotspot users without reading routers: a cashier picks the
   * router whose vouchers they sell (issue 8). Nothing about addresses or credentials.
   */
  'routers.hotspot.routers': channel({
    summary: 'Routers by name, for choosing where hotspot vouchers live.',
    input: empty,
    output: z.object({ items: z.array(z.object({ id, name: z.string(), isCore: z.boolean(), status: routerStatus })) }),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({})),
  'routers.hotspot.kick': channel({
    summary: 'Log out an active hotspot session.',
    input: z.strictObject({ routerId: id, sessionId: rosId }),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, sessionId: '*1' })),
  'routers.hotspot.users': channel({
    summary: 'Hotspot users (vouchers) on the router.',
    input: routerListInput(['name', 'profile', 'uptime'], { profile: z.string().max(64).optional() }),
    output: pageOutput(hotspotUser),
    access: 'hotspot.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.hotspot.profiles': channel({
    summary: 'Hotspot user profiles on the router.',
    input: routerRef,
    output: z.object({ items: z.array(hotspotProfile) }),
    access: 'hotspot.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.queues.list': channel({
    summary: 'Simple queues; `dynamic` filters static (false) or session-made (true) queues.',
    input: routerListInput(['name', 'target', 'maxLimit'], { dynamic: z.boolean().optional() }),
    output: pageOutput(queueRow),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.queues.add': channel({
    summary: 'Add a simple queue.',
    input: z.strictObject({
      routerId: id, ...queueFields, burstLimit: queueFields.burstLimit.default(''), burstThreshold: queueFields.burstThreshold.default(''),
      burstTime: queueFields.burstTime.default(''), priority: queueFields.priority.default('8/8'), parent: queueFields.parent.default(''),
      comment: queueFields.comment.default(''), disabled: z.boolean().default(false),
    }),
    output: z.object({ id: z.string() }),
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, name: 'client-1', target: '10.0.0.5/32', maxLimit: '5M/10M' })),
  'routers.queues.update': channel({
    summary: 'Edit a simple queue.',
    input: z.strictObject({ routerId: id, queueId: rosId }).extend(z.strictObject(queueFields).partial().shape),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, queueId: '*1', maxLimit: '10M/20M' })),
  'routers.queues.remove': channel({
    summary: 'Remove a simple queue.',
    input: z.strictObject({ routerId: id, queueId: rosId }),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, queueId: '*1' })),
  'routers.dhcp.leases': channel({
    summary: 'DHCP leases.',
    input: routerListInput(['address', 'hostName', 'status']),
    output: pageOutput(leaseRow),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.address-lists.list': channel({
    summary: 'Firewall address-list entries.',
    input: routerListInput(['list', 'address', 'creationTime'], { list: z.string().max(64).optional() }),
    output: pageOutput(addressListRow),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.address-lists.add': channel({
    summary: 'Add an address-list entry (optionally expiring).',
    input: z.strictObject({
      routerId: id,
      list: z.string({ message: 'Required' }).trim().min(1, 'Enter a list name').max(64).regex(/^[^\s"\\]+$/, 'No spaces or quotes'),
      address: z.string({ message: 'Required' }).trim().regex(/^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/, 'Enter an IPv4 address or subnet'),
      timeout: emptyOr(z.string().trim().regex(/^(\d+[wdhms])+$/, 'Use a RouterOS duration, e.g. 1d or 2h30m')).default(''),
      comment: z.string().trim().max(200).default(''),
    }),
    output: z.object({ id: z.string() }),
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, list: 'blocked', address: '10.0.0.9' })),
  'routers.address-lists.remove': channel({
    summary: 'Remove an address-list entry.',
    input: z.strictObject({ routerId: id, entryId: rosId }),
    output: ok,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, entryId: '*1' })),
  'routers.firewall.filters': channel({
    summary: 'Firewall filter rules (read only).',
    input: routerRef,
    output: z.object({ items: z.array(filterRuleRow) }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.log.recent': channel({
    summary: 'The newest router log entries, filtered.',
    input: z.strictObject({ routerId: id, q: z.string().trim().max(100).optional(), topics: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ items: z.array(logRow) }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'routers.ping': channel({
    summary: 'Ping an address from the router.',
    input: z.strictObject({
      routerId: id,
      address: z.string({ message: 'Required' }).trim().min(1, 'Enter an address').max(253).regex(/^[A-Za-z0-9.:-]+$/, 'Enter an IP address or host name'),
      count: z.number().int().min(1, 'At least 1').max(20, 'At most 20').default(4),
    }),
    output: z.object({ replies: z.array(pingReply), sent: z.number().int(), received: z.number().int(), packetLossPercent: z.number(), avgRtt: z.string().nullable() }),
    access: 'routers.operate',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, address: '8.8.8.8' })),

  'routers.backups.fetch': channel({
    summary: 'Fetch the router configuration (/export) now and keep it as a new version if it changed.',
    input: routerRef,
    output: backupMeta,
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'routers.backups.list': channel({
    summary: 'Configuration versions of a router, newest first.',
    input: routerListInput(['fetchedAt']),
    output: pageOutput(backupMeta),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'routers.backups.get': channel({
    summary: 'One configuration version with its text.',
    input: z.strictObject({ backupId: id }),
    output: backupMeta.extend({ content: z.string() }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ backupId: r.routerBackup })),
  'routers.backups.diff': channel({
    summary: 'Line diff between two configuration versions of the same router.',
    input: z.strictObject({ fromBackupId: id, toBackupId: id, context: z.number().int().min(0).max(50).default(3) }),
    output: z.object({ lines: z.array(diffLine), added: z.number().int(), removed: z.number().int() }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ fromBackupId: r.routerBackup, toBackupId: r.routerBackup })),
  'routers.home': channel({
    summary: 'Figures for the Home dashboard: routers up/down, users online now, alerts in the last 24 h, last backup per router.',
    input: empty,
    output: z.object({
      routers: z.array(z.object({
        id, name: z.string(), isCore: z.boolean(), status: routerStatus, statusSince: instant.nullable(),
        lastCheckedAt: instant.nullable(), lastBackupAt: instant.nullable(),
      })),
      /** Summed over the routers that answered; null when none did (all down, or no routers yet). */
      pppOnline: z.number().int().nullable(),
      hotspotOnline: z.number().int().nullable(),
      alertsLast24h: z.number().int(),
      /** Read at (the live counts are a snapshot). */
      at: instant,
    }),
    access: 'routers.read',
    mutates: false,
  }).sample(() => ({})),
  'routers.downtime.list': channel({
    summary: 'Router downtime periods (start, end, duration, cause).',
    input: pageInput(['startedAt'], { routerId: id.optional(), openOnly: z.boolean().optional() }),
    output: pageOutput(downtimePeriod),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
} as const;

export const routersEvents = {
  'routers.status-changed': event({
    summary: 'A router went online, degraded or offline.',
    payload: z.object({ routerId: id, status: routerStatus, since: instant, error: diagnosisNote.nullable() }),
    access: 'routers.read',
  }),
} as const;
