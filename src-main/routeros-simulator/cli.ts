/**
 * `npm run sim -- --port 8728 [--version 7.18] [--tls] [--user admin --password secret]`
 * Starts one demo-seeded simulated router and stays up until Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startRouterSimulator } from './server';

const HELP = `RouterOS API simulator
  --host 127.0.0.1        listen address
  --port 8728             plain API port (0 = random)
  --tls                   also serve API-SSL (self-signed certificate)
  --tls-port 8729         API-SSL port (0 = random)
  --version 7.16.2        RouterOS version to emulate (6.49.17, 7.18, 7.19 ...)
  --login-mode modern     or legacy (pre-6.43 MD5 challenge)
  --user admin            API user (group full)
  --password <secret>     its password (random when omitted)
  --seed demo             demo | minimal
  --variant core          demo flavour: core | branch
  --random-seed 1         deterministic demo data
  --identity NAME         router identity
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8728' },
      tls: { type: 'boolean', default: false },
      'tls-port': { type: 'string', default: '8729' },
      version: { type: 'string', default: '7.16.2' },
      'login-mode': { type: 'string', default: 'modern' },
      user: { type: 'string', default: 'admin' },
      password: { type: 'string' },
      seed: { type: 'string', default: 'demo' },
      variant: { type: 'string', default: 'core' },
      'random-seed': { type: 'string', default: '1' },
      identity: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const password = values.password ?? randomBytes(9).toString('base64url');
  const sim = await startRouterSimulator({
    host: values.host,
    port: Number(values.port),
    tls: values.tls,
    tlsPort: Number(values['tls-port']),
    version: values.version,
    loginMode: values['login-mode'] === 'legacy' ? 'legacy' : 'modern',
    users: [{ name: values.user, password, group: 'full' }],
    seed: values.seed === 'minimal' ? 'minimal' : 'demo',
    demoVariant: values.variant === 'branch' ? 'branch' : 'core',
    randomSeed: Number(values['random-seed']),
    identity: values.identity,
  });
  const lines = [
    `RouterOS simulator ${sim.version} (${values.seed}${values.seed === 'demo' ? `/${values.variant}` : ''})`,
    `  host      ${sim.host}`,
    `  api       ${sim.port}`,
    ...(sim.tlsPort !== null ? [`  api-ssl   ${sim.tlsPort}`, `  sha256    ${sim.tlsFingerprintSha256 ?? ''}`] : []),
    `  user      ${values.user}`,
    `  password  ${password}`,
    '  Ctrl-C to stop',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping simulator\n`);
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
