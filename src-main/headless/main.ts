import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../core/ports';
import { clockFromOffset } from './clock-offset';
import { startHeadlessServer } from './server';
import { prepareDemo } from './demo';

function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'ISP Desk Headless');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ISP Desk Headless');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'isp-desk-headless');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: node out/main/headless.js [--data-dir DIR] [--port N] [--host 127.0.0.1] [--demo]\n' +
      '--demo: create (or reuse) a demo ISP with simulated routers and print how to sign in.\n' +
      'Environment: ISP_DESK_DATA_DIR, ISP_DESK_PORT, ISP_DESK_CLOCK_OFFSET_MS (run as if that much later; tests). Port 0 picks a free port.');
    return;
  }
  const log = consoleLogger((process.env.ISP_DESK_LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error' | undefined) ?? 'info');
  // The demo keeps its data apart from real ISP data.
  const dataDir = values['data-dir'] ?? process.env.ISP_DESK_DATA_DIR ?? `${defaultDataDir()}${values.demo ? '-demo' : ''}`;
  const port = Number(values.port ?? process.env.ISP_DESK_PORT ?? 4680);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? ''}`);
  const clock = clockFromOffset(process.env.ISP_DESK_CLOCK_OFFSET_MS);
  if (clock) log.warn(`clock offset: running as if it were ${clock.now().toISOString()}`);
  const server = await startHeadlessServer({ dataDir, port, host: values.host, log, ...(clock && { clock }) });
  if (values.demo) for (const line of await prepareDemo(server.booted.core)) console.log(line);
  // The e2e harness and users read this line.
  console.log(`ISP Desk headless server listening on ${server.url} (data: ${dataDir})`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`received ${signal}, closing`);
    server.close().then(() => process.exit(0), (e: unknown) => {
      log.error('close failed', { error: e });
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // A router or network fault must never take the process down; log it and keep serving.
  process.on('uncaughtException', (e) => log.error('uncaught exception', { error: e, stack: e.stack }));
  process.on('unhandledRejection', (e) => log.error('unhandled rejection', { error: e }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
