/** The fake Daraja (M-Pesa) API: tests, and the demo ISP. Not part of core; core never imports it. */
export { startDarajaSimulator } from './server';
export { receiptFor, darajaTimestamp } from './receipts';
export type { DarajaSimulator, DarajaSimulatorOptions, StkScript, StkRecord, C2bDelivery, DarajaFailure } from './types';
