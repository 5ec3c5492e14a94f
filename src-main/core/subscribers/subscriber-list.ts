import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { containsText } from '../db/query-helpers';
import { pageQuery } from '../paging';
import { toSummaries } from './subscriber-repo';

export type SubscriberFilter = Omit<ParsedInputOf<'subscribers.list'>, 'page' | 'pageSize' | 'sort'>;

/** What the filtered rows are for: counting them, or reading them in a sort order. */
export type FilterUse = 'count' | 'rows';

/**
 * Live subscribers matching a filter: the FROM/WHERE shared by the list, bulk actions and CSV export.
 * Every branch keeps `deleted_at is null`, so SQLite can use the partial `*_live` indexes.
 */
export function filteredSubscribers(db: Kysely<TenantDB>, f: SubscriberFilter, now: Date, use: FilterUse = 'rows'): SelectQueryBuilder<TenantDB, 'subscribers', object> {
  let base = db.selectFrom('subscribers').where('deletedAt', 'is', null);
  if (f.status) base = base.where('status', '=', f.status);
  if (f.routerId) base = base.where('routerId', '=', f.routerId);
  if (f.packageId) base = base.where('packageId', '=', f.packageId);
  if (f.expiringWithinDays !== undefined) {
    const until = new Date(now.getTime() + f.expiringWithinDays * 86_400_000).toISOString();
    base = base.where('status', '=', 'active').where('expiresAt', '>=', now.toISOString()).where('expiresAt', '<=', until);
  }
  if (f.tags && f.tags.length > 0) {
    const tags = f.tags;
    const tagged = db.selectFrom('subscriberTags').select('subscriberId').where('tag', 'in', tags);
    // Same rows either way, different plans (measured at 100k, test/bench/subscribers-bench.ts): a count probes
    // each tagged id in `subscribers_id_live`; a page walks the sort order's index and tests ids against the
    // tagged set (the unary + keeps SQLite from probing ids instead, which sorts every tagged row).
    base = use === 'count' ? base.where('id', 'in', tagged) : base.where(sql<string>`+${sql.ref('id')}`, 'in', tagged);
  }
  if (f.q) {
    const text = f.q;
    // "0712 345 678" finds "+254712345678": compare digits after the leading 0 too.
    const digits = text.replace(/\s/g, '');
    const phoneTail = /^0\d{5,}$/.test(digits) ? digits.slice(1) : null;
    const needles = phoneTail === null ? [text] : [text, phoneTail];
    // Trigram search narrows to candidates when every needle has 3+ characters (shorter ones have no trigram);
    // the LIKE below then decides exactly as the plain scan would (the index also folds non-ASCII case).
    if (needles.every((n) => [...n].length >= 3)) {
      const match = needles.map((n) => `"${n.replace(/"/g, '""')}"`).join(' OR ');
      base = base.where(sql<boolean>`${sql.ref('subscribers.rowid')} in (select rowid from subscribers_search where subscribers_search match ${match})`);
    }
    base = base.where((eb) => eb.or([
      containsText('accountNumber', text), containsText('fullName', text), containsText('phones', text), containsText('username', text),
      ...(phoneTail === null ? [] : [containsText('phones', phoneTail)]),
    ]));
  }
  return base;
}

const SORT = { accountNumber: 'accountNumber', fullName: 'fullName', expiresAt: 'expiresAt', status: 'status' } as const;

export async function listSubscribers(scope: TenantScope, q: ParsedInputOf<'subscribers.list'>): Promise<OutputOf<'subscribers.list'>> {
  const now = scope.core.clock.now();
  const base = filteredSubscribers(scope.db, q, now);
  const sort = q.sort ?? { field: 'accountNumber', dir: 'asc' as const };
  // Account numbers are unique among live rows, so they need no tie-breaker (and the index alone serves the order).
  const terms = sort.field === 'accountNumber' ? [{ by: SORT.accountNumber, dir: sort.dir }] : [{ by: SORT[sort.field], dir: sort.dir }, { by: 'id' as const, dir: sort.dir }];
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: terms, count: () => countSubscribers(scope.db, filterOf(q), now) });
  return { ...page, items: await toSummaries(scope.db, page.items) };
}

/** The filter part of a list request (what `countSubscribers` looks at). */
function filterOf(q: ParsedInputOf<'subscribers.list'>): SubscriberFilter {
  const filter: Partial<ParsedInputOf<'subscribers.list'>> = { ...q };
  delete filter.page;
  delete filter.pageSize;
  delete filter.sort;
  return filter;
}

/**
 * How many live subscribers match: filters on status, router and package only (the common case) read the
 * trigger-kept `subscriber_counts`; anything else counts the filtered rows.
 */
export async function countSubscribers(db: Kysely<TenantDB>, f: SubscriberFilter, now: Date): Promise<number> {
  const { status, routerId, packageId, ...others } = f;
  // Any other filter set (text, tags, expiring window, or one added later) needs the rows themselves.
  if (Object.values(others).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0))) {
    let counts = db.selectFrom('subscriberCounts').select(sql<number | null>`sum(n)`.as('total'));
    if (status) counts = counts.where('status', '=', status);
    if (routerId) counts = counts.where('routerId', '=', routerId);
    if (packageId) counts = counts.where('packageId', '=', packageId);
    return Number((await counts.executeTakeFirstOrThrow()).total ?? 0);
  }
  const r = await filteredSubscribers(db, f, now, 'count').select(sql<number | bigint>`count(*)`.as('total')).executeTakeFirstOrThrow();
  return Number(r.total);
}
