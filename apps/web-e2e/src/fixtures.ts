import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';

export { expect };

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Every class Mantine's whole stylesheets style. The app loads each component's part with the component
// (apps/web/mantine-styles.ts): such a class on the page without its rules is a component shown unstyled.
const MANTINE_CLASSES = [
  ...new Set(
    ['@mantine/core/styles.css', '@mantine/dates/styles.css'].flatMap((file) =>
      [...fs.readFileSync(createRequire(import.meta.url).resolve(file), 'utf8').matchAll(/\.(m_[0-9a-f]+)\b/g)].map((m) => m[1]!),
    ),
  ),
];

/** Mantine classes on the page whose stylesheet has not been loaded. */
export async function unstyledMantineClasses(page: Page): Promise<string[]> {
  return page.evaluate((styled) => {
    const loaded = new Set<string>();
    const collect = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) for (const m of rule.selectorText.matchAll(/\.(m_[0-9a-f]+)/g)) loaded.add(m[1]!);
        if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) collect(sheet.cssRules);
    const shown = new Set([...document.querySelectorAll('*')].flatMap((el) => [...el.classList]));
    return styled.filter((c) => shown.has(c) && !loaded.has(c));
  }, MANTINE_CLASSES);
}

/** Network quiet and no loading indicator left: what a person sees once the page has loaded its data. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // A page the server rendered is the server's until the app has taken it over.
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-view');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

/**
 * Every Mantine component on the page styled, and WCAG 2.1 A/AA through axe-core: a serious or critical violation fails the test; moderate and minor ones are
 * reported as annotations of the test, so that they are seen without blocking.
 */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo = test.info()): Promise<void> {
  await settled(page);
  expect(await unstyledMantineClasses(page), 'Mantine classes shown without their stylesheet').toEqual([]);
  // Label in Name (2.5.3) is an experimental axe rule, off unless asked for.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_21_AA)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  for (const v of results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')) {
    testInfo.annotations.push({
      type: `axe ${v.impact}`,
      description: `${v.id} on ${new URL(page.url()).pathname}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    });
  }
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} on ${new URL(page.url()).pathname}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Headings in document order that go more than one level deeper than the one before (h1 → h3): gaps in the outline. */
export async function headingSkips(page: Page): Promise<string[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) => {
    const skips: string[] = [];
    let last = 0;
    for (const element of elements) {
      if (element.getClientRects().length === 0) continue;
      const level = Number(element.tagName.slice(1));
      if (last && level > last + 1) skips.push(`${element.tagName} "${(element.textContent ?? '').trim().slice(0, 40)}" after h${last}`);
      last = level;
    }
    return skips;
  });
}

/** A person signed in through the login form in a browser context of their own, landing on `next`. */
export async function signedIn(newPage: () => Promise<Page>, email: string, password: string, next: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`/anmelden?weiter=${encodeURIComponent(next)}`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

interface Watched {
  page: Page;
  csp: string[];
}

/** Records every Content-Security-Policy violation of the page, across reloads and client-side navigation. */
async function watch(page: Page, watched: Watched[]): Promise<Page> {
  const entry: Watched = { page, csp: [] };
  await page.exposeFunction('__verbundCspViolation', (text: string) => entry.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __verbundCspViolation(text: string): void }).__verbundCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  watched.push(entry);
  return page;
}

/**
 * Every page a test opens (`page`, and more through `newPage` for other people) is watched: no CSP violation
 * may happen on it, and its final, settled state must pass axe when the test ends.
 */
export const test = base.extend<{ watched: Watched[]; newPage: () => Promise<Page>; endChecks: void }>({
  // Playwright reads a fixture's dependencies from this destructuring pattern: an empty one means none.
  // eslint-disable-next-line no-empty-pattern
  watched: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, watched }, use) => {
    await use(await watch(page, watched));
  },
  newPage: async ({ browser, watched }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return watch(await context.newPage(), watched);
    });
    for (const context of contexts) await context.close();
  },
  endChecks: [
    async ({ page, newPage, watched }, use, testInfo) => {
      void page;
      void newPage;
      await use();
      if (testInfo.status !== testInfo.expectedStatus) return;
      for (const { page: p, csp } of watched) {
        expect(csp, `Content-Security-Policy violations on ${p.url()}`).toEqual([]);
        if (!p.isClosed() && p.url().startsWith('http')) await expectNoSeriousA11yViolations(p, testInfo);
      }
    },
    { auto: true },
  ],
});
