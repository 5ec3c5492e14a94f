/** Interfaces the two composition roots (Electron, headless) fill in; core code depends only on these. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Encrypts secrets at rest (router passwords, API keys). Electron: safeStorage. Headless and tests:
 * AES-256-GCM with a key file. Ciphertexts carry an algorithm tag so a file knows how it was sealed.
 */
export interface SecretBox {
  readonly kind: string;
  seal(plaintext: string): string;
  open(ciphertext: string): string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export function consoleLogger(minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(minLevel);
  const write = (level: LogLevel) => (msg: string, data?: Record<string, unknown>) => {
    if (order.indexOf(level) < min) return;
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${msg}${data ? ` ${safeJson(data)}` : ''}`;
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function safeJson(data: Record<string, unknown>): string {
  try {
    return JSON.stringify(data, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return '[unserialisable]';
  }
}
