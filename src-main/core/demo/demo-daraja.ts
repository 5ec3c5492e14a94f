import { randomBytes } from 'node:crypto';
import { systemActor, type Core } from '../context';
import { updateMpesaSettings } from '../mpesa/settings';
import { withTenantScope } from '../tenancy/scope';
import type { DarajaSimulator } from '../../daraja-simulator';

/** The public Daraja sandbox shortcode (integrations.md §4): the demo's fake PayBill looks like the real sandbox. */
const DEMO_SHORTCODE = '174379';

/**
 * The demo ISP's M-Pesa: a fake Daraja running inside the app, so "Request payment" works end to end with no
 * Safaricom account (every prompt is paid after one "still processing" answer). Its port and credentials are
 * new on every start, so the demo tenant's M-Pesa settings are rewritten each time to point at it.
 */
export class DemoDaraja {
  private readonly running = new Map<string, DarajaSimulator>();

  constructor(private readonly core: Core) {}

  urlOf(tenantId: string): string | null {
    return this.running.get(tenantId)?.url ?? null;
  }

  async start(tenantId: string): Promise<void> {
    if (this.running.has(tenantId)) return;
    // Loaded on demand, like the RouterOS simulator: not part of the app unless a demo ISP runs.
    const { startDarajaSimulator } = await import('../../daraja-simulator');
    const secret = () => randomBytes(18).toString('base64url');
    const creds = { consumerKey: secret(), consumerSecret: secret(), passkey: secret() };
    const sim = await startDarajaSimulator({ ...creds, shortcode: DEMO_SHORTCODE });
    this.running.set(tenantId, sim);
    try {
      await withTenantScope(this.core, tenantId, systemActor('system:demo'), (scope) => updateMpesaSettings(scope, {
        accountType: 'paybill', shortcode: DEMO_SHORTCODE, till: null, environment: 'sandbox', baseUrl: sim.url, callbackUrl: null,
        c2bRejectUnknown: false, ...creds,
      }));
    } catch (e) {
      await this.stop(tenantId);
      throw e;
    }
  }

  async stop(tenantId: string): Promise<void> {
    const sim = this.running.get(tenantId);
    this.running.delete(tenantId);
    await sim?.close().catch(() => undefined);
  }
}
