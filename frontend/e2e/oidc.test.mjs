// Sign-in through an identity provider in a real browser against the real server, configured
// with a provider that does not answer (the full flow with a real provider is tested in Go,
// server/oidc_test.go): the sign-in page offers the provider's link, it works from the
// keyboard, the refusal comes back in words, and axe-core finds the page accessible.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { assertAccessible, launchBrowser, startServer, watchPage } from './harness.mjs';

describe('signing in through an identity provider', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  let watcher;

  before(async () => {
    // Port 9 (discard) on the loopback: nothing listens, so discovery fails at once. The
    // server passes its environment on; this file runs in its own process.
    Object.assign(process.env, {
      ATBALSTS_OIDC_ISSUER: 'http://127.0.0.1:9/realms/vm',
      ATBALSTS_OIDC_CLIENT_ID: 'atbalsts',
      ATBALSTS_OIDC_CLIENT_SECRET: 'e2e-secret',
      ATBALSTS_OIDC_NAME: 'VARAM ID',
    });
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    watcher = watchPage(page);
  });
  afterEach(async (t) => {
    await browser?.close();
    assert.deepEqual(watcher.problems(), [], `${t.name}: the page reported errors\n--- server output ---\n${server.logs()}`);
  });

  it('offers the provider, follows it from the keyboard, and tells why it failed', async () => {
    await page.goto(`${server.url}/sign-in`);
    const link = page.getByRole('link', { name: 'Pieslēgties ar VARAM ID' });
    await link.waitFor();
    await assertAccessible(page, 'the sign-in page with an identity provider');

    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('error') === 'OIDC_UNAVAILABLE');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /Identitātes nodrošinātājs pašlaik nav sasniedzams/);
    await assertAccessible(page, 'the sign-in page with a refusal');
    // The password form is still there: the provider being down does not lock anybody out.
    await page.getByLabel('E-pasta adrese').waitFor();
  });
});
