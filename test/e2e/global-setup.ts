/**
 * e2e globalSetup: finds (or obtains) the browser once per run and hands its path to the specs
 * (`inject('chromiumPath')` in harness.ts). See find-browser.ts for the order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { BrowserNotFoundError, findBrowser, nodeProbe } from './find-browser';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
  try {
    const found = await findBrowser(nodeProbe({ playwrightChromiumPath: () => chromium.executablePath(), playwrightCli: [process.execPath, cli] }));
    console.log(`e2e: browser ${found.path} (${found.source})`);
    project.provide('chromiumPath', found.path);
  } catch (e) {
    // One line, no stack: the user needs an instruction, not a trace.
    if (e instanceof BrowserNotFoundError) {
      const err = new Error(e.message);
      err.stack = e.message;
      throw err;
    }
    throw e;
  }
}
