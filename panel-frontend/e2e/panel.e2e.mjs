// End to end against a running local stack (panel + API on one origin), in Debian's headless
// Chromium driven by playwright-core. Usage: node e2e/panel.e2e.mjs BASE_URL [SCREENSHOT_DIR]
// Run by localstack's PanelE2EIT, which starts LocalRegistry in memory on free ports.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { freshCode } from './totp.mjs';

const base = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const shots = resolve(process.argv[3] ?? '../docs/screenshots');
mkdirSync(shots, { recursive: true });
const used = new Map();
const run = Date.now().toString(36).slice(-5);
const registrarId = `e2e-${run}`;
const regUser = `user-${run}`;
const regPassword = 'registrar-user-pw-1';
const domainName = `panel-${run}.test`;

const profile = mkdtempSync(join(tmpdir(), 'panel-e2e-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1366, height: 860 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15_000);
page.on('pageerror', (e) => console.error('page error:', e.message));

const step = (s) => console.log(`e2e: ${s}`);
const shot = async (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const heading = (name) => page.getByRole('heading', { name, exact: true });

/** Password, then TOTP if asked; enrols TOTP when the account has none. Returns the secret. */
async function signIn(username, password, secret) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (secret) {
    await page.getByLabel('Authentication code').fill(await freshCode(secret, used));
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading('Dashboard').waitFor();
    return secret;
  }
  await heading('Set up two-step verification').waitFor();
  await page.getByRole('button', { name: 'Show my secret' }).click();
  const s = (await page.getByTestId('totp-secret').textContent()).trim();
  if (username === 'admin') await shot('enrol-totp');
  await page.getByLabel('Authentication code').fill(await freshCode(s, used));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await heading('Dashboard').waitFor();
  return s;
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading('Sign in').waitFor();
}

try {
  step('sign-in page');
  await page.goto(`${base}/`);
  await heading('Sign in').waitFor();
  await shot('sign-in');

  step('admin enrols TOTP, signs out, signs in with password + TOTP');
  const adminSecret = await signIn('admin', 'admin-demo-password');
  await signOut();
  await page.goto(`${base}/signin`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin-demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authentication code').waitFor();
  await shot('sign-in-totp');
  await page.getByLabel('Authentication code').fill(await freshCode(adminSecret, used));
  await page.getByRole('button', { name: 'Verify' }).click();
  await heading('Dashboard').waitFor();

  step(`admin creates registrar ${registrarId} with user ${regUser}`);
  await page.getByRole('link', { name: 'Registrars' }).click();
  await page.getByRole('link', { name: 'Create registrar' }).click();
  await page.getByLabel('Registrar id').fill(registrarId);
  await page.getByLabel('Name', { exact: true }).fill(`E2E Registrar ${run}`);
  await page.getByLabel('Email', { exact: true }).fill('ops@e2e.example');
  await page.getByLabel('Abuse email').fill('abuse@e2e.example');
  await page.getByLabel('EPP password').fill('epp-password-1');
  await page.getByLabel('Username').fill(regUser);
  await page.getByLabel('User password').fill(regPassword);
  await page.getByRole('button', { name: 'Create registrar' }).click();
  await page.getByRole('status').filter({ hasText: `Registrar ${registrarId} created.` }).waitFor();
  assert.match(await page.getByRole('status').first().textContent(), new RegExp(`User ${regUser} can sign in`));

  step('admin deposits 500.00');
  await page.getByLabel(/^Amount/).fill('500.00');
  await page.getByLabel('Reference').fill('e2e wire 1');
  await page.getByRole('button', { name: 'Deposit' }).click();
  await page.getByText('Deposited 500.00 USD.').waitFor();
  await page.getByTestId('balance').filter({ hasText: '500.00 USD' }).waitFor();
  await page.getByRole('cell', { name: '500.00 USD' }).first().waitFor();
  await shot('registrar-detail');

  await page.getByRole('link', { name: 'Registrars', exact: true }).first().click();
  await page.getByRole('cell', { name: registrarId }).waitFor();
  await shot('registrars');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('cell', { name: regUser, exact: true }).waitFor();
  await shot('users');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('table').waitFor();
  await shot('audit-log');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByText('Available funds (balance + credit)').waitFor();
  await page.getByRole('img', { name: new RegExp(`Available funds.*${registrarId}: 500\\.00 USD`) }).waitFor();
  await shot('dashboard-admin');
  await signOut();

  step(`${regUser} enrols TOTP and registers ${domainName}`);
  await signIn(regUser, regPassword);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register a domain' }).click();
  await page.getByLabel('Domain name').fill('not a name');
  await page.getByLabel('Auth code').fill('short');
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByText('The auth code needs at least 8 characters.').waitFor();
  await shot('register-domain-errors');
  await page.getByLabel('Domain name').fill(domainName);
  await page.getByLabel('Period (years)').fill('2');
  await page.getByLabel('Auth code').fill('e2e-auth-code-1');
  await page.getByRole('button', { name: 'Register' }).click();
  await heading(domainName).waitFor();
  await page.getByText(`Registered ${domainName} for`).waitFor();
  await shot('domain-detail');

  step('the domain is in the list and in the dashboard');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Domains' }).click();
  await page.getByRole('link', { name: domainName }).waitFor();
  await shot('domains');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('img', { name: /Domains by TLD: \.test: 1\b/ }).waitFor();
  await page.getByRole('img', { name: new RegExp(`Top registrars by domains: .*: 1\\b`) }).waitFor();
  await shot('dashboard-registrar');

  step('admin pages are hidden and refused for the registrar user');
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link', { name: 'Registrars' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
  await page.goto(`${base}/registrars/new`);
  await heading('Not allowed').waitFor();
  await page.goto(`${base}/users`);
  await heading('Not allowed').waitFor();
  await shot('admin-page-refused');
  // The API refuses it too: creating a registrar is for admins (403 forbidden), even with a
  // valid CSRF token.
  const refused = await page.evaluate(async () => {
    const csrf = document.cookie.match(/(?:^|;\s*)(?:__Host-csrf|csrf)=([^;]+)/)?.[1] ?? '';
    const r = await fetch('/api/registrars', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
      body: JSON.stringify({ id: 'sneaky', name: 'x', password: 'password-1', currency: 'USD', email: 'a@b.cd', abuseEmail: 'a@b.cd' }),
    });
    return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
  });
  assert.equal(refused.status, 403, JSON.stringify(refused));
  assert.match(refused.type, /application\/problem\+json/);
  assert.equal(refused.body.type, 'urn:opentld:problem:forbidden');
  step('all passed');
} catch (e) {
  await shot('failure').catch(() => {});
  console.error(`e2e failed at ${page.url()}:`, e);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
