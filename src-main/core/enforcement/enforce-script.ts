/**
 * Source of `ispdesk-enforce`, the router-side sweeper (README "Expiry enforcement on the router";
 * router-enforcement.md §2.2). Every minute it compares each tagged subscriber's `exp` (UTC epoch seconds,
 * src-shared/domain/enforcement-tag.ts) with a *trusted now* and cuts what has expired. It never un-cuts:
 * only the app reconnects.
 *
 * Trusted now: the router clock converted to UTC (`gmt-offset`, unsigned 32-bit when negative: forum
 * p=977170) when NTP says it is synchronized and it is not behind the lower bound LB; otherwise LB.
 * LB = hwm + uptime since hwm was written (`ispdesk-state` comment, written hourly by this script and on
 * every connect by the app), or hwm + uptime after a reboot (uptime < up). Both never exceed real time.
 *
 * Portable across versions: the date format is detected at run time (`jan/02/2026` up to 7.9, `2026-01-02`
 * from 7.10; phistrom/datetime-routeros#1), uptime is parsed from its text (`:tonum` of a time works only
 * from 7.12.1: forum t=205980), only `:do … on-error=` is used (`:onerror` is v7-only). NTP differs by
 * major version: v7 `status`, v6 SNTP `last-update-from` (NTP manual).
 */

export type ExpiryAction = 'disable' | 'expired-profile';

export interface EnforceScriptOptions {
  /** v6 reads SNTP `last-update-from`; v7 reads `status`. */
  major: 6 | 7;
  action: ExpiryAction;
  /**
   * Strict mode: while the clock is not trusted, also cut subscribers whose expiry is within this many
   * seconds after LB (assumes the outage lasted that long; accepts false cuts). Null = off.
   */
  strictAssumeSec: number | null;
}

export const ENFORCE_VERSION = 1;
export const EXPIRED_PROFILE = 'ispdesk-expired';
export const EXPIRED_LIST = 'ispdesk-expired';
export const STATIC_LIST = 'ispdesk-static';
export const STATE_SCRIPT = 'ispdesk-state';
export const ENFORCE_SCRIPT = 'ispdesk-enforce';
/** A `running` flag older than this (seconds) is a run that died; the next run goes ahead. */
export const STALE_RUN_SEC = 600;

const UPTIME = [
  ':local ut [:tostr [/system resource get uptime]]',
  ':local upS 0',
  ':local p [:find $ut "w"]',
  ':if ([:typeof $p] = "num") do={ :set upS ([:tonum [:pick $ut 0 $p]] * 604800); :set ut [:pick $ut ($p + 1) [:len $ut]] }',
  ':set p [:find $ut "d"]',
  ':if ([:typeof $p] = "num") do={ :set upS ($upS + ([:tonum [:pick $ut 0 $p]] * 86400)); :set ut [:pick $ut ($p + 1) [:len $ut]] }',
  ':set upS ($upS + ([:tonum [:pick $ut 0 2]] * 3600) + ([:tonum [:pick $ut 3 5]] * 60) + [:tonum [:pick $ut 6 8]])',
];

const CLOCK = [
  ':local d [/system clock get date]',
  ':local yy 0',
  ':local mo 0',
  ':local dd 0',
  ':if ([:pick $d 4 5] = "-") do={',
  '  :set yy [:tonum [:pick $d 0 4]]; :set mo [:tonum [:pick $d 5 7]]; :set dd [:tonum [:pick $d 8 10]]',
  '} else={',
  '  :local months {"jan";"feb";"mar";"apr";"may";"jun";"jul";"aug";"sep";"oct";"nov";"dec"}',
  '  :set mo ([:find $months [:pick $d 0 3]] + 1); :set dd [:tonum [:pick $d 4 6]]; :set yy [:tonum [:pick $d 7 11]]',
  '}',
  '# days since 1970-01-01 (civil calendar, integer arithmetic)',
  ':local y $yy',
  ':if ($mo <= 2) do={ :set y ($y - 1) }',
  ':local mp ($mo + 9)',
  ':if ($mo > 2) do={ :set mp ($mo - 3) }',
  ':local era ($y / 400)',
  ':local yoe ($y - ($era * 400))',
  ':local doy ((((153 * $mp) + 2) / 5) + $dd - 1)',
  ':local doe (($yoe * 365) + ($yoe / 4) - ($yoe / 100) + $doy)',
  ':local days (($era * 146097) + $doe - 719468)',
  ':local t [:tostr [/system clock get time]]',
  ':local tod (([:tonum [:pick $t 0 2]] * 3600) + ([:tonum [:pick $t 3 5]] * 60) + [:tonum [:pick $t 6 8]])',
  ':local gmt [/system clock get gmt-offset]',
  ':if ($gmt > 2147483647) do={ :set gmt ($gmt - 4294967296) }',
  ':local clockNow (($days * 86400) + $tod - $gmt)',
];

function syncedLines(major: 6 | 7): string[] {
  const probe =
    major === 7
      ? ':if ([/system ntp client get status] = "synchronized") do={ :set synced true }'
      : ':if ([:len [/system ntp client get last-update-from]] > 0) do={ :set synced true }';
  return [':local synced false', `:do { ${probe} } on-error={ :log warning "ispdesk: cannot read the NTP client" }`];
}

const TRUSTED_NOW = [
  ':local hwm 0',
  ':local hup 0',
  ':do {',
  `  :local st [/system script get [find name="${STATE_SCRIPT}"] comment]`,
  '  :local hp [:find $st ";hwm="]',
  '  :local uq [:find $st ";up="]',
  '  :set hwm [:tonum [:pick $st ($hp + 5) $uq]]',
  '  :set hup [:tonum [:pick $st ($uq + 4) [:len $st]]]',
  '} on-error={ :log warning "ispdesk: no readable state, lower bound is the uptime" }',
  ':if ([:typeof $hwm] != "num") do={ :set hwm 0 }',
  ':if ([:typeof $hup] != "num") do={ :set hup 0 }',
  ':local lb ($hwm + $upS)',
  ':if ($upS >= $hup) do={ :set lb ($hwm + ($upS - $hup)) }',
  ':local now $lb',
  ':local useClock false',
  ':if ($synced) do={',
  '  :if ($clockNow >= ($lb - 300)) do={ :set now $clockNow; :set useClock true } else={',
  '    :log warning ("ispdesk: router clock " . $clockNow . " is behind the trusted bound " . $lb . ", using the bound")',
  '  }',
  '}',
];

function cutPpp(action: ExpiryAction): string[] {
  const set = action === 'disable' ? 'disabled=yes' : `profile=${EXPIRED_PROFILE}`;
  return [
    ':foreach i in=[/ppp secret find where comment~"^ispdesk:v1;"] do={',
    '  :do {',
    '    :local c [/ppp secret get $i comment]',
    '    :if ([:typeof [:find $c ";cut="]] != "num") do={',
    '      :local ep [:find $c ";exp="]',
    '      :local pp [:find $c ";plan="]',
    '      :local exp [:tonum [:pick $c ($ep + 5) $pp]]',
    '      :if ([:typeof $exp] != "num") do={ :error "bad exp" }',
    '      :if ($exp <= $limit) do={',
    '        :local n [/ppp secret get $i name]',
    `        /ppp secret set $i ${set} comment=($c . ";cut=" . $now)`,
    '        /ppp active remove [find name=$n]',
    '        :log info ("ispdesk: cut " . $n)',
    '      }',
    '    }',
    '  } on-error={ :log warning "ispdesk: skipped a PPP secret with an unreadable comment" }',
    '}',
  ];
}

const CUT_STATIC = [
  `:foreach e in=[/ip firewall address-list find where list="${STATIC_LIST}" comment~"^ispdesk:v1;"] do={`,
  '  :do {',
  '    :local c [/ip firewall address-list get $e comment]',
  '    :local ep [:find $c ";exp="]',
  '    :local pp [:find $c ";plan="]',
  '    :local exp [:tonum [:pick $c ($ep + 5) $pp]]',
  '    :if ([:typeof $exp] != "num") do={ :error "bad exp" }',
  '    :if ($exp <= $limit) do={',
  `      /ip firewall address-list set $e list=${EXPIRED_LIST} comment=($c . ";cut=" . $now)`,
  '      :log info ("ispdesk: cut " . [/ip firewall address-list get $e address])',
  '    }',
  '  } on-error={ :log warning "ispdesk: skipped an address-list entry with an unreadable comment" }',
  '}',
];

const PERSIST = [
  '# at most one flash write an hour (plus one per cut)',
  ':if ($useClock && (($now - $hwm) >= 3600)) do={',
  `  /system script set [find name="${STATE_SCRIPT}"] comment=("ispdesk:state;hwm=" . $now . ";up=" . $upS)`,
  '}',
];

const indent = (lines: readonly string[], by: string): string[] => lines.map((l) => `${by}${l}`);

/** The whole `ispdesk-enforce` source for one router version and tenant settings. */
export function buildEnforceScript(o: EnforceScriptOptions): string {
  const limit =
    o.strictAssumeSec === null
      ? [':local limit $now']
      : [':local limit $now', `:if (!$useClock) do={ :set limit ($now + ${Math.max(0, Math.floor(o.strictAssumeSec))}) }`];
  const body = [...CLOCK, ...syncedLines(o.major), ...TRUSTED_NOW, ...limit, ...cutPpp(o.action), ...CUT_STATIC, ...PERSIST];
  return [
    `# ispdesk-enforce v=${ENFORCE_VERSION} (${o.action}): cuts tagged subscribers whose exp has passed; never un-cuts.`,
    ':global ispdeskRunSince',
    ...UPTIME,
    ':local go true',
    ':if ([:typeof $ispdeskRunSince] = "num") do={',
    `  :if (($upS >= $ispdeskRunSince) && (($upS - $ispdeskRunSince) < ${STALE_RUN_SEC})) do={`,
    '    :set go false',
    '    :log warning "ispdesk: previous sweep still running, this run exits"',
    '  }',
    '}',
    ':if ($go) do={',
    '  :set ispdeskRunSince $upS',
    '  :do {',
    ...indent(body, '    '),
    '  } on-error={ :log error "ispdesk: sweep failed" }',
    '  :set ispdeskRunSince',
    '}',
  ].join('\n');
}

/**
 * The router clock as UTC epoch seconds in `$clockNow` (and the year in `$yy`), either date format: the
 * hotspot voucher scripts stamp and compare first-login expiry with it (hotspot/voucher-scripts.ts).
 */
export const ROUTER_CLOCK_NOW_LINES: readonly string[] = CLOCK;
