import { afterEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'lang-pass', group: 'full' };
const START = new Date('2026-11-27T07:00:00Z');

describe.each(['6.49.17', '7.9', '7.10', '7.18'])('simulator script language on %s', (version) => {
  let sim: RouterSimulator;
  afterEach(async () => {
    await sim.stop();
  });

  async function boot(extra: Parameters<typeof startRouterSimulator>[0] = {}): Promise<RouterSimulator> {
    sim = await startRouterSimulator({ users: [ADMIN], clock: 'virtual', startTime: START, version, randomSeed: 3, ...extra });
    return sim;
  }

  /** Runs `source` once through a scheduler and returns what it logged (topic script,info). */
  function run(source: string): string[] {
    const before = sim.state.menu('/log').count;
    sim.state.menu('/system/script').add({ name: `s${before}`, source, policy: 'read,write' });
    sim.state.menu('/system/scheduler').add({ name: `r${before}`, 'start-time': 'startup', interval: '0s', 'on-event': `s${before}`, policy: 'read,write' });
    sim.reboot({ downMs: 0 });
    sim.clock.advance(3000);
    return sim.state.menu('/log').all().slice(0).filter((l) => l.topics === 'script,info').map((l) => l.message ?? '');
  }

  it('evaluates locals, arithmetic, comparison, :if/else, :foreach over find, :pick/:find/:len/:tonum/:typeof', async () => {
    await boot();
    sim.state.menu('/ppp/secret').add({ name: 'a1', password: 'p', comment: 'ispdesk:v1;sid=1;exp=100;plan=P' });
    sim.state.menu('/ppp/secret').add({ name: 'a2', password: 'p', comment: 'other' });
    sim.state.menu('/ppp/secret').add({ name: 'a3', password: 'p', comment: 'ispdesk:v1;sid=3;exp=300;plan=P' });
    const logs = run(
      [
        ':local total 0',
        ':foreach i in=[/ppp secret find where comment~"^ispdesk:v1;"] do={',
        '  :local c [/ppp secret get $i comment]',
        '  :local e [:find $c ";exp="]',
        '  :local p [:find $c ";plan="]',
        '  :set total ($total + [:tonum [:pick $c ($e + 5) $p]])',
        '}',
        ':if ($total = 400) do={ :log info ("sum " . $total) } else={ :log info "wrong" }',
        ':log info ([:typeof [:find "abc" "z"]] . " " . [:typeof 5] . " " . [:len "abcd"] . " " . (7 / 2) . " " . (2 + 3 * 4))',
        ':local months {"jan";"feb";"mar"}',
        ':log info ("mar=" . [:find $months "mar"] . " len=" . [:len $months])',
        ':do { :error "boom" } on-error={ :log info "caught" }',
        ':if (("x" = "x") && !(1 > 2)) do={ :log info "logic" }',
      ].join('\n'),
    );
    expect(sim.scriptErrors).toBe(0);
    expect(logs).toEqual(['sum 400', 'nil num 4 3 14', 'mar=2 len=3', 'caught', 'logic']);
  });

  it('reads the clock, gmt-offset (unsigned when negative), uptime text and :tonum of a time only from 7.12.1', async () => {
    await boot({ gmtOffsetMinutes: -180 });
    sim.clock.advance(2 * 86_400_000 + 3_723_000); // uptime 2d01:02:03 (+3 s after the test's reboot below)
    const logs = run(
      [
        ':log info [/system clock get date]',
        ':log info ([:typeof [/system clock get time]] . " " . [/system clock get time])',
        ':log info [/system clock get gmt-offset]',
        ':log info ([:typeof [/system resource get uptime]] . " " . [/system resource get uptime])',
        ':log info [:typeof [:tonum [/system resource get uptime]]]',
      ].join('\n'),
    );
    expect(sim.scriptErrors).toBe(0);
    const iso = version === '7.10' || version === '7.18';
    // Router local time = UTC - 3 h; the test's reboot happened at 2026-11-29 08:02:03 UTC, run 3 s later.
    expect(logs[0]).toBe(iso ? '2026-11-29' : 'nov/29/2026');
    expect(logs[1]).toBe('time 05:02:06');
    expect(logs[2]).toBe(String(2 ** 32 - 3 * 3600));
    expect(logs[3]).toBe('time 00:00:03');
    expect(logs[4]).toBe(version === '7.18' ? 'num' : 'nil');
  });

  it('refuses a script with an undeclared variable or an unknown command as a whole (nothing runs)', async () => {
    await boot();
    sim.state.menu('/ppp/secret').add({ name: 'a1', password: 'p' });
    const source = '/ppp secret disable [find name="a1"]\n:log info $nope';
    sim.state.menu('/system/script').add({ name: 'bad', source });
    expect(sim.state.menu('/system/script').find({ name: 'bad' })?.invalid).toBe('true');
    run(source);
    expect(sim.state.menu('/ppp/secret').find({ name: 'a1' })?.disabled).toBe('false');
    expect(sim.scriptErrors).toBe(1);
  });

  it('NTP client: v7 status / v6 last-update-from, reboot to 1970 and a later sync', async () => {
    await boot();
    const ntp = (): Record<string, string> => sim.state.singleton('/system/ntp/client').get();
    if (version.startsWith('7')) expect(ntp().status).toBe('synchronized');
    else expect(ntp()['last-update-from']).not.toBe('');
    sim.reboot({ downMs: 60_000, bootClock: 'epoch-1970', ntpSyncAfterMs: 30 * 60_000 });
    const clockDate = (): string | undefined => sim.state.singleton('/system/clock').get().date;
    expect(clockDate()).toBe(version === '7.10' || version === '7.18' ? '1970-01-02' : 'jan/02/1970');
    if (version.startsWith('7')) expect(ntp().status).toBe('waiting');
    else expect(ntp()['last-update-from']).toBe('');
    sim.clock.advance(30 * 60_000);
    expect(sim.routerClock.now().getTime()).toBe(sim.clock.now().getTime());
    if (version.startsWith('7')) expect(ntp().status).toBe('synchronized');
    else expect(ntp()['last-update-from']).not.toBe('');
    sim.reboot({ downMs: 1000, bootClock: 'stale-restore', ntpSyncAfterMs: 'never' });
    expect(sim.routerClock.now().getTime()).toBe(sim.clock.now().getTime() - 1000);
  });

  it('keeps :global values across runs until a reboot', async () => {
    await boot();
    sim.setScriptGlobal('counter', 41);
    sim.state.menu('/system/script').add({ name: 'inc', source: ':global counter\n:set counter ($counter + 1)\n:log info ("n=" . $counter)', policy: 'read,write' });
    sim.state.menu('/system/scheduler').add({ name: 'tick', 'start-time': 'startup', interval: '1m', 'on-event': 'inc', policy: 'read,write' });
    sim.clock.advance(60_000);
    const msgs = (): string[] => sim.state.menu('/log').filter({ topics: 'script,info' }).map((l) => l.message ?? '');
    expect(msgs()).toEqual(['n=42']);
    sim.reboot();
    sim.clock.advance(3000);
    expect(sim.scriptErrors).toBe(1); // nothing + 1 is an error after the reboot cleared the global
  });
});
