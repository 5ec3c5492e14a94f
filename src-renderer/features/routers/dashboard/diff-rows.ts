/**
 * Turns the server's configuration diff (`routers.backups.diff` lines) into the rows of a unified diff
 * view: a sign per line, old/new line numbers, and collapsed unchanged runs with their size.
 */
export interface DiffLineIn {
  kind: 'same' | 'add' | 'del' | 'skip';
  text: string;
  oldNo: number | null;
  newNo: number | null;
}

export type DiffRow =
  | { kind: 'same' | 'add' | 'del'; sign: ' ' | '+' | '−'; text: string; oldNo: number | null; newNo: number | null }
  | { kind: 'skip'; hidden: number };

function lastNumbers(lines: readonly DiffLineIn[], before: number): { old: number; new: number } {
  let old = 0;
  let neu = 0;
  for (let i = before - 1; i >= 0 && (old === 0 || neu === 0); i--) {
    const l = lines[i]!;
    if (old === 0 && l.oldNo !== null) old = l.oldNo;
    if (neu === 0 && l.newNo !== null) neu = l.newNo;
  }
  return { old, new: neu };
}

function nextNumbers(lines: readonly DiffLineIn[], after: number): { old: number | null; new: number | null } {
  let old: number | null = null;
  let neu: number | null = null;
  for (let i = after + 1; i < lines.length && (old === null || neu === null); i++) {
    const l = lines[i]!;
    if (old === null && l.oldNo !== null) old = l.oldNo;
    if (neu === null && l.newNo !== null) neu = l.newNo;
  }
  return { old, new: neu };
}

/**
 * How many unchanged lines a `skip` line stands for: from the line numbers around it, or else from the
 * number in its text ("… 12 unchanged lines").
 */
export function hiddenLineCount(lines: readonly DiffLineIn[], index: number): number {
  const prev = lastNumbers(lines, index);
  const next = nextNumbers(lines, index);
  if (next.old !== null) return next.old - prev.old - 1;
  if (next.new !== null) return next.new - prev.new - 1;
  const m = /(\d+)/.exec(lines[index]?.text ?? '');
  return m ? Number(m[1]) : 0;
}

export function toDiffRows(lines: readonly DiffLineIn[]): DiffRow[] {
  return lines.map((l, i) => {
    if (l.kind === 'skip') return { kind: 'skip', hidden: hiddenLineCount(lines, i) };
    return { kind: l.kind, sign: l.kind === 'add' ? '+' : l.kind === 'del' ? '−' : ' ', text: l.text, oldNo: l.oldNo, newNo: l.newNo };
  });
}

/** Whether the diff has any change at all (two identical versions give only unchanged lines). */
export function hasChanges(lines: readonly DiffLineIn[]): boolean {
  return lines.some((l) => l.kind === 'add' || l.kind === 'del');
}

/**
 * The two versions to compare by default: the two newest (older as "from"). Versions come newest first.
 */
export function defaultComparePair<T extends { id: string }>(versionsNewestFirst: readonly T[]): { from: string; to: string } | null {
  const [newest, previous] = versionsNewestFirst;
  return newest && previous ? { from: previous.id, to: newest.id } : null;
}
