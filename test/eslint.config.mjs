// Lint config (kept under test/ so the top level stays as the architecture fixes it).
// Run from the repo root: `npm run lint`. With --config, paths below are relative to the cwd.
import tseslint from 'typescript-eslint';

const noElectron = {
  patterns: [{ group: ['electron', 'electron/*'], message: 'Only src-main/electron may import electron (core must run under plain Node).' }],
};
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
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...noElectron.patterns, { group: ['**/src-renderer/**', '**/electron/**'], message: 'Core never imports the UI or the Electron layer.' }],
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
