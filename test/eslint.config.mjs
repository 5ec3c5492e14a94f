// Lint config (kept under test/ so the top level stays as the architecture fixes it).
// Run from the repo root: `npm run lint`. With --config, paths below are relative to the cwd.
import tseslint from 'typescript-eslint';

const noElectron = {
  patterns: [{ group: ['electron', 'electron/*'], message: 'Only src-main/electron may import electron (core must run under plain Node).' }],
};
// The RouterOS simulator is a test and demo tool, not part of the product: only the demo slice loads it
// (with a dynamic import), plus tests and its own CLI.
const noSimulator = { group: ['**/routeros-simulator', '**/routeros-simulator/**'], message: 'Only the demo slice (src-main/core/demo) and tests may load the RouterOS simulator.' };
// The fake Daraja (M-Pesa API) is the same kind of tool: only the demo slice (dynamic import) and tests load it.
const noDarajaSimulator = { group: ['**/daraja-simulator', '**/daraja-simulator/**'], message: 'Only the demo slice (src-main/core/demo) and tests may load the fake Daraja.' };
const DEMO_SLICE = ['src-main/core/demo/**/*.ts'];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'net', 'tls', 'http', 'https', 'child_process', 'zlib', 'util', 'events', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', '.ci/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: 'No focused tests.' }],
    },
  },
  {
    // src-shared is pure: no Node, no Electron, no DOM rendering.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...noElectron.patterns,
          { group: nodeBuiltins, message: 'src-shared must stay pure TypeScript (no Node APIs).' },
          { group: ['react', 'react-dom', 'react-dom/*'], message: 'src-shared has no UI code.' },
          { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared depends on nothing above it.' },
        ],
      }],
    },
  },
  {
    // Core and the headless root run under plain Node: never Electron, never the renderer.
    files: ['src-main/core/**/*.ts', 'src-main/headless/**/*.ts'],
    ignores: DEMO_SLICE,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...noElectron.patterns, noSimulator, noDarajaSimulator, { group: ['**/src-renderer/**', '**/electron/**'], message: 'Core never imports the UI or the Electron layer.' }],
      }],
    },
  },
  {
    // The demo slice is core too, and the one place allowed to load the simulator.
    files: DEMO_SLICE,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...noElectron.patterns, { group: ['**/src-renderer/**', '**/electron/**'], message: 'Core never imports the UI or the Electron layer.' }],
      }],
    },
  },
  {
    // The Electron root never loads the simulator either.
    files: ['src-main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSimulator, noDarajaSimulator] }] },
  },
  {
    // The simulator stands beside core: it shares only the wire codec with our client.
    files: ['src-main/routeros-simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...noElectron.patterns,
          // `../core` alone is the simulator's own core.ts; the product core is reachable only for its wire codec.
          { regex: '^(\\.\\./)+core/(?!routeros/codec/)', message: 'The simulator depends only on Node and the RouterOS wire codec.' },
          { group: ['**/src-renderer/**', '**/electron/**'], message: 'The simulator never loads the UI or the Electron layer.' },
        ],
      }],
    },
  },
  {
    // The renderer talks to main only through the typed client.
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...noElectron.patterns,
          { group: nodeBuiltins, message: 'The renderer has no Node APIs; call a channel instead.' },
          { group: ['**/src-main/**'], message: 'The renderer reaches main only through the contract client.' },
        ],
      }],
    },
  },
);
