import { sql, type Expression, type SqlBool } from 'kysely';

/** Case-insensitive "contains" that treats % and _ typed by a user as plain characters. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Raw SQL is not rewritten by CamelCasePlugin, so the column is referenced through sql.ref.
  return sql<SqlBool>`${sql.ref(toSnake(column))} LIKE ${pattern} ESCAPE '\\'`;
}

export function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow(page: number, pageSize: number): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
