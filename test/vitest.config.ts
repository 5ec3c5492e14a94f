import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');
const alias = { '@shared': resolve(root, 'src-shared') };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root,
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          root,
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          root,
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          // Finds a browser, or downloads / apt-installs one on a fresh machine (test/e2e/find-browser.ts).
          globalSetup: ['test/e2e/global-setup.ts'],
          // A UI settles when it settles (debounced searches, pushed events on a busy machine): poll up to
          // 15 s, like Playwright's own waits, instead of vitest's 1 s default.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser and one server per file; files run one after another on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
