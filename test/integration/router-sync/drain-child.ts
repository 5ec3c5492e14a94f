/**
 * Child process of the crash test: boots a core on an existing data dir and drains one router's outbox
 * until nothing is pending, then prints `drained`. The parent SIGKILLs it mid-drain, then runs it again.
 */
import { bootCore } from '../../../src-main/core/boot';
import { silentLogger, systemClock } from '../../../src-main/core/ports';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { AesGcmSecretBox } from '../../../src-main/core/secrets/aes-gcm-secret-box';

const [dataDir, tenantId, routerId] = process.argv.slice(2) as [string, string, string];
const booted = await bootCore({ dataDir, log: silentLogger, secrets: AesGcmSecretBox.fromKeyFile(dataDir), clock: systemClock, background: false });
const sync = routerSyncOf(booted.core);
process.stdout.write('started\n');
for (let pass = 0; pass < 50; pass += 1) {
  const r = await sync.drain(tenantId, routerId);
  if (r.offline) throw new Error(r.error ?? 'offline');
  if (r.nextDueAt === null) break;
}
process.stdout.write('drained\n');
await booted.close();
