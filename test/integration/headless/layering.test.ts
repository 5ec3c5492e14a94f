import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../fixtures/temp-dir';

const root = resolve(import.meta.dirname, '../../..');
const out = join(root, 'out/main');

describe('the headless build runs under plain Node without Electron', () => {
  it('is built (npm test builds before testing)', () => {
    expect(existsSync(join(out, 'headless.js')), 'run `npm run build` first').toBe(true);
  });

  it('never requires electron from the headless entry or its chunks', () => {
    const files = ['headless.js', ...readdirSync(join(out, 'chunks')).map((f) => `chunks/${f}`)];
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toMatch(/require\(["']electron["']\)|from ["']electron["']/);
    }
  });

  it('starts, prints its URL and answers an RPC, with electron made unloadable', async () => {
    const temp = makeTempDir();
    // --require a hook that makes any attempt to load electron fail loudly.
    const guard = join(temp.dir, 'no-electron.cjs');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(guard, "const M = require('module'); const orig = M._load; M._load = function (r, ...a) { if (r === 'electron') throw new Error('electron was loaded'); return orig.call(this, r, ...a); };");
    const child = spawn(process.execPath, ['--require', guard, join(out, 'headless.js'), '--data-dir', temp.dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((res, rej) => {
        let buf = '';
        const timer = setTimeout(() => rej(new Error(`no URL printed: ${buf}`)), 15_000);
        child.stdout.on('data', (c: Buffer) => {
          buf += c.toString();
          const m = /listening on (http:\/\/\S+)/.exec(buf);
          if (m) {
            clearTimeout(timer);
            res(m[1]!);
          }
        });
        child.stderr.on('data', (c: Buffer) => (buf += c.toString()));
        child.on('exit', (code) => rej(new Error(`exited ${code}: ${buf}`)));
      });
      const r = await fetch(`${url}rpc/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await r.json()).toEqual({ ok: true, data: { needsSetup: true } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      temp.remove();
    }
  });
});
