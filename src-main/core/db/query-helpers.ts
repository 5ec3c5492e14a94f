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
