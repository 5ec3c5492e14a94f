/**
 * Line diff (Myers' O(ND) algorithm) for comparing router configuration versions, with unchanged runs
 * collapsed to `context` lines around each change.
 */
export interface DiffLine {
  kind: 'same' | 'add' | 'del' | 'skip';
  text: string;
  oldNo: number | null;
  newNo: number | null;
}

type Op = { kind: 'same' | 'add' | 'del'; a: number; b: number };

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[max + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', a: x - 1, b: y - 1 });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'add', a: x, b: y - 1 });
      else ops.push({ kind: 'del', a: x - 1, b: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

export function diffLines(oldText: string, newText: string, context = 3): { lines: DiffLine[]; added: number; removed: number } {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const ops = myers(a, b);
  const full: DiffLine[] = ops.map((op) =>
    op.kind === 'same'
      ? { kind: 'same', text: a[op.a]!, oldNo: op.a + 1, newNo: op.b + 1 }
      : op.kind === 'del'
        ? { kind: 'del', text: a[op.a]!, oldNo: op.a + 1, newNo: null }
        : { kind: 'add', text: b[op.b]!, oldNo: null, newNo: op.b + 1 },
  );
  const added = full.filter((l) => l.kind === 'add').length;
  const removed = full.filter((l) => l.kind === 'del').length;
  const keep = new Array<boolean>(full.length).fill(false);
  full.forEach((l, i) => {
    if (l.kind !== 'same') for (let j = Math.max(0, i - context); j <= Math.min(full.length - 1, i + context); j++) keep[j] = true;
  });
  const lines: DiffLine[] = [];
  for (let i = 0; i < full.length; ) {
    if (keep[i]) {
      lines.push(full[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < full.length && !keep[j]) j++;
    lines.push({ kind: 'skip', text: `… ${j - i} unchanged line${j - i === 1 ? '' : 's'}`, oldNo: null, newNo: null });
    i = j;
  }
  return { lines, added, removed };
}
