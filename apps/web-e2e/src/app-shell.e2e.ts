import AxeBuilder from '@axe-core/playwright';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

const SECTIONS = [
  { de: 'Suche', en: 'Search', path: '/suche' },
  { de: 'Kommunen', en: 'Municipalities', path: '/kommunen' },
  { de: 'Arbeitsgruppen', en: 'Working groups', path: '/arbeitsgruppen' },
  { de: 'Materialien', en: 'Materials', path: '/materialien' },
  { de: 'Konzepte', en: 'Concepts', path: '/konzepte' },
  { de: 'Austauschrunden', en: 'Exchange rounds', path: '/austauschrunden' },
  { de: 'Veranstaltungen', en: 'Events', path: '/veranstaltungen' },
];

test('start page in German, switch to English and back, remembered across reloads', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Verbund' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Verbund' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Verbund' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Verbund' })).toBeVisible();
});

test('on a phone the short language buttons are named by what they show (WCAG 2.5.3)', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'EN English' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'DE Deutsch' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const labelInName = await new AxeBuilder({ page })
    .withRules(['label-content-name-mismatch'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  expect(labelInName.violations).toEqual([]);
});

test('on a phone the menu opens, leads to a page whose heading takes focus, and closes', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Navigation öffnen' }).click();
  await expect(nav).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await nav.getByRole('link', { name: 'Materialien', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Materialien' })).toBeFocused();
  await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: 'Navigation öffnen' })).toHaveAttribute('aria-expanded', 'false');
});

test('a part that fails to download leaves the rest standing; a page that fails offers a reload', async ({ page }) => {
  await page.route(/\/assets\/(ViewerChrome|MaterialsPage)-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Verbund' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Materialien', exact: true })).toBeVisible();

  await page.goto('/materialien');
  const failed = page.getByRole('alert');
  await expect(failed.getByRole('heading', { level: 1, name: 'Das hat nicht geklappt' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Verbund' })).toBeVisible();
  await page.unrouteAll();
  await failed.getByRole('button', { name: 'Erneut versuchen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Materialien' })).toBeVisible();
});

test('every main section is reachable from the navigation and passes axe', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section.de, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${section.path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test('imprint shows the data attribution, the accessibility statement is there, unknown pages say so', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Impressum und Quellen' }).click();
  await expect(page.getByText('© GeoBasis-DE / BKG 2021 (Daten verändert)', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bundesamt für Kartographie und Geodäsie' })).toHaveAttribute('href', 'https://www.bkg.bund.de');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const response = await page.goto('/gibt-es-nicht');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
});

test('no Content-Security-Policy violation while the app runs', async ({ page }) => {
  // The fixture records every securitypolicyviolation event of every page; the console is a second witness.
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByText('Live-Verbindung aktiv')).toBeVisible();
  await page.getByRole('link', { name: 'Kommunen', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunen' })).toBeVisible();
  await page.goto('/kommunen/14729');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('svg path').first()).toBeVisible();
  expect(violations).toEqual([]);
});
