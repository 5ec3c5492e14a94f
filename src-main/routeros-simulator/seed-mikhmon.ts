/**
 * A hotspot as Mikhmon (laksa19/mikhmonv3, integrations.md §6.3, peers.md §1.2) leaves it on a router, for
 * adoption tests and the demo: user profiles whose `on-login` script starts with Mikhmon's metadata line
 * `:put (",<expmode>,<price>,<validity>,<selling price>,,<lock>,")` (`hotspot/adduserprofile.php`), and users
 * generated in batches tagged `vc-<n>-<mm.dd.yy>-<note>` (code = password) or `up-…` (separate numeric
 * password) (`hotspot/generateuser.php`), some partly used. Plus what real routers carry beside them: the
 * hotspot setup's `admin` login on the `default` profile, a hand-made user, a used voucher whose comment
 * Mikhmon's on-login script replaced with its expiry date, and a disabled user. Only data is added: no
 * router behaviour is modelled here. Deterministic for a given randomSeed.
 */
import { formatDateTime } from './dates';
import { createRng, type Rng } from './rng';
import type { SimState } from './state';

export interface MikhmonProfile {
  name: string;
  rate: string;
  sharedUsers: number;
  /** limit-uptime Mikhmon writes on every user of the profile ('' = none). */
  uptime: string;
  validity: string;
  price: number;
  sellingPrice: number;
  mode: 'vc' | 'up';
}

export const MIKHMON_PROFILES: readonly MikhmonProfile[] = [
  { name: '1HOUR', rate: '2M/2M', sharedUsers: 1, uptime: '1h', validity: '1h', price: 20, sellingPrice: 20, mode: 'vc' },
  { name: '1DAY', rate: '3M/5M', sharedUsers: 2, uptime: '1d', validity: '1d', price: 50, sellingPrice: 60, mode: 'vc' },
  { name: '7DAYS', rate: '5M/5M', sharedUsers: 1, uptime: '', validity: '7d', price: 300, sellingPrice: 0, mode: 'up' },
];

export interface MikhmonSeedOptions {
  randomSeed: number;
  /** Users per profile, generated in batches of `batchSize` (Mikhmon generates up to 500 at once). */
  usersPerProfile?: number;
  batchSize?: number;
  /** Share of users with some uptime used. */
  usedShare?: number;
  profiles?: readonly MikhmonProfile[];
}

export interface MikhmonSeedResult {
  /** Batch comments per profile, in the order generated. */
  batches: Record<string, string[]>;
  /** Names of the users adoption should leave out, and of those outside any batch. */
  admin: string;
  handMade: string;
  usedExpiryComment: string;
  disabled: string;
}

const CODE_CHARS = 'abcdefghijkmnpqrstuvwxyz23456789';

function code(rng: Rng, n: number, chars = CODE_CHARS): string {
  let s = '';
  for (let i = 0; i < n; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}

export function seedMikhmonHotspot(state: SimState, opts: MikhmonSeedOptions): MikhmonSeedResult {
  const core = state.router;
  const rng = createRng(opts.randomSeed);
  const perProfile = opts.usersPerProfile ?? 30;
  const batchSize = Math.max(1, opts.batchSize ?? 10);
  const profiles = opts.profiles ?? MIKHMON_PROFILES;
  const users = state.table('/ip/hotspot/user');
  const now = new Date(core.clock.nowMs());
  const date = `${String(now.getUTCMonth() + 1).padStart(2, '0')}.${String(now.getUTCDate()).padStart(2, '0')}.${String(now.getUTCFullYear() % 100).padStart(2, '0')}`;
  const names = new Set([...users.rowsInOrder()].map((r) => r.props.name ?? ''));
  const fresh = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };

  const batches: Record<string, string[]> = {};
  for (const p of profiles) {
    state.menu('/ip/hotspot/user/profile').add({
      name: p.name, 'rate-limit': p.rate, 'shared-users': p.sharedUsers, 'status-autorefresh': '1m',
      'on-login': `:put (",rem,${p.price},${p.validity},${p.sellingPrice},,Disable,")`,
    });
    batches[p.name] = [];
    for (let made = 0, b = 0; made < perProfile; b += 1) {
      const comment = `${p.mode}-${rng.int(100, 999)}-${date}-${b % 2 === 0 ? '' : 'shop'}`;
      batches[p.name]!.push(comment);
      for (let i = 0; i < batchSize && made < perProfile; i += 1, made += 1) {
        const name = fresh(() => (p.mode === 'vc' ? code(rng, 6) : code(rng, 5, '23456789abcdefghjkmnpqrstuvwxyz')));
        const password = p.mode === 'vc' ? name : code(rng, 4, '23456789');
        const id = state.menu('/ip/hotspot/user').add({
          server: 'all', name, password, profile: p.name, comment, ...(p.uptime !== '' && { 'limit-uptime': p.uptime }),
        });
        // Partly used vouchers: uptime counted on the router (the `$used` counter of the simulator's hotspot).
        if (rng.chance(opts.usedShare ?? 0.3)) users.update(users.byId(id)!, { $used: String(rng.int(60_000, 30 * 60_000)) }, 'internal');
      }
    }
  }

  const first = profiles[0]!;
  const admin = fresh(() => 'admin');
  state.menu('/ip/hotspot/user').add({ server: 'all', name: admin, password: 'Adm1n-hotspot' });
  const handMade = fresh(() => `guest${rng.int(10, 99)}`);
  state.menu('/ip/hotspot/user').add({ server: 'all', name: handMade, password: handMade, profile: first.name, comment: 'for the manager', ...(first.uptime !== '' && { 'limit-uptime': first.uptime }) });
  // Mikhmon's on-login script writes the expiry date and time into the comment at first login.
  const used = fresh(() => code(rng, 6));
  const usedId = state.menu('/ip/hotspot/user').add({
    server: 'all', name: used, password: used, profile: first.name, comment: formatDateTime(core.clock.nowMs() + 3_600_000, core.dateStyle),
    ...(first.uptime !== '' && { 'limit-uptime': first.uptime }),
  });
  users.update(users.byId(usedId)!, { $used: '600000' }, 'internal');
  const disabled = fresh(() => code(rng, 6));
  state.menu('/ip/hotspot/user').add({ server: 'all', name: disabled, password: disabled, profile: first.name, comment: batches[first.name]![0]!, disabled: 'yes', ...(first.uptime !== '' && { 'limit-uptime': first.uptime }) });
  return { batches, admin, handMade, usedExpiryComment: used, disabled };
}
