import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, headingSkips, test } from './fixtures';

const LANGUAGES = ['de', 'en'] as const;

// A walk visits up to 8 pages and runs axe on each: about 20 s here, several times that on a busy CI machine.
test.describe.configure({ timeout: 180_000 });

/** Every route of the app, visited as who may see it, in both languages: each settled page must pass axe. */
async function visitAll(page: Page, language: (typeof LANGUAGES)[number], paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    expect(await headingSkips(page), path).toEqual([]);
  }
}

async function as(page: Page, language: string, email?: string, password?: string) {
  await page.addInitScript((lng) => localStorage.setItem('verbund.language', lng), language);
  if (!email || !password) return;
  const res = await page.request.post('/graphql', {
    data: { query: 'mutation ($i: LoginInput!) { login(input: $i) { id } }', variables: { i: { email, password } } },
  });
  expect(res.ok()).toBe(true);
}

async function ids(page: Page): Promise<{ group: string; material: string; concept: string }> {
  const res = await page.request.post('/graphql', {
    data: { query: '{ groups(first: 1) { nodes { id } } materials(first: 1) { nodes { material { id } } } concepts(first: 1) { nodes { id } } }' },
  });
  const { data } = (await res.json()) as {
    data: { groups: { nodes: { id: string }[] }; materials: { nodes: { material: { id: string } }[] }; concepts: { nodes: { id: string }[] } };
  };
  return { group: data.groups.nodes[0]!.id, material: data.materials.nodes[0]!.material.id, concept: data.concepts.nodes[0]!.id };
}

for (const language of LANGUAGES) {
  // In three walks, so that each stays well within its time on a busy CI machine.
  const memberWalks: [string, (ids: { group: string; material: string; concept: string }) => string[]][] = [
    [
      'directory, groups and insights',
      ({ group }) => ['/', '/kommunen', '/kommunen/14713', '/kommunen/14729', '/arbeitsgruppen', `/arbeitsgruppen/${group}`, '/zusammenarbeit'],
    ],
    [
      'materials, search and concepts',
      ({ material, concept }) => [
        '/materialien',
        '/materialien/neu',
        `/materialien/${material}`,
        '/suche?q=Sprache',
        '/konzepte',
        '/konzepte?neu=1',
        `/konzepte/${concept}`,
      ],
    ],
    [
      'rounds, events, account and the rest',
      () => ['/austauschrunden', '/veranstaltungen', '/konto', '/anfragen', '/benachrichtigungen', '/impressum', '/barrierefreiheit', '/gibt-es-nicht'],
    ],
  ];
  for (const [name, paths] of memberWalks) {
    test(`every page a member sees passes axe: ${name} (${language})`, async ({ page }) => {
      await as(page, language, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026');
      await visitAll(page, language, paths(await ids(page)));
    });
  }

  test(`the platform administration passes axe (${language})`, async ({ page }) => {
    await as(page, language, 'admin@verbund.example', 'Verbund-Demo-Admin-2026');
    await visitAll(page, language, ['/verwaltung']);
  });

  test(`every page a guest sees, with its error states, passes axe (${language})`, async ({ page }) => {
    await as(page, language);
    await visitAll(page, language, [
      '/',
      '/kommunen',
      '/anmelden',
      '/registrieren',
      '/passwort-vergessen',
      '/email-bestaetigen?token=ungueltig',
      '/passwort-zuruecksetzen?token=ungueltig',
      '/email-aendern?token=ungueltig',
      '/abbestellen?token=ungueltig',
      '/arbeitsgruppen',
      '/materialien',
      '/impressum',
      '/gibt-es-nicht',
    ]);
    // The directory's search results and their paging, once they have loaded.
    await page.goto('/kommunen');
    await page.getByRole('searchbox').first().fill('Leipzig');
    await expect(page.getByRole('link', { name: /Leipzig/ }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
