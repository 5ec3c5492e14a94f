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

  // Issue 6 §3: the RouterOS simulator is not part of the main bundle; only the demo slice loads it, lazily.
  it('keeps the RouterOS simulator in its own chunk, reached only through a lazy load', () => {
    const files = ['headless.js', 'index.js', ...readdirSync(join(out, 'chunks')).map((f) => `chunks/${f}`)].filter((f) => existsSync(join(out, f)));
    const simChunks = files.filter((f) => /^chunks\/routeros-simulator-[^/]+\.js$/.test(f));
    expect(simChunks).toHaveLength(1);
    const simOnly = [/function startRouterSimulator\b/, /function seedDemoRouter\b/];
    for (const marker of simOnly) expect(readFileSync(join(out, simChunks[0]!), 'utf8')).toMatch(marker);
    let lazyLoads = 0;
    for (const f of files.filter((x) => x !== simChunks[0])) {
      const text = readFileSync(join(out, f), 'utf8');
      for (const marker of simOnly) expect(text, `${f} holds simulator code`).not.toMatch(marker);
      for (const m of text.matchAll(/require\(["'](?:\.\/|\.\.\/)*(?:chunks\/)?routeros-simulator-[^"']+["']\)/g)) {
        // Rollup's lazy form of `await import()` in CommonJS: Promise.resolve().then(() => require(…)).
        expect(text.slice(Math.max(0, m.index - 40), m.index), `${f} loads the simulator eagerly`).toMatch(/\.then\(\(\) => $/);
        lazyLoads += 1;
      }
    }
    expect(lazyLoads).toBeGreaterThan(0);
  });

  it('starts, prints its URL and answers an RPC, with electron and the simulator made unloadable', async () => {
    const temp = makeTempDir();
    // --require a hook that makes any attempt to load electron, or the simulator outside demo mode, fail loudly.
    const guard = join(temp.dir, 'no-electron.cjs');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(guard, "const M = require('module'); const orig = M._load; M._load = function (r, ...a) { if (r === 'electron') throw new Error('electron was loaded'); if (/routeros-simulator/.test(r)) throw new Error('the simulator was loaded outside demo mode'); return orig.call(this, r, ...a); };");
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
