/** The script builder: quoting is property-tested through the simulator's own script interpreter parser. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRouterScript, type Node, type Stmt } from '../../../src-main/routeros-simulator/script-lang';
import {
  commandLine,
  dateStyleFor,
  formatRosDate,
  ownedComment,
  parseOwnedComment,
  readBackMismatches,
  rosQuote,
  schedulerEntry,
  scriptEntry,
} from '../../../src-main/core/routeros/script';

/** The literal value of an argument as the simulator's interpreter reads it; marks any variable part. */
function literal(n: Node): string {
  if (n.k === 'str') return n.parts.map((p) => (typeof p === 'string' ? p : `<var ${p.var}>`)).join('');
  if (n.k === 'word') return n.text;
  return `<${n.k}>`;
}

function onlyCommand(source: string): Extract<Stmt, { kind: 'cmd' }> {
  const statements = parseRouterScript(source);
  expect(statements).toHaveLength(1);
  const st = statements[0]!;
  if (st.kind !== 'cmd') throw new Error('not a command');
  return st;
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('\\', '"', '$', '[', ']', ';', '\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '?', '{', '}', 'a', '0', 'A', '=', ' ', 'é') }),
  fc.constantFrom('$[/system reboot]', '"; /system reset-configuration; "', '\\41', '\\"', 'a\\', '$x$y', 'line1\nline2'),
);

describe('rosQuote', () => {
  it('any string survives quote → simulator parse as one literal, however hostile', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const st = onlyCommand(`/ip firewall address-list add list=x comment=${rosQuote(text)}`);
        const comment = st.args.find((a) => a.name === 'comment');
        expect(literal(comment!.value)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes the characters RouterOS gives meaning to', () => {
    expect(rosQuote('a"b\\c$d?e\nf\u0001')).toBe('"a\\"b\\\\c\\$d\\?e\\nf\\01"');
  });
});

describe('commandLine', () => {
  it('quotes every value and builds a find expression the simulator parses', () => {
    const line = commandLine('/ppp/secret', 'set', { comment: 'x" ; /system reboot' }, { name: 'acc "1"' });
    const st = onlyCommand(line);
    expect(st.path).toBe('/ppp/secret');
    expect(st.verb).toBe('set');
    expect(literal(st.args.find((a) => a.name === 'comment')!.value)).toBe('x" ; /system reboot');
    expect(() => commandLine('/ppp/secret', 'set; /system reboot', {})).toThrow(TypeError);
    expect(() => commandLine('/ppp/secret', 'set', { 'x=y': '1' })).toThrow(TypeError);
  });
});

describe('dates by version', () => {
  it('v6 and 7.0–7.9 take mmm/DD/YYYY, 7.10+ ISO', () => {
    expect(dateStyleFor('6.49.17 (long-term)')).toBe('mmm/dd/yyyy');
    expect(dateStyleFor('7.9.2 (stable)')).toBe('mmm/dd/yyyy');
    expect(dateStyleFor('7.10 (stable)')).toBe('iso');
    expect(dateStyleFor('7.18.2 (stable)')).toBe('iso');
    expect(formatRosDate(2026, 1, 2, 'mmm/dd/yyyy')).toBe('jan/02/2026');
    expect(formatRosDate(2026, 1, 2, 'iso')).toBe('2026-01-02');
    expect(() => formatRosDate(2026, 13, 2, 'iso')).toThrow(RangeError);
  });
});

describe('owned entries', () => {
  it('tags every comment and calls the named script from the scheduler with an explicit policy', () => {
    const ref = { kind: 'expiry', id: 'sub-42' };
    const script = scriptEntry(ref, ['/ppp secret disable [find where name="a"]'], ['write', 'read']);
    const sched = schedulerEntry(ref, { start: { year: 2026, month: 3, day: 4, hours: 5, minutes: 6 }, policy: ['read', 'write'] }, 'mmm/dd/yyyy');
    expect(script).toMatchObject({ name: 'ispdesk-expiry-sub-42', policy: 'read,write', comment: 'ispdesk:expiry:sub-42' });
    expect(sched).toMatchObject({ 'on-event': 'ispdesk-expiry-sub-42', 'start-date': 'mar/04/2026', 'start-time': '05:06:00', policy: 'read,write' });
    expect(parseOwnedComment(String(sched.comment))).toEqual(ref);
    expect(parseOwnedComment('ispdeskish:x:1')).toBeNull();
    expect(() => scriptEntry(ref, [], [])).toThrow(/explicit policy/);
    expect(() => ownedComment('Bad Kind', '1')).toThrow(TypeError);
  });

  it('read-back compares normalised values and names what differs', () => {
    const sched = schedulerEntry({ kind: 'k', id: '1' }, { start: { year: 2026, month: 1, day: 2, hours: 0, minutes: 0 }, interval: '1d', policy: ['write', 'read'] }, 'iso');
    const row = { name: 'ispdesk-k-1', 'on-event': 'ispdesk-k-1', 'start-date': 'jan/02/2026', 'start-time': '00:00:00', interval: '1d 00:00:00', policy: 'write,read', comment: 'ispdesk:k:1' };
    expect(readBackMismatches(sched, { ...row, interval: '1d' })).toEqual([]);
    expect(readBackMismatches(sched, { ...row, interval: '1d', policy: 'read' })).toEqual(['policy']);
    expect(readBackMismatches(sched, { ...row, interval: '1d', 'start-date': '2026-01-03' })).toEqual(['start-date']);
  });
});
