import type { ColumnType } from 'kysely';
import type { AlertKind } from '@shared/contract/ops';

/** Tables of one tenant's data.sqlite. Every row here belongs to that tenant alone. */
export interface TenantDB {
  tenantMeta: TenantMetaTable;
  staffUsers: StaffUsersTable;
  businessSettings: BusinessSettingsTable;
  auditLog: AuditLogTable;
  secrets: SecretsTable;
  outbox: OutboxTable;
  jobRuns: JobRunsTable;
  routers: RoutersTable;
  routerDowntimes: RouterDowntimesTable;
  alerts: AlertsTable;
  routerBackups: RouterBackupsTable;
  routerObjects: RouterObjectsTable;
  routerOutbox: RouterOutboxTable;
  jobSettings: JobSettingsTable;
  packages: PackagesTable;
  packageRouters: PackageRoutersTable;
  subscribers: SubscribersTable;
  subscriberSettings: SubscriberSettingsTable;
  routerDrift: RouterDriftTable;
  routerSyncRuns: RouterSyncRunsTable;
  enforcementSettings: EnforcementSettingsTable;
  subscriberTags: SubscriberTagsTable;
  subscriberCounts: SubscriberCountsTable;
  payments: PaymentsTable;
  ledgerEntries: LedgerEntriesTable;
  mpesaSettings: MpesaSettingsTable;
  stkRequests: StkRequestsTable;
  cashShifts: CashShiftsTable;
  invoiceSettings: InvoiceSettingsTable;
  invoices: InvoicesTable;
  invoiceLines: InvoiceLinesTable;
  invoiceAllocations: InvoiceAllocationsTable;
  postpaidSubscribers: PostpaidSubscribersTable;
  hotspotPlans: HotspotPlansTable;
  voucherBatches: VoucherBatchesTable;
  vouchers: VouchersTable;
  voucherUsage: VoucherUsageTable;
  voucherTemplates: VoucherTemplatesTable;
  incomeEntries: IncomeEntriesTable;
  agents: AgentsTable;
  agentLedger: AgentLedgerTable;
  voucherSales: VoucherSalesTable;
  voucherSaleItems: VoucherSaleItemsTable;
  voucherStockThresholds: VoucherStockThresholdsTable;
  portalSettings: PortalSettingsTable;
  portalPurchases: PortalPurchasesTable;
}

export interface TenantMetaTable {
  key: string;
  value: string;
}

export interface StaffUsersTable {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  /** JSON array of Role. */
  roles: string;
  isActive: number;
  passwordHash: string;
  mustChangePassword: number;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BusinessSettingsTable {
  id: number;
  legalName: string;
  address: string;
  phone: string;
  email: string;
  taxId: string;
  vatRateBasisPoints: number;
  logoDataUrl: string | null;
  receiptFooter: string;
  updatedAt: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actorKind: 'staff' | 'platform' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  /** JSON object with before/after or context; never secrets. */
  details: string | null;
}

export interface SecretsTable {
  id: string;
  ownerType: string;
  ownerId: string;
  name: string;
  ciphertext: string;
  updatedAt: string;
}

export interface OutboxTable {
  id: string;
  createdAt: string;
  kind: string;
  target: string;
  payload: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  doneAt: string | null;
}

export interface JobRunsTable {
  id: string;
  jobKey: string;
  scheduledFor: string;
  status: 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped';
  startedAt: string;
  finishedAt: string | null;
  /** Attempts made so far (1 while the first runs). */
  attempt: number;
  error: string | null;
  /** 0010-scheduler: why the run exists, who pressed Run now, its log lines, when a retry is due. */
  trigger: 'schedule' | 'manual' | 'catch-up';
  triggeredBy: string | null;
  log: string;
  nextAttemptAt: string | null;
}

/** Staff overrides of a scheduled job (no row = enabled, default schedule). */
export interface JobSettingsTable {
  jobKey: string;
  enabled: number;
  /** JSON JobSchedule, or null for the job's default. */
  schedule: string | null;
  /** Slots before this instant are not owed (a job enabled or rescheduled does not catch up the past). */
  updatedAt: string;
  updatedBy: string;
}

export interface RoutersTable {
  id: string;
  name: string;
  host: string;
  port: number;
  useTls: number;
  username: string;
  /** SHA-256 of the router's API-SSL certificate, pinned at first use. */
  tlsFingerprint: string | null;
  site: string;
  notes: string;
  isCore: number;
  isDemo: number;
  /** How text is read and written on this router (lossless in every mode). */
  encoding: 'utf8-lossless' | 'win1252' | 'latin1';
  status: 'unknown' | 'online' | 'degraded' | 'offline';
  statusSince: string | null;
  lastCheckedAt: string | null;
  /** JSON of a DiagnosisNote: why the router is offline or degraded. */
  lastError: string | null;
  rosVersion: string | null;
  boardName: string | null;
  identity: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RouterDowntimesTable {
  id: string;
  routerId: string;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  /** JSON of a DiagnosisNote (why the router went down). */
  cause: string;
}

export interface AlertsTable {
  id: string;
  at: string;
  severity: 'info' | 'warning' | 'critical';
  kind: AlertKind;
  /** JSON of the kind's params (see alertItem in the contract). */
  params: string;
  routerId: string | null;
  readAt: string | null;
}

export interface RouterBackupsTable {
  id: string;
  routerId: string;
  fetchedAt: string;
  trigger: 'manual' | 'nightly';
  content: string;
  contentHash: string;
  sizeBytes: number;
  lineCount: number;
  rosVersion: string | null;
  changed: number;
  /** 1 for a router's first version (nothing to have changed from). */
  isFirst: number;
  /** Whether passwords and keys are in `content`. */
  secrets: 'included' | 'hidden';
}

/** Desired state of one router object the app manages (router-sync domain). */
export interface RouterObjectsTable {
  id: string;
  routerId: string;
  menu: string;
  /** Comment prefix (`ispdesk:v1;sid=…;`) or `name=<name>`: how the object is found on the router. */
  tag: string;
  ownerType: 'subscriber' | 'package' | 'prerequisite' | 'hotspot-plan' | 'voucher';
  ownerId: string;
  /** JSON of the props it must have; null = must not exist. */
  desired: string | null;
  /** JSON prop → secret name (passwords stay sealed until the worker writes them). */
  sealed: string | null;
  version: number;
  appliedVersion: number | null;
  status: 'pending' | 'synced' | 'error';
  /** The router's own message when the last apply failed. */
  lastError: string | null;
  lastSyncedAt: string | null;
  updatedAt: string;
}

export interface RouterOutboxTable {
  id: string;
  routerId: string;
  objectId: string;
  version: number;
  createdAt: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  doneAt: string | null;
}

/** A package (plan) offered to subscribers (subscribers domain). */
export interface PackagesTable {
  id: string;
  name: string;
  serviceType: 'pppoe' | 'static';
  rateRxKbps: number;
  rateTxKbps: number;
  /** JSON of the burst settings, or null. */
  burst: string | null;
  /** PPPoE: 'existing' profile on the router, or 'managed' (the app maintains it); null for static. */
  pppProfileMode: 'existing' | 'managed' | null;
  pppProfileName: string | null;
  remotePool: string | null;
  priceMinor: number;
  periodCount: number;
  periodUnit: 'hours' | 'days' | 'weeks' | 'months';
  graceHours: number;
  status: 'active' | 'disabled';
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The routers a package is offered on, with the static address pool there (CIDR). */
export interface PackageRoutersTable {
  packageId: string;
  routerId: string;
  addressPool: string | null;
}

export interface SubscribersTable {
  id: string;
  accountNumber: string;
  fullName: string;
  /** JSON array of E.164 numbers. */
  phones: string;
  email: string | null;
  locationSite: string;
  locationBuilding: string;
  locationText: string;
  gpsLat: number | null;
  gpsLng: number | null;
  routerId: string;
  packageId: string;
  serviceType: 'pppoe' | 'static';
  username: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  installedAt: string | null;
  expiresAt: string;
  status: 'active' | 'expired' | 'suspended' | 'disabled';
  notes: string;
  /** JSON array of tags. */
  tags: string;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Static: the router's own simple queue name when adopted (migration 0012); null = `ispdesk-<account>`. */
  queueName: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One row (id 1): account numbers, expiry action, end-of-day option, default grace. */
export interface SubscriberSettingsTable {
  id: number;
  accountFormat: 'numeric' | 'alphanumeric';
  accountLength: number;
  accountPrefix: string;
  disconnectAtEndOfDay: number;
  defaultGraceHours: number;
  updatedAt: string | null;
}

/** Drift between desired state and a router, found by reconcile (router-sync domain). */
export interface RouterDriftTable {
  id: string;
  routerId: string;
  menu: string;
  kind: 'missing' | 'extra' | 'foreign' | 'different';
  identity: string;
  objectId: string | null;
  routerItemId: string | null;
  label: string;
  routerProps: string | null;
  diffs: string;
  fingerprint: string;
  status: 'open' | 'ignored';
  detectedAt: string;
}

/** The last reconcile of each router (router-sync domain). */
export interface RouterSyncRunsTable {
  routerId: string;
  lastReconcileAt: string;
  apiCalls: number;
  driftCount: number;
  error: string | null;
}

/** Per-tenant expiry enforcement settings (one row, id 1); owned by the enforcement domain. */
export interface EnforcementSettingsTable {
  id: number;
  expiryAction: 'disable' | 'expired-profile';
  noticeUrl: string | null;
  /** Strict mode's assumed outage in seconds while the router clock is unknown; null = off. */
  strictAssumeSec: number | null;
  updatedAt: string;
}

/** One row per tag of a subscriber (the list filters by tag through it). */
export interface SubscriberTagsTable {
  subscriberId: string;
  tag: string;
}

/** Live subscribers per (status, router, package), kept by triggers on subscribers (the list's totals). */
export interface SubscriberCountsTable {
  status: string;
  routerId: string;
  packageId: string;
  n: number;
}

/** One payment from any source, unique per (provider, reference) (payments domain, 0013-payments). */
export interface PaymentsTable {
  id: string;
  provider: 'mpesa' | 'cash' | 'bank' | 'card';
  reference: string;
  amountMinor: number;
  paidAt: string;
  accountRef: string | null;
  phone: string | null;
  phoneHash: string | null;
  payerName: string | null;
  channel: 'cash' | 'stk' | 'statement' | 'sms' | 'c2b' | 'manual';
  status: 'received' | 'applied' | 'unmatched' | 'set-aside';
  subscriberId: string | null;
  receivedAt: string;
  note: string | null;
  recordedByType: 'staff' | 'platform' | 'system' | 'anonymous';
  recordedById: string | null;
  recordedByName: string;
  decidedAt: string | null;
  decidedById: string | null;
  decisionReason: string | null;
}

/**
 * The append-only wallet ledger (payments domain). amountMinor is signed: credit > 0, debit < 0,
 * adjustment either sign, reversal = minus the reversed entry's amount; seq is gapless per subscriber.
 */
export interface LedgerEntriesTable {
  id: string;
  subscriberId: string;
  seq: number;
  kind: 'credit' | 'debit' | 'adjustment' | 'reversal';
  amountMinor: number;
  balanceAfterMinor: number;
  reference: string | null;
  source: 'payment' | 'renewal' | 'manual' | 'reversal' | 'installation-fee' | 'package-change';
  paymentId: string | null;
  reversesEntryId: string | null;
  reason: string | null;
  actorType: 'staff' | 'platform' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

/** The tenant's Daraja settings, one row 'default' (mpesa domain, 0014-mpesa); credentials live in secrets. */
export interface MpesaSettingsTable {
  id: 'default';
  accountType: 'paybill' | 'buygoods';
  shortcode: string;
  till: string | null;
  environment: 'sandbox' | 'production';
  baseUrl: string | null;
  callbackUrl: string | null;
  c2bRejectUnknown: number;
  updatedAt: string;
}

/** One STK push and its outcome (mpesa domain, 0014-mpesa). */
export interface StkRequestsTable {
  id: string;
  subscriberId: string | null;
  phone: string;
  amountMinor: number;
  accountRef: string;
  checkoutRequestId: string | null;
  merchantRequestId: string | null;
  status: 'pending' | 'succeeded' | 'failed' | 'timeout';
  resultCode: string | null;
  resultDesc: string | null;
  errorCode: string | null;
  receipt: string | null;
  paymentReference: string | null;
  paymentId: string | null;
  requestedById: string | null;
  requestedByName: string;
  requestedAt: string;
  finishedAt: string | null;
  /** `voucher`: a portal voucher purchase, recorded as voucher-sale income instead of a wallet payment (0024). */
  purpose: 'wallet' | 'voucher';
}

/** A cashier's drawer shift: opening float, counted cash at close (payments domain, 0016-cash-shifts). */
export interface CashShiftsTable {
  id: string;
  staffId: string;
  staffName: string;
  openedAt: string;
  openingFloatMinor: number;
  closedAt: string | null;
  expectedMinor: number | null;
  countedMinor: number | null;
  differenceMinor: number | null;
  note: string | null;
}

/** Invoice numbering, VAT mode and terms, one row id = 1 (invoices domain, 0015-invoices). */
export interface InvoiceSettingsTable {
  id: number;
  prefix: string;
  nextNumber: number;
  vatMode: 'exclusive' | 'inclusive';
  paymentTermsDays: number;
  updatedAt: string | null;
}

/** One invoice; seq/number only once issued (invoices domain, 0015-invoices). */
export interface InvoicesTable {
  id: string;
  seq: number | null;
  number: string | null;
  subscriberId: string;
  status: 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';
  periodKey: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  vatMode: 'exclusive' | 'inclusive';
  vatRateBasisPoints: number;
  subtotalMinor: number;
  vatMinor: number;
  totalMinor: number;
  paidMinor: ColumnType<number, number | undefined, number>;
  dueAt: string;
  issuedAt: string | null;
  notes: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  createdByName: string;
}

export interface InvoiceLinesTable {
  invoiceId: string;
  position: number;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

/** Money of one payment put against one invoice, in the payment's transaction (invoices domain). */
export interface InvoiceAllocationsTable {
  id: string;
  invoiceId: string;
  paymentId: string;
  amountMinor: number;
  createdAt: string;
}

/** Subscribers invoiced monthly (the postpaid billing mode, invoices domain). */
export interface PostpaidSubscribersTable {
  subscriberId: string;
  since: string;
}

/** A hotspot plan: one user profile the app maintains on one router, and the limits of its vouchers (hotspot domain). */
export interface HotspotPlansTable {
  id: string;
  name: string;
  routerId: string;
  server: string;
  profileName: string;
  rateRxKbps: number;
  rateTxKbps: number;
  sharedUsers: number;
  sessionTimeoutSec: number | null;
  idleTimeoutSec: number | null;
  limitKind: 'uptime' | 'validity' | 'none';
  /** Seconds of limit-uptime or of validity from first login; null for `none`. */
  limitSec: number | null;
  limitBytesTotal: number | null;
  priceMinor: number;
  status: 'active' | 'disabled';
  /** 1 = the on-login script locks a voucher to the first device's MAC (migration 0018). */
  macLock: ColumnType<number, number | undefined, number>;
  /** The hotspot's `dns-name` (host of the QR login URL on printed vouchers); null until staff set it. */
  /** `/ip/pool` of the plan's profile (`address-pool`); null = none (migration 0025). */
  addressPool: string | null;
  dnsName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One generation of vouchers (hotspot domain); `requestKey` makes a retried create return it. */
export interface VoucherBatchesTable {
  id: string;
  serial: number;
  requestKey: string;
  planId: string;
  routerId: string;
  count: number;
  priceMinor: number;
  note: string;
  mode: 'same' | 'pin';
  /** JSON of the code options used. */
  codeOptions: string;
  comment: string;
  createdBy: string | null;
  createdAt: string;
  /** `adopted`: made from users the router already had (migration 0019); defaults to `generated`. */
  origin: ColumnType<'generated' | 'adopted', 'generated' | 'adopted' | undefined, 'generated' | 'adopted'>;
  /** When staff stopped the batch's push: vouchers not yet on the router were revoked then. */
  cancelledAt: string | null;
}

/** One voucher = one hotspot user on the batch's router (hotspot domain). */
export interface VouchersTable {
  id: string;
  batchId: string;
  planId: string;
  routerId: string;
  code: string;
  /** Lower-cased code: uniqueness per router is case-insensitive. */
  codeKey: string;
  password: string;
  status: 'unused' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
}

/** What the router last said about a voucher's hotspot user (hotspot domain, voucher status sync). */
export interface VoucherUsageTable {
  voucherId: string;
  uptimeSec: number;
  bytesIn: number;
  bytesOut: number;
  /** First login seen (from the router's expiry stamp, else estimated from the first sync that saw usage). */
  firstLoginAt: string | null;
  /** Last sync that saw the voucher logged in. */
  lastSeenAt: string | null;
  /** Calendar-validity expiry (first login + validity), null when none. */
  expiresAt: string | null;
  active: number;
  /** MAC of the session seen, or the user's locked MAC. */
  mac: string | null;
  state: 'unused' | 'in-use' | 'used-up' | 'expired' | 'revoked';
  syncedAt: string;
}

/** An editable voucher card template (documents domain): HTML checked on save, a layout and the login host. */
export interface VoucherTemplatesTable {
  id: string;
  name: string;
  html: string;
  layout: 'a4-3x8' | 'a4-4x10' | 'a4-5x13' | 'roll80' | 'roll58';
  /** The hotspot's dns-name: the host of `{{qr}}` / `{{login_url}}` and the value of `{{dns_name}}`. */
  dnsName: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
/**
 * Money received for no subscriber: vouchers sold at the desk, agents' float top-ups (payments domain,
 * 0020-other-income). Append-only; receipt > 0, reversal = minus the receipt it reverses.
 */
export interface IncomeEntriesTable {
  id: string;
  kind: 'receipt' | 'reversal';
  source: 'voucher-sale' | 'agent-float';
  method: 'mpesa' | 'cash' | 'bank' | 'card';
  reference: string;
  amountMinor: number;
  reversesEntryId: string | null;
  note: string | null;
  recordedByType: 'staff' | 'platform' | 'system' | 'anonymous';
  recordedById: string | null;
  recordedByName: string;
  createdAt: string;
}

/** A reseller with a wholesale discount (basis points) and a prepaid float (voucher-sales domain, 0020-voucher-sales). */
export interface AgentsTable {
  id: string;
  name: string;
  phone: string | null;
  discountBp: number;
  createdAt: string;
  updatedAt: string;
}

/** An agent's float, append-only like the subscriber wallet: seq gapless per agent, balance never below 0. */
export interface AgentLedgerTable {
  id: string;
  agentId: string;
  seq: number;
  kind: 'top-up' | 'purchase' | 'adjustment' | 'reversal';
  amountMinor: number;
  balanceAfterMinor: number;
  method: 'mpesa' | 'cash' | 'bank' | 'card' | null;
  reference: string | null;
  incomeEntryId: string | null;
  saleId: string | null;
  reversesEntryId: string | null;
  reason: string | null;
  actorType: 'staff' | 'platform' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

/** One sale of vouchers: to a walk-in customer (income) or to an agent (from its float). */
export interface VoucherSalesTable {
  id: string;
  requestKey: string;
  buyerKind: 'walk-in' | 'agent';
  agentId: string | null;
  planId: string;
  count: number;
  listTotalMinor: number;
  discountBp: number;
  totalMinor: number;
  method: 'mpesa' | 'cash' | 'bank' | 'card' | null;
  reference: string | null;
  incomeEntryId: string | null;
  agentEntryId: string | null;
  note: string | null;
  actorType: 'staff' | 'platform' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

/** Which vouchers a sale sold (a voucher is sold at most once) and what was paid for each. */
export interface VoucherSaleItemsTable {
  voucherId: string;
  saleId: string;
  batchId: string;
  planId: string;
  priceMinor: number;
}

/** Low-stock threshold per hotspot plan (unused, unsold vouchers below it raise the alert). */
export interface VoucherStockThresholdsTable {
  planId: string;
  lowStock: number;
  updatedAt: string;
}
/** The captive-portal kit's settings, one row (hotspot-portal domain, 0021-hotspot-portal). */
export interface PortalSettingsTable {
  id: number;
  enabled: number;
  /** The LAN address the app serves the portal on (the router fetches pages and the page calls it there). */
  lanAddress: string | null;
  lanPort: number;
  /** JSON array of hotspot plan ids sold from the portal. */
  offeredPlanIds: string;
  title: string;
  /** `#rrggbb`. */
  colour: string;
  supportPhone: string;
  updatedAt: string;
}

/** One voucher bought from the portal with M-Pesa, keyed by its STK request (hotspot-portal domain). */
export interface PortalPurchasesTable {
  id: string;
  /** The page's own key for one press of "Pay": the same key again is the same purchase. */
  clientKey: string | null;
  /** The account reference in the M-Pesa prompt (`HS…`): links the STK request even if we crashed before noting its id. */
  accountRef: string;
  /** Null only between writing the purchase and Daraja's answer to the push. */
  stkRequestId: string | null;
  planId: string;
  routerId: string;
  phone: string;
  mac: string;
  ip: string;
  amountMinor: number;
  status: 'paying' | 'paid' | 'failed';
  /** Why it failed: the STK outcome code (`cancelled`, `timeout`, …). */
  failure: string | null;
  batchId: string | null;
  voucherId: string | null;
  code: string | null;
  password: string | null;
  /** Logging the device in on the router: not yet, waiting for the user to reach the router, done, given up. */
  login: 'none' | 'waiting' | 'done' | 'failed';
  loginError: string | null;
  loginAttempts: number;
  createdAt: string;
  updatedAt: string;
}
