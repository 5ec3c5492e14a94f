import { describe, expect, it } from 'vitest';
import { defaultComparePair, hasChanges, hiddenLineCount, toDiffRows, type DiffLineIn } from '../../../src-renderer/features/routers/dashboard/diff-rows';
import { LIVE_LINE_LIMIT, mergeLogLines, prependLines, type LogLine } from '../../../src-renderer/features/routers/dashboard/log-lines';
import {
  backupFileName, distinctSorted, editableRatePair, firewallActionColor, formatBits, formatCount, formatRatePair, formatRtt, isRateSet,
  isUnusedVoucher, parseRatePair, shortRate,
} from '../../../src-renderer/features/routers/dashboard/values';
import { diffLines } from '@shared/domain/text-diff';

describe('rates', () => {
  it('formats bits per second in decimal units', () => {
    expect(formatBits(0)).toBe('0 bps');
    expect(formatBits(512_000)).toBe('512 kbps');
    expect(formatBits(1_500_000)).toBe('1.5 Mbps');
    expect(formatBits(5_000_000)).toBe('5 Mbps');
    expect(formatBits(2_500_000_000)).toBe('2.5 Gbps');
    expect(formatBits(123_456_789)).toBe('123 Mbps');
  });

  it('reads upload/download pairs in bits or with units', () => {
    expect(parseRatePair('5000000/10000000')).toEqual({ upload: 5_000_000, download: 10_000_000 });
    expect(parseRatePair('5M/10M')).toEqual({ upload: 5_000_000, download: 10_000_000 });
    expect(parseRatePair('512k/1.5M')).toEqual({ upload: 512_000, download: 1_500_000 });
    expect(parseRatePair('5M')).toBeNull();
    expect(parseRatePair('fast/slow')).toBeNull();
  });

  it('formats a max-limit as upload ↑ / download ↓', () => {
    expect(formatRatePair('5000000/10000000')).toBe('5 Mbps ↑ / 10 Mbps ↓');
    expect(formatRatePair('2M/2M')).toBe('2 Mbps ↑ / 2 Mbps ↓');
    expect(formatRatePair('0/10M', 'no limit')).toBe('no limit ↑ / 10 Mbps ↓');
    expect(formatRatePair('0/0', 'no limit')).toBe('no limit');
    expect(formatRatePair('')).toBe('—');
    expect(formatRatePair('weird')).toBe('weird');
  });

  it('tells whether a burst or rate is set', () => {
    expect(isRateSet('0/0')).toBe(false);
    expect(isRateSet('')).toBe(false);
    expect(isRateSet('0/1000')).toBe(true);
  });

  it('turns router rates back into what people type', () => {
    expect(shortRate(5_000_000)).toBe('5M');
    expect(shortRate(512_000)).toBe('512k');
    expect(shortRate(1_500_000)).toBe('1500k');
    expect(shortRate(1_000_000_000)).toBe('1G');
    expect(shortRate(1234)).toBe('1234');
    expect(editableRatePair('5000000/10000000')).toBe('5M/10M');
    expect(editableRatePair('0/0')).toBe('');
    expect(editableRatePair('')).toBe('');
  });
});

describe('other router values', () => {
  it('recognises an unused voucher by its 0s uptime', () => {
    expect(isUnusedVoucher('0s')).toBe(true);
    expect(isUnusedVoucher('')).toBe(true);
    expect(isUnusedVoucher('5m17s')).toBe(false);
    expect(isUnusedVoucher('00:00:01')).toBe(false);
  });

  it('formats ping round-trips in milliseconds', () => {
    expect(formatRtt('44ms350us')).toBe('44.4 ms');
    expect(formatRtt('1s2ms')).toBe('1002 ms');
    expect(formatRtt('0ms')).toBe('0 ms');
    expect(formatRtt(null)).toBeNull();
    expect(formatRtt('')).toBeNull();
  });

  it('colours firewall actions: blocking red, letting through green', () => {
    expect(firewallActionColor('drop')).toBe('red');
    expect(firewallActionColor('reject')).toBe('red');
    expect(firewallActionColor('accept')).toBe('green');
    expect(firewallActionColor('fasttrack-connection')).toBe('green');
    expect(firewallActionColor('jump')).toBe('blue');
  });

  it('shortens counters, lists distinct values and names backup files', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(45_080)).toBe('45.1k');
    expect(formatCount(1_503_192)).toBe('1.5M');
    expect(distinctSorted(['expired', 'mgmt', 'BLOCKED', 'expired', ''])).toEqual(['BLOCKED', 'expired', 'mgmt']);
    expect(backupFileName('Core Router #1', '2026-03-05T14:05:09.123Z')).toBe('core-router-1-2026-03-05-1405.rsc');
    expect(backupFileName('***', '2026-03-05T14:05:09.123Z')).toBe('router-2026-03-05-1405.rsc');
  });
});

describe('diff rows', () => {
  const oldText = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
  const newText = oldText.replace('line 10', 'line ten').concat('\nline 21');

  it('signs added and removed lines and keeps both line numbers', () => {
    const { lines } = diffLines(oldText, newText, 2);
    const rows = toDiffRows(lines);
    const changed = rows.filter((r) => r.kind === 'add' || r.kind === 'del');
    expect(changed).toEqual([
      { kind: 'del', sign: '−', text: 'line 10', oldNo: 10, newNo: null },
      { kind: 'add', sign: '+', text: 'line ten', oldNo: null, newNo: 10 },
      { kind: 'add', sign: '+', text: 'line 21', oldNo: null, newNo: 21 },
    ]);
    expect(rows.find((r) => r.kind === 'same')).toMatchObject({ sign: ' ' });
  });

  it('counts the unchanged lines hidden by each collapsed run', () => {
    const { lines } = diffLines(oldText, newText, 2);
    const skips = toDiffRows(lines).filter((r) => r.kind === 'skip');
    // Lines 1–7 before the change, 13–18 between it and the added last line (2 lines of context each side).
    expect(skips).toEqual([{ kind: 'skip', hidden: 7 }, { kind: 'skip', hidden: 6 }]);
    expect(lines.filter((l) => l.kind === 'skip').map((l) => l.text)).toEqual(['… 7 unchanged lines', '… 6 unchanged lines']);
  });

  it('reads the count from the text when a run closes the diff', () => {
    const lines: DiffLineIn[] = [
      { kind: 'add', text: 'x', oldNo: null, newNo: 1 },
      { kind: 'same', text: 'a', oldNo: 1, newNo: 2 },
      { kind: 'skip', text: '… 12 unchanged lines', oldNo: null, newNo: null },
    ];
    expect(hiddenLineCount(lines, 2)).toBe(12);
  });

  it('knows when two versions are identical and which two to compare first', () => {
    expect(hasChanges(diffLines('a\nb', 'a\nb').lines)).toBe(false);
    expect(hasChanges(diffLines('a\nb', 'a\nc').lines)).toBe(true);
    expect(defaultComparePair([{ id: 'v3' }, { id: 'v2' }, { id: 'v1' }])).toEqual({ from: 'v2', to: 'v3' });
    expect(defaultComparePair([{ id: 'v1' }])).toBeNull();
  });
});

describe('log lines', () => {
  const line = (id: string, message = `message ${id}`): LogLine => ({ id, time: '10:00:00', topics: 'system,info', message });

  it('puts new lines on top, newest first, and keeps the last 500', () => {
    expect(prependLines([line('1')], [line('2'), line('3')]).map((l) => l.id)).toEqual(['3', '2', '1']);
    const many = Array.from({ length: LIVE_LINE_LIMIT }, (_, i) => line(`old${i}`));
    const next = prependLines(many, [line('new')]);
    expect(next).toHaveLength(LIVE_LINE_LIMIT);
    expect(next[0]?.id).toBe('new');
    expect(next.at(-1)?.id).toBe(`old${LIVE_LINE_LIMIT - 2}`);
  });

  it('merges live and recent lines without duplicates, filtered by text', () => {
    const merged = mergeLogLines([line('3', 'user logged in'), line('2')], [line('2'), line('1', 'User logged out')], '');
    expect(merged.map((l) => l.id)).toEqual(['3', '2', '1']);
    expect(mergeLogLines([line('3', 'user logged in')], [line('1', 'User logged out')], 'USER LOGGED').map((l) => l.id)).toEqual(['3', '1']);
  });
});
