import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * Scheduled tasks end to end, in Chromium against the headless server: the administrator opens the
 * screen and sees the app's jobs with their schedules in words, turns one off, gets a field error for a
 * bad cron pattern and saves a good one, runs the backup job now and finds that run in its history.
 * Screenshots: test/artifacts/e2e/scheduler/.
 */

const PLATFORM_ADMIN = { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
const TENANT = { name: 'Kahawa Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@kahawa.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@kahawa.example', password: 'admin pass 2026' };
const BACKUPS = 'Router configuration backups';
const HEALTH = 'Router health check';

let inst: Installation;
let page: Page;

describe('scheduled tasks: list, turn off, reschedule, run now, history', () => {
  const e2e = e2eSpec('scheduler', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: PLATFORM_ADMIN, tenant: TENANT, admin: ADMIN });
    },
  });
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });

  it('opens Scheduled tasks and sees every job with its schedule, last and next run', async () => {
    page = e2e.page;
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scheduled tasks' }).click();
    await page.getByRole('heading', { name: 'Scheduled tasks', exact: true }).waitFor();
    await visible(row(BACKUPS), 'Every day at 02:00');
    await visible(row(BACKUPS), 'If missed: runs once on start');
    await visible(row(HEALTH), 'Every 15 minutes');
    await visible(row(HEALTH), 'Not run yet');
    await e2e.shot(page, 'jobs');
  });

  it('turns the health check off: the switch, the notice and the next run say so', async () => {
    await page.getByRole('switch', { name: `Run ${HEALTH} on its schedule` }).click({ force: true });
    await visible(page, `${HEALTH} is off`);
    await visible(row(HEALTH), 'Off');
    expect(await page.getByRole('switch', { name: `Run ${HEALTH} on its schedule` }).isChecked()).toBe(false);
    const list = await e2e.rpc('jobs.list', { page: 1, pageSize: 25 }, inst.adminToken);
    expect(list.items.find((j) => j.key === 'routers.health')).toMatchObject({ enabled: false, nextRunAt: null });
    await e2e.shot(page, 'health-off');
  });

  it('refuses a bad cron pattern next to the field, then saves a new schedule', async () => {
    await page.getByRole('button', { name: `Actions for ${BACKUPS}` }).click();
    await page.getByRole('menuitem', { name: 'Change schedule' }).click();
    const dialog = page.getByRole('dialog', { name: `Schedule of ${BACKUPS}` });
    await dialog.waitFor();
    await dialog.getByLabel('Cron pattern').fill('61 * * * *');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await visible(dialog, /Enter a cron pattern of five fields/);
    await e2e.shot(page, 'bad-cron');
    await dialog.getByLabel('Cron pattern').fill('30 3 * * *');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(row(BACKUPS), 'Every day at 03:30');
  });

  it('runs the backup job now after confirming, and finds the run in its history', async () => {
    await page.getByRole('button', { name: `Actions for ${BACKUPS}` }).click();
    await page.getByRole('menuitem', { name: 'Run now' }).click();
    const confirm = page.getByRole('dialog', { name: `Run ${BACKUPS} now?` });
    await confirm.getByRole('button', { name: 'Run now' }).click();
    await visible(page, `${BACKUPS} is running. Its result appears in the history.`);
    // The run goes on after the request returned; wait for its record before reading the history.
    await expect.poll(async () => (await e2e.rpc('jobs.history', { jobKey: 'routers.config-backup', page: 1, pageSize: 5 }, inst.adminToken)).items[0]?.status).toBe('succeeded');
    await page.getByRole('button', { name: `Actions for ${BACKUPS}` }).click();
    await page.getByRole('menuitem', { name: 'History' }).click();
    const drawer = page.getByRole('dialog', { name: `History of ${BACKUPS}` });
    await drawer.waitFor();
    const run = drawer.getByRole('row').filter({ hasText: 'Succeeded' });
    await visible(run, 'Run now');
    await visible(run, `by ${ADMIN.fullName}`);
    await run.getByRole('button', { name: 'Log' }).click();
    await visible(page, '0 of 0 routers backed up');
    await e2e.shot(page, 'history');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await visible(row(BACKUPS), 'Succeeded');
    expect(e2e.pageErrors).toEqual([]);
  });
});
