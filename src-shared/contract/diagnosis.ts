import { z } from 'zod';

/*
 * What ISP Desk found out about a router, as a code with parameters. Core never words it: the renderer
 * turns each code into a message and a hint (locales), so a new code fails the renderer's typecheck
 * until it has words.
 */

const note = <const C extends string, P extends z.ZodRawShape>(code: C, params: P) =>
  z.object({ code: z.literal(code), params: z.object(params) });

const host = z.string();
const port = z.number().int();
/** The RouterOS service the connection used: plain API or API-SSL. */
const service = z.enum(['api', 'api-ssl']);
const endpoint = { host, port, service };

export const diagnosisNote = z.discriminatedUnion('code', [
  note('connected', {
    identity: z.string(), routerOsVersion: z.string().nullable(), boardName: z.string().nullable(),
    /** Whole minutes the router clock is off when that matters for expiry times, else null. */
    clockSkewMinutes: z.number().int().nullable(),
  }),
  note('refused', endpoint),
  note('dns', { host }),
  note('unreachable', { host }),
  note('connect-timeout', endpoint),
  note('went-silent', { host, port }),
  note('reset', endpoint),
  note('login-timeout', { ...endpoint, timeoutMs: z.number().int() }),
  note('command-timeout', { path: z.string().nullable(), timeoutMs: z.number().int() }),
  note('tls-pin-mismatch', {}),
  note('tls-no-certificate', {}),
  note('tls-handshake', endpoint),
  note('no-api-policy', {}),
  note('bad-credentials', {}),
  note('login-refused', { routerMessage: z.string() }),
  note('permission-denied', {}),
  note('no-read-policy', {}),
  note('missing-policies', { group: z.string().nullable(), missing: z.array(z.string()), policy: z.string() }),
  note('router-refused', { routerMessage: z.string() }),
  note('session-ended', { reason: z.string() }),
  note('not-routeros', { detail: z.string() }),
  note('unexpected', { detail: z.string() }),
  /** A status check with no reason recorded (e.g. rows written before codes). */
  note('no-answer', {}),
  note('slow-api', { tookMs: z.number().int() }),
  note('cpu-high', { percent: z.number() }),
]);
export type DiagnosisNote = z.infer<typeof diagnosisNote>;
export type DiagnosisCode = DiagnosisNote['code'];
export type DiagnosisParams<C extends DiagnosisCode> = Extract<DiagnosisNote, { code: C }>['params'];

export const DIAGNOSIS_CODES = diagnosisNote.options.map((o) => o.shape.code.value) as DiagnosisCode[];

/** Builds a note with its params checked against its code. */
export function diagnosisOf<C extends DiagnosisCode>(code: C, params: DiagnosisParams<C>): DiagnosisNote {
  return { code, params } as DiagnosisNote;
}

/**
 * Notes are stored as JSON in text columns (routers.last_error, router_downtimes.cause). Text that is
 * not a note (written before codes existed) is kept as the `unexpected` detail, never lost.
 */
export function encodeNote(n: DiagnosisNote): string {
  return JSON.stringify(n);
}

export function decodeNote(text: string | null): DiagnosisNote | null {
  if (text === null) return null;
  try {
    const parsed = diagnosisNote.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: legacy free text
  }
  return text ? { code: 'unexpected', params: { detail: text } } : { code: 'no-answer', params: {} };
}
