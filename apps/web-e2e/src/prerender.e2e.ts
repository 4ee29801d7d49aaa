import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/** Holds the app's scripts back until `release` is called: what a phone on a slow network shows meanwhile. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  // A refused request (a token page opened without its token) is the page's own business, not the rendering's.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a visitor without a session sees the page before its scripts run; the app then takes over that page', async ({ page }) => {
  const errors = collectErrors(page);
  const release = await holdScripts(page);
  // Module scripts hold DOMContentLoaded back: only the response is awaited.
  await page.goto('/anmelden', { waitUntil: 'commit' });
  const heading = page.getByRole('heading', { level: 1, name: 'Anmelden' });
  await expect(heading).toBeVisible();
  // Not usable before the app runs: typed text would be lost, a sent form would put the password in the address.
  await expect(page.getByLabel('E-Mail-Adresse')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeDisabled();
  await heading.evaluate((el) => el.setAttribute('data-seen-before-scripts', ''));

  release();
  await expect(page.getByLabel('E-Mail-Adresse')).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeEnabled();
  // Hydrated, not drawn again: the element painted first is still the one on screen.
  await expect(heading).toHaveAttribute('data-seen-before-scripts', '');
  await expectNoSeriousA11yViolations(page);
  expect(errors).toEqual([]);

  await page.getByLabel('E-Mail-Adresse').fill('integration@stadt-leipzig.example');
  await page.getByLabel('Passwort').fill('Verbund-Demo-Stadt-2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Verbund' })).toBeVisible();
  // With a session the page is the person's own: nothing prerendered goes out.
  const html = await (await page.request.get('/kommunen', { headers: { accept: 'text/html' } })).text();
  expect(html).toContain('<div id="root"></div>');
});

test('a reader who chose English gets the page drawn in English, not the German one hydrated', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => localStorage.setItem('verbund.language', 'en'));
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByLabel('Email address')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('every prerendered page is taken over as it was painted, without a hydration error', async ({ page }) => {
  const errors = collectErrors(page);
  // Parsing is done and the module scripts have not run yet: the header on screen is the prerendered one.
  await page.addInitScript(() =>
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') document.querySelector('header')?.setAttribute('data-seen-before-scripts', '');
    }),
  );
  // As the web build wrote them (apps/web/tools/prerender.mjs).
  const paths = Object.keys(JSON.parse(await readFile(new URL('../../web/dist/.vite/prerendered.json', import.meta.url), 'utf8')));
  expect(paths.length).toBeGreaterThan(20);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('[data-until-hydrated]'), path).toHaveCount(0);
    await expect(page.locator('header'), path).toHaveAttribute('data-seen-before-scripts', '');
  }
  expect(errors).toEqual([]);
});
