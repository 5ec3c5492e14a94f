/**
 * `/tool/fetch` over the API (Fetch manual https://help.mikrotik.com/docs/display/ROS/Fetch): `url`,
 * `http-method`, `http-data`, `http-header-field`, `output=none|file|user`, `dst-path`. Progress comes back as
 * `!re` rows with `status` (`finished` last), `downloaded`/`total` in KiB and, with `output=user`, the body
 * in `data` (captures of fetch over the API in integrations.md §1.10). Only http(s) URLs are fetched for
 * real (tests point them at local servers); a failure traps `failure: …` like the router's fetch errors.
 */
import type { CommandContext } from './command';
import type { CommandSpec } from './engine';
import { writeFile } from './menus/file';
import { RosTrap } from './spec';

const FETCH_ARGS = new Set([
  'url', 'mode', 'output', 'dst-path', 'http-method', 'http-data', 'http-header-field', 'check-certificate', 'keep-result',
  'duration', 'as-value', 'address', 'src-path', 'user', 'password', 'upload', 'port', 'host', 'http-max-redirect-count', 'idle-timeout',
]);
const OUTPUTS = ['none', 'file', 'user', 'user-with-headers'];
const METHODS = ['get', 'post', 'put', 'delete', 'head', 'patch'];

function headersOf(field: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (field ?? '').split(',')) {
    const colon = part.indexOf(':');
    if (colon > 0) out[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return out;
}

function run(ctx: CommandContext): void {
  const { core, attrs } = ctx;
  for (const k of Object.keys(attrs)) if (!FETCH_ARGS.has(k)) throw new RosTrap(`unknown parameter ${k}`);
  const url = attrs.url;
  if (url === undefined || url === '') throw new RosTrap('missing value(s) of argument(s) url', 1);
  const output = attrs.output ?? 'file';
  if (!OUTPUTS.includes(output)) throw new RosTrap('input does not match any value of output', 1);
  const method = (attrs['http-method'] ?? 'get').toLowerCase();
  if (!METHODS.includes(method)) throw new RosTrap('input does not match any value of http-method', 1);
  core.scripts.fetches.push(url);
  if (!/^https?:\/\//.test(url)) throw new RosTrap('failure: unsupported URL scheme');
  const controller = new AbortController();
  ctx.onCancel(() => controller.abort());
  const started = core.clock.nowMs();
  const body = attrs['http-data'];
  fetch(url, {
    method: method.toUpperCase(),
    headers: headersOf(attrs['http-header-field']),
    body: body !== undefined && method !== 'get' && method !== 'head' ? Buffer.from(body, 'latin1') : undefined,
    signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10_000)]),
  })
    .then(async (res) => {
      const bytes = Buffer.from(await res.arrayBuffer());
      if (ctx.finished) return;
      if (!res.ok) {
        core.log('fetch,error', `Download from ${url} FAILED: Fetch failed with status ${res.status}`);
        ctx.trap(`failure: closing connection: <${res.status} ${res.statusText}> ${url}`);
        return;
      }
      const data = bytes.toString('latin1');
      const kib = String(Math.ceil(bytes.length / 1024));
      const row: Record<string, string> = { status: 'finished', downloaded: kib, total: kib, duration: `${Math.max(1, Math.round((core.clock.nowMs() - started) / 1000))}s` };
      if (output === 'user' || output === 'user-with-headers') row.data = data;
      if (output === 'file') writeFile(core, attrs['dst-path'] || url.replace(/[?#].*$/, '').split('/').pop() || 'fetch.out', 'file', data);
      core.log('fetch,info', `Download from ${url} FINISHED`);
      ctx.re(row);
      ctx.done();
    })
    .catch((err: unknown) => {
      if (ctx.finished) return;
      core.log('fetch,error', `Download from ${url} FAILED`);
      ctx.trap(`failure: ${err instanceof Error ? err.message : String(err)}`);
    });
}

export const TOOL_FETCH: CommandSpec = { policy: 'write', run };
