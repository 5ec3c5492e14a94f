/**
 * Reads an M-Pesa statement file row by row into the pure StatementParser: CSV through csv-parse's stream
 * and XLSX through exceljs's streaming WorkbookReader, so a 50k-row export never sits in memory as one
 * table. The legacy OLE2 `.xls` workbook has no maintained streaming reader here: it is refused as a file
 * (the portal also exports XLSX and CSV).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { StatementParser, type StatementCell, type StatementParse } from '../../../src-shared/domain/mpesa-statement';

export type StatementFormat = 'csv' | 'xlsx' | 'xls';

/** By the first bytes, not the name: a renamed file is read for what it is. */
export async function sniffStatementFormat(path: string): Promise<StatementFormat> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
    if (head.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
    return 'csv';
  } finally {
    await handle.close();
  }
}

export async function readStatementFile(path: string): Promise<StatementParse> {
  const format = await sniffStatementFormat(path);
  if (format === 'xls') return { payments: [], issues: [], skipped: [], fileError: 'unsupported-format' };
  return format === 'xlsx' ? readXlsx(path) : readCsv(path);
}

async function readCsv(path: string): Promise<StatementParse> {
  const parser = new StatementParser();
  const rows = createReadStream(path).pipe(parse({
    bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true,
  }));
  try {
    for await (const row of rows as AsyncIterable<string[]>) parser.push(row);
  } catch {
    // Binary or broken quoting: whatever was read so far decides; no header means "not a statement".
    const partial = parser.finish();
    return partial.fileError ? partial : { ...partial, fileError: 'not-a-statement' };
  }
  return parser.finish();
}

/** exceljs cell values: primitives, Date, or objects for rich text, formulas, hyperlinks and errors. */
function plainCell(value: unknown): StatementCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainCell(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

async function readXlsx(path: string): Promise<StatementParse> {
  let first: StatementParse | null = null;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit',
    });
    // The statement is on one sheet (`transaction` in the legacy workbook); the first sheet with a
    // statement header wins.
    for await (const sheet of workbook) {
      const parser = new StatementParser();
      let expected = 1;
      for await (const row of sheet) {
        // Blank rows are not emitted: keep line numbers true to the file.
        for (; expected < row.number; expected += 1) parser.push([]);
        expected = row.number + 1;
        const values = row.values as unknown[];
        parser.push(values.slice(1).map(plainCell));
      }
      const result = parser.finish();
      if (!result.fileError) return result;
      first ??= result;
    }
  } catch {
    return { payments: [], issues: [], skipped: [], fileError: 'not-a-statement' };
  }
  return first ?? { payments: [], issues: [], skipped: [], fileError: 'empty' };
}
