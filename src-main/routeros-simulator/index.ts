/**
 * RouterOS API simulator: a protocol-faithful, stateful fake MikroTik router for tests, the demo ISP
 * and benchmarks. Public surface only; see server.ts for the wiring.
 */
export type { SimUser, SimGroup, SimFaults, SimulatorOptions, RouterSimulator, SimClockHandle } from './types';
export { startRouterSimulator } from './server';
export { SimState, MenuHandle, type SimRecord, type SimInput } from './state';
export { seedDemoRouter, type DemoSeedOptions } from './seed-demo';
export { seedMikhmonHotspot, MIKHMON_PROFILES, type MikhmonSeedOptions, type MikhmonSeedResult, type MikhmonProfile } from './seed-mikhmon';
export { RosTrap } from './spec';
export { parseDuration, formatDuration } from './duration';
export { compileQuery } from './query';
export { legacyResponse } from './auth';
export { generateSelfSignedCert } from './tls-cert';
