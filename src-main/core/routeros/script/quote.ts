/**
 * Quoting for RouterOS script text (manual "Scripting", constant escape sequences). Everything we put in a
 * script as a value goes through `rosQuote`, so no user text (a customer's name in a comment, a password)
 * can end a string, start a variable (`$x`), a substitution (`$[...]`) or a new statement.
 */

const SIMPLE: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  $: '\\$',
  '?': '\\?', // `?` asks the console for help
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// Control characters and the characters above, in one pass.
const SPECIAL = /[\\"$?\u0000-\u001f\u007f]/g;

/** `text` as a double-quoted RouterOS string; other control characters become `\XX` hex escapes. */
export function rosQuote(text: string): string {
  return `"${text.replace(SPECIAL, (c) => SIMPLE[c] ?? `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}"`;
}

const NAME = /^[a-z][a-z0-9-]*$/;

/** A property or menu word we write unquoted; anything else is a programming error. */
export function rosName(name: string): string {
  if (!NAME.test(name)) throw new TypeError(`not a RouterOS property name: ${JSON.stringify(name)}`);
  return name;
}
