import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { containsText } from '../db/query-helpers';
import { pageQuery } from '../paging';
import { toSummaries } from './subscriber-repo';

export type SubscriberFilter = Omit<ParsedInputOf<'subscribers.list'>, 'page' | 'pageSize' | 'sort'>;

/**
 * Live subscribers matching a filter: the FROM/WHERE shared by the list, bulk actions and CSV export.
 * Every branch keeps `deleted_at is null`, so SQLite can use the partial `*_live` indexes.
 */
export function filteredSubscribers(db: Kysely<TenantDB>, f: SubscriberFilter, now: Date): SelectQueryBuilder<TenantDB, 'subscribers', object> {
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
    base = base.where('id', 'in', (eb) => eb.selectFrom('subscriberTags').select('subscriberId').where('tag', 'in', tags));
  }
  if (f.q) {
    const text = f.q;
    base = base.where((eb) => eb.or([
      containsText('accountNumber', text), containsText('fullName', text), containsText('phones', text), containsText('username', text),
      // "0712 345 678" finds "+254712345678": compare digits after the leading 0 too.
      ...(/^0\d{5,}$/.test(text.replace(/\s/g, '')) ? [containsText('phones', text.replace(/\s/g, '').slice(1))] : []),
    ]));
  }
  return base;
}

const SORT = { accountNumber: 'accountNumber', fullName: 'fullName', expiresAt: 'expiresAt', status: 'status' } as const;

export async function listSubscribers(scope: TenantScope, q: ParsedInputOf<'subscribers.list'>): Promise<OutputOf<'subscribers.list'>> {
  const base = filteredSubscribers(scope.db, q, scope.core.clock.now());
  const sort = q.sort ?? { field: 'accountNumber', dir: 'asc' as const };
  // Account numbers are unique among live rows, so they need no tie-breaker (and the index alone serves the order).
  const terms = sort.field === 'accountNumber' ? [{ by: SORT.accountNumber, dir: sort.dir }] : [{ by: SORT[sort.field], dir: sort.dir }, { by: 'id' as const, dir: sort.dir }];
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: terms });
  return { ...page, items: await toSummaries(scope.db, page.items) };
}
