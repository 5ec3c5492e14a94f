import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Packages, the routers offering them, subscribers and the subscriber settings row. Uniqueness that must
 * survive soft delete (account number, PPPoE user name, static address per router) is enforced by partial
 * unique indexes over live rows, so a deleted subscriber's account number can be reused. The list and the
 * expiry sweep read through the `*_live` indexes (every query says `deleted_at is null`).
 */
export const m0008Subscribers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('packages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('service_type', 'text', (c) => c.notNull().check(sql`service_type in ('pppoe','static')`))
      .addColumn('rate_rx_kbps', 'integer', (c) => c.notNull())
      .addColumn('rate_tx_kbps', 'integer', (c) => c.notNull())
      .addColumn('burst', 'text')
      .addColumn('ppp_profile_mode', 'text', (c) => c.check(sql`ppp_profile_mode in ('existing','managed')`))
      .addColumn('ppp_profile_name', 'text')
      .addColumn('remote_pool', 'text')
      .addColumn('price_minor', 'integer', (c) => c.notNull())
      .addColumn('period_count', 'integer', (c) => c.notNull())
      .addColumn('period_unit', 'text', (c) => c.notNull().check(sql`period_unit in ('hours','days','weeks','months')`))
      .addColumn('grace_hours', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','disabled')`))
      // Set when deleted while soft-deleted subscribers still point at it (their history keeps the name).
      .addColumn('deleted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index packages_name_live on packages (name collate nocase) where deleted_at is null`.execute(db);

    await db.schema
      .createTable('package_routers')
      .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id').onDelete('cascade'))
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('address_pool', 'text')
      .addPrimaryKeyConstraint('package_routers_pk', ['package_id', 'router_id'])
      .execute();
    await db.schema.createIndex('package_routers_router').on('package_routers').columns(['router_id']).execute();

    await db.schema
      .createTable('subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_number', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('email', 'text')
      .addColumn('location_site', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('location_building', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('location_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('gps_lat', 'real')
      .addColumn('gps_lng', 'real')
      // Restrict: a router or package with subscribers cannot vanish under them.
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id'))
      .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
      .addColumn('service_type', 'text', (c) => c.notNull().check(sql`service_type in ('pppoe','static')`))
      .addColumn('username', 'text')
      .addColumn('ip_address', 'text')
      .addColumn('mac_address', 'text')
      .addColumn('installed_at', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','expired','suspended','disabled')`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('deleted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index subscribers_account_live on subscribers (account_number) where deleted_at is null`.execute(db);
    await sql`create unique index subscribers_username_live on subscribers (username) where deleted_at is null and username is not null`.execute(db);
    await sql`create unique index subscribers_ip_live on subscribers (router_id, ip_address) where deleted_at is null and ip_address is not null`.execute(db);
    // The list filters by status, router or package and sorts by account, name, expiry or status: one index
    // per (filter, sort) pair lets SQLite walk rows already in page order instead of sorting 50k of them.
    await sql`create index subscribers_name_live on subscribers (full_name, id) where deleted_at is null`.execute(db);
    await sql`create index subscribers_expiry_live on subscribers (expires_at, id) where deleted_at is null`.execute(db);
    for (const col of ['status', 'router_id', 'package_id']) {
      for (const [name, cols] of [['account', 'account_number'], ['name', 'full_name, id'], ['expiry', 'expires_at, id'], ['status', 'status, id']] as const) {
        if (col === 'status' && name === 'status') continue;
        await sql.raw(`create index subscribers_${col}_${name}_live on subscribers (${col}, ${cols}) where deleted_at is null`).execute(db);
      }
    }
    await sql`create index subscribers_status_id_live on subscribers (status, id) where deleted_at is null`.execute(db);
    // "Is this id live?" answered from a small index instead of the row: the tag filter checks thousands of
    // ids, and SQLite prefers a unique index on the probed column, so this one must be unique to be chosen.
    await sql`create unique index subscribers_id_live on subscribers (id) where deleted_at is null`.execute(db);

    // Text search ("contains", the list's q) over account, name, phones and user name: a trigram index answers
    // substrings of 3+ characters without reading 100k rows (https://sqlite.org/fts5.html#the_trigram_tokenizer,
    // SQLite 3.34+). External content: the index keeps no copy of the text, triggers keep it in step
    // (https://sqlite.org/fts5.html#external_content_tables). It only narrows candidates; the list re-checks
    // them with the same LIKE as the plain scan, so results never differ from it.
    await sql`create virtual table subscribers_search using fts5(account_number, full_name, phones, username,
      content='subscribers', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`create trigger subscribers_search_insert after insert on subscribers begin
      insert into subscribers_search (rowid, account_number, full_name, phones, username)
        values (new.rowid, new.account_number, new.full_name, new.phones, new.username);
    end`.execute(db);
    await sql`create trigger subscribers_search_delete after delete on subscribers begin
      insert into subscribers_search (subscribers_search, rowid, account_number, full_name, phones, username)
        values ('delete', old.rowid, old.account_number, old.full_name, old.phones, old.username);
    end`.execute(db);
    await sql`create trigger subscribers_search_update after update of account_number, full_name, phones, username on subscribers begin
      insert into subscribers_search (subscribers_search, rowid, account_number, full_name, phones, username)
        values ('delete', old.rowid, old.account_number, old.full_name, old.phones, old.username);
      insert into subscribers_search (rowid, account_number, full_name, phones, username)
        values (new.rowid, new.account_number, new.full_name, new.phones, new.username);
    end`.execute(db);

    // The list's total for status/router/package filters (most list calls) without counting up to 100k index
    // entries: live subscribers per group, kept exact by triggers in the same statement as the row change.
    await sql`create table subscriber_counts (status text not null, router_id text not null, package_id text not null,
      n integer not null, primary key (status, router_id, package_id))`.execute(db);
    await sql`create trigger subscriber_counts_insert after insert on subscribers when new.deleted_at is null begin
      insert into subscriber_counts (status, router_id, package_id, n) values (new.status, new.router_id, new.package_id, 1)
        on conflict (status, router_id, package_id) do update set n = n + 1;
    end`.execute(db);
    await sql`create trigger subscriber_counts_delete after delete on subscribers when old.deleted_at is null begin
      update subscriber_counts set n = n - 1 where status = old.status and router_id = old.router_id and package_id = old.package_id;
    end`.execute(db);
    await sql`create trigger subscriber_counts_update_old after update of status, router_id, package_id, deleted_at on subscribers
      when old.deleted_at is null begin
      update subscriber_counts set n = n - 1 where status = old.status and router_id = old.router_id and package_id = old.package_id;
    end`.execute(db);
    await sql`create trigger subscriber_counts_update_new after update of status, router_id, package_id, deleted_at on subscribers
      when new.deleted_at is null begin
      insert into subscriber_counts (status, router_id, package_id, n) values (new.status, new.router_id, new.package_id, 1)
        on conflict (status, router_id, package_id) do update set n = n + 1;
    end`.execute(db);

    await db.schema
      .createTable('subscriber_tags')
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('subscriber_tags_pk', ['subscriber_id', 'tag'])
      .execute();
    await db.schema.createIndex('subscriber_tags_tag').on('subscriber_tags').columns(['tag', 'subscriber_id']).execute();

    // A subscriber's history page reads the audit log by target.
    await sql`create index if not exists audit_log_target on audit_log (target_type, target_id, at)`.execute(db);

    await db.schema
      .createTable('subscriber_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('account_format', 'text', (c) => c.notNull().check(sql`account_format in ('numeric','alphanumeric')`))
      .addColumn('account_length', 'integer', (c) => c.notNull())
      .addColumn('account_prefix', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('disconnect_at_end_of_day', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('default_grace_hours', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text')
      .execute();
    await sql`insert into subscriber_settings (id, account_format, account_length, account_prefix, disconnect_at_end_of_day, default_grace_hours)
      values (1, 'numeric', 6, '', 0, 0)`.execute(db);
  },
};
