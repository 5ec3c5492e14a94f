import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { e2eSpec, setUpInstallation, signInUi, visible } from './fixture';

/**
 * Platform administration of tenant profiles in Chromium. The installation (platform admin and a first
 * ISP, Langata Net) is set up over RPC; through the UI: create with a first admin, edit, export to a file,
 * import refused while the tenant exists, delete only after typing the name, import back; then the ISP
 * admin manages a staff member (reset password, deactivate) in the dark theme.
 * Screenshots: test/artifacts/e2e/tenant-lifecycle/.
 */

const ADMIN = { fullName: 'Amina Platform', email: 'amina@platform.example', password: 'amina pass 2026' };
const FIRST = { name: 'Langata Net', ownerName: 'Langata Owner', ownerEmail: 'owner@langata.example', ownerPhone: '0733 444 555' };
const FIRST_ADMIN = { fullName: 'Baraka Admin', email: 'baraka@langata.example', password: 'baraka pass 2026' };
const SECOND = { name: 'Rongai Wireless', owner: 'Kamau Owner', ownerEmail: 'kamau@rongai.example', ownerPhone: '0722 000 111' };
const SECOND_ADMIN = { name: 'Njeri Admin', email: 'njeri@rongai.example', password: 'njeri initial 1' };
const PASSPHRASE = 'export passphrase 1';

let page: Page;
let exportFile = '';

function row(name: string): Locator {
  return page.getByRole('row').filter({ hasText: name });
}

async function rowAction(name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

describe('tenant lifecycle in platform administration', () => {
  const e2e = e2eSpec('tenant-lifecycle', {
    prepare: async ({ rpc }) => {
      await setUpInstallation(rpc, { platformAdmin: ADMIN, tenant: FIRST, admin: FIRST_ADMIN });
    },
  });
  const shot = e2e.shot;

  beforeAll(async () => {
    page = e2e.page;
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: 'Platform administration', email: ADMIN.email, password: ADMIN.password });
    await row(FIRST.name).waitFor();
  });

  it('creates a tenant with its first administrator, and edits it', async () => {
    await page.getByRole('button', { name: 'Create ISP profile' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create an ISP profile' });
    await dialog.getByLabel('ISP name').fill('Langata Net');
    await dialog.getByLabel('Owner name').fill(SECOND.owner);
    await dialog.getByLabel('Owner phone').fill(SECOND.ownerPhone);
    await dialog.getByLabel('Owner email').fill(SECOND.ownerEmail);
    await dialog.getByLabel("Administrator's full name").fill(SECOND_ADMIN.name);
    await dialog.getByLabel("Administrator's email").fill(SECOND_ADMIN.email);
    await dialog.getByLabel("Administrator's initial password").fill(SECOND_ADMIN.password);
    await dialog.getByLabel("Confirm administrator's password").fill(SECOND_ADMIN.password);
    await dialog.getByRole('button', { name: 'Create ISP profile' }).click();
    // Main refuses the duplicate name; the message lands next to the name field.
    await visible(dialog, 'Already in use');
    await dialog.getByLabel('ISP name').fill(SECOND.name);
    await shot(page, 'create-tenant');
    await dialog.getByRole('button', { name: 'Create ISP profile' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row(SECOND.name).textContent()).toContain('1 of 1 active');

    await rowAction(SECOND.name, 'Edit');
    const edit = page.getByRole('dialog', { name: `Edit ${SECOND.name}` });
    await edit.getByLabel('Owner name').fill('Kamau Mwangi');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => row(SECOND.name).textContent()).toContain('Kamau Mwangi');

    await page.getByLabel('Search').fill('rongai');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByLabel('Search').fill('');
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
  });

  it('exports the tenant to a file with a passphrase', async () => {
    await rowAction(SECOND.name, 'Export…');
    const dialog = page.getByRole('dialog', { name: `Export ${SECOND.name}` });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^rongai-wireless-\d{4}-\d{2}-\d{2}\.ispdesk$/);
    exportFile = join(e2e.server.dataDir, file.suggestedFilename());
    await file.saveAs(exportFile);
    expect(readFileSync(exportFile).subarray(0, 14).toString('ascii')).toBe('ISPDESK-TENANT');
    await visible(dialog, 'Export ready');
    await visible(dialog, file.suggestedFilename());
    await shot(page, 'export-done');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('refuses to import over the existing tenant', async () => {
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an ISP profile' });
    await chooseFile(dialog, exportFile);
    await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await visible(dialog, 'is already on this installation');
    await shot(page, 'import-conflict');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('deletes the tenant only after its exact name is typed, then imports it back', async () => {
    await rowAction(SECOND.name, 'Delete…');
    const dialog = page.getByRole('dialog', { name: `Delete ${SECOND.name}?` });
    const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Name to confirm').fill('Rongai');
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Name to confirm').fill(SECOND.name);
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await shot(page, 'delete-confirmation');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row(SECOND.name).count()).toBe(0);

    await page.getByRole('button', { name: 'Import' }).click();
    const imp = page.getByRole('dialog', { name: 'Import an ISP profile' });
    await chooseFile(imp, exportFile);
    await imp.getByLabel('Passphrase').fill('wrong passphrase');
    await imp.getByRole('button', { name: 'Import' }).click();
    await visible(imp, 'Wrong passphrase');
    await imp.getByLabel('Passphrase').fill(PASSPHRASE);
    await imp.getByRole('button', { name: 'Import' }).click();
    await imp.waitFor({ state: 'hidden' });
    await expect.poll(() => row(SECOND.name).textContent()).toContain('Kamau Mwangi');
    await shot(page, 'imported-back');
  });

  it("lets the ISP admin reset a staff password and deactivate an account, in the dark theme", async () => {
    await page.getByRole('button', { name: 'Colour theme' }).click();
    await page.getByRole('menuitem', { name: 'Dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');

    // The imported tenant kept its administrator (ids and data preserved); they sign in and must change the password.
    await page.getByRole('button', { name: /Switch ISP profile/ }).click();
    await page.getByRole('menuitem', { name: SECOND.name }).click();
    await page.getByRole('combobox', { name: 'Profile' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(SECOND_ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(SECOND_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await page.getByLabel('Temporary password').fill(SECOND_ADMIN.password);
    await page.getByLabel('New password', { exact: true }).fill('njeri own pass 22');
    await page.getByLabel('Confirm new password').fill('njeri own pass 22');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: `Welcome, ${SECOND_ADMIN.name}` }).waitFor();
    // Inside an ISP the profile switcher shows once a second profile exists (issue 8), listing both.
    await page.getByRole('button', { name: /Switch ISP profile/ }).click();
    await page.getByRole('menuitem', { name: FIRST.name }).waitFor();
    await page.getByRole('menuitem', { name: SECOND.name }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Staff & roles' }).first().click();
    await page.getByRole('button', { name: 'Add staff member' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add a staff member' });
    await add.getByLabel('Full name').fill('Tom Technician');
    await add.getByLabel('Email', { exact: true }).fill('tom@rongai.example');
    await add.getByLabel('Initial password', { exact: true }).fill('tom initial 123');
    await add.getByLabel('Confirm initial password').fill('tom initial 123');
    await add.getByRole('checkbox', { name: 'Technician' }).check();
    await add.getByRole('button', { name: 'Add staff member' }).click();
    await add.waitFor({ state: 'hidden' });
    await row('tom@rongai.example').waitFor();

    await page.getByRole('button', { name: 'Actions for Tom Technician' }).click();
    await page.getByRole('menuitem', { name: 'Reset password' }).click();
    const reset = page.getByRole('dialog', { name: 'Reset the password of Tom Technician' });
    await reset.getByLabel('Temporary password', { exact: true }).fill('tom temporary 456');
    await reset.getByLabel('Confirm temporary password').fill('tom temporary 456');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await reset.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Actions for Tom Technician' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    const deactivate = page.getByRole('dialog', { name: 'Deactivate Tom Technician?' });
    await deactivate.getByRole('button', { name: 'Deactivate' }).click();
    await deactivate.waitFor({ state: 'hidden' });
    await expect.poll(() => row('tom@rongai.example').textContent()).toContain('Deactivated');

    await page.getByRole('combobox', { name: 'Filter by status' }).click();
    await page.getByRole('option', { name: 'Deactivated' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await shot(page, 'staff-dark-theme');

    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await row('Deactivated Tom Technician').waitFor();
    await row('Reset the password of Tom Technician').waitFor();
    await shot(page, 'audit-dark-theme');
    expect(e2e.pageErrors).toEqual([]);
  });
});

/** The bridge opens the browser's file chooser (Electron: main's dialog); the file is uploaded at once. */
async function chooseFile(dialog: Locator, path: string): Promise<void> {
  const chooser = dialog.page().waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(path);
  await visible(dialog, 'Choose another file');
}
