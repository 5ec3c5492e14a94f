/** A payments world (test/integration/payments/harness.ts) with M-Pesa set up against the fake Daraja. */
import { systemActor } from '../../../src-main/core/context';
import type { DarajaSimulator } from '../../../src-main/daraja-simulator';
import { updateMpesaSettings } from '../../../src-main/core/mpesa/settings';
import type { Sleeper } from '../../../src-main/core/mpesa/stk-flow';
import { SANDBOX, startFakeDaraja } from '../../fixtures/mpesa/daraja';
import { startPayWorld, type PayWorld } from '../payments/harness';

export interface MpesaWorld extends PayWorld {
  daraja: DarajaSimulator;
  /** Polling never waits on real time: each sleep only moves the fake clock. */
  sleeper: Sleeper & { slept: number };
}

export async function startMpesaWorld(): Promise<MpesaWorld> {
  const w = await startPayWorld();
  const daraja = await startFakeDaraja(w.t.clock);
  await w.scope((s) => updateMpesaSettings(s, {
    accountType: 'paybill', shortcode: SANDBOX.shortcode, till: null, environment: 'sandbox', baseUrl: daraja.url, callbackUrl: null,
    c2bRejectUnknown: false, consumerKey: SANDBOX.consumerKey, consumerSecret: SANDBOX.consumerSecret, passkey: SANDBOX.passkey,
  }), systemActor('system:mpesa'));
  const sleeper = { slept: 0, async sleep(ms: number) { sleeper.slept += ms; w.t.clock.advance(ms); } };
  return { ...w, daraja, sleeper, close: async () => { await daraja.close(); await w.close(); } };
}
