/**
 * `set` sends only what changed: writing back an attribute the user did not touch can change it on the
 * router (a re-encoded comment, a default that differs per version), and a smaller `set` is easier to
 * read in the router's log. Values are compared as RouterOS compares them, not as strings.
 */
import { rosBoolWord } from '@shared/domain/routeros-values';
import type { RosAttributes, RosRow } from './types';

const TRUE_WORDS = new Set(['true', 'yes']);
const FALSE_WORDS = new Set(['false', 'no']);

/** Whether the router's `current` text and a `desired` value mean the same thing. */
export function sameRosValue(name: string, current: string | undefined, desired: string | number | boolean): boolean {
  if (current === undefined) return false;
  if (typeof desired === 'boolean') {
    // Enumerated yes|no|default fields read back as the word; real booleans as true/false (either spelling accepted).
    if (current === rosBoolWord(name, desired)) return true;
    return desired ? TRUE_WORDS.has(current) : FALSE_WORDS.has(current);
  }
  if (typeof desired === 'number') return current.trim() !== '' && Number(current) === desired;
  // Text is compared exactly: RouterOS stores bytes, and the client decodes them losslessly.
  return current === desired;
}

/** The attributes of `desired` whose value differs from the row read from the router. */
export function changedAttributes(current: RosRow, desired: RosAttributes): RosAttributes {
  const out: RosAttributes = {};
  for (const name of Object.keys(desired)) {
    const value = desired[name];
    if (value === undefined || name === '.id') continue;
    if (!sameRosValue(name, current[name], value)) out[name] = value;
  }
  return out;
}
