import { expect, expectNoSeriousA11yViolations, test, unstyledMantineClasses } from './fixtures';

test('find Landkreis Leipzig, see Stadt Leipzig as its kreisfreie neighbour, and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kommunen', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Kommune suchen' }).fill('Leipzig');
  await expect(page.getByRole('status').filter({ hasText: 'Kommunen gefunden' })).toHaveText('2 Kommunen gefunden');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Landkreis Leipzig' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Landkreis Leipzig' })).toBeVisible();
  const border = page.getByRole('region', { name: /Gemeinsame Grenze/ });
  const city = border.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Stadt Leipzig', exact: true }) });
  await expect(city).toContainText('Kreisfreie Stadt');
  await expect(page.getByRole('group', { name: 'Karte der Kreise um Landkreis Leipzig' })).toBeVisible();
  await expect(page.getByText('© GeoBasis-DE / BKG 2021 (Daten verändert)', { exact: false }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await city.getByRole('link', { name: 'Stadt Leipzig', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stadt Leipzig' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Gemeinsame Grenze/ }).getByRole('link', { name: 'Landkreis Leipzig', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('search works without umlauts, filters by Land and kind, and pages on', async ({ page }) => {
  await page.goto('/kommunen');
  await page.getByRole('searchbox', { name: 'Kommune suchen' }).fill('muenchen');
  await expect(page.getByRole('link', { name: 'Landeshauptstadt München' })).toBeVisible();

  // Each step waits for its own count, so that paging below starts from the list it is meant to continue.
  const found = page.getByRole('status').filter({ hasText: 'gefunden' });
  await page.getByRole('searchbox', { name: 'Kommune suchen' }).fill('');
  await page.getByRole('combobox', { name: 'Land' }).selectOption({ label: 'Sachsen' });
  await expect(found).toHaveText('429 Kommunen gefunden');
  await page.getByRole('combobox', { name: 'Art' }).selectOption({ label: 'Landkreis' });
  await expect(found).toHaveText('10 Kommunen gefunden');

  await page.getByRole('combobox', { name: 'Art' }).selectOption({ label: 'Gemeinde' });
  await expect(found).toHaveText('415 Kommunen gefunden');
  const results = page.getByRole('list', { name: 'Suchergebnisse' }).getByRole('listitem');
  await expect(results).toHaveCount(20);
  await page.getByRole('button', { name: 'Weitere anzeigen' }).click();
  await expect(results).toHaveCount(40);
});

test('filters follow the address: a quick clear and choice both land, the menu link resets them, back restores them', async ({ page }) => {
  await page.goto('/kommunen');
  const found = page.getByRole('status').filter({ hasText: 'gefunden' });
  await expect(found).toHaveText('11.062 Kommunen gefunden');
  const searchbox = page.getByRole('searchbox', { name: 'Kommune suchen' });
  await searchbox.fill('leip');
  await searchbox.fill('');
  await page.getByRole('combobox', { name: 'Land' }).selectOption({ label: 'Sachsen' });
  await page.getByRole('combobox', { name: 'Art' }).selectOption({ label: 'Landkreis' });
  await expect(found).toHaveText('10 Kommunen gefunden');
  await expect(page).toHaveURL(/\/kommunen\?land=14&art=LANDKREIS$/);
  await expect(searchbox).toHaveValue('');

  await page.getByRole('navigation').getByRole('link', { name: 'Kommunen', exact: true }).click();
  await expect(found).toHaveText('11.062 Kommunen gefunden');
  await expect(page.getByRole('combobox', { name: 'Land' })).toHaveValue('');

  await page.goBack();
  await expect(found).toHaveText('10 Kommunen gefunden');
  await expect(page.getByRole('combobox', { name: 'Art' })).toHaveValue('LANDKREIS');
});

test('the page shows the settlement structure, and why a municipality counts as similar', async ({ page }) => {
  await page.goto('/kommunen/14713');
  await expect(page.getByRole('heading', { level: 1, name: 'Stadt Leipzig' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'dicht besiedelt (städtisch)' })).toBeVisible();
  const similar = page.getByRole('region', { name: /Ähnlich aufgebaut/ });
  await expect(similar.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Stadt Dresden', exact: true }) })).toContainText(
    'ähnlich: dicht besiedelte kreisfreie Stadt, 566.222 Einwohner',
  );
  await expectNoSeriousA11yViolations(page);

  await page.goto('/kommunen/14729');
  await expect(
    page.getByRole('definition').filter({ hasText: 'kleinstädtisch geprägt: 71 % der Einwohner in Gemeinden mittlerer Besiedlungsdichte' }),
  ).toBeVisible();
});

test('a malformed or unknown key says so', async ({ page }) => {
  await page.goto('/kommunen/abc');
  await expect(page.getByText('Das ist kein gültiger Gemeindeschlüssel')).toBeVisible();
  await page.goto('/kommunen/99999');
  await expect(page.getByText('Zu diesem Gemeindeschlüssel gibt es keine Kommune.')).toBeVisible();
});

test("a kreisfreie Stadt's eight-digit key opens its page, whose own key is five digits", async ({ page }) => {
  await page.goto('/kommunen/14713000');
  await expect(page.getByRole('heading', { level: 1, name: 'Stadt Leipzig' })).toBeVisible();
  await expect(page.getByText('14713', { exact: true })).toBeVisible();
});

test('a long neighbour group shows the nearest first and the rest on request', async ({ page }) => {
  await page.goto('/kommunen/01060063');
  await expect(page.getByRole('heading', { level: 1, name: 'Stadt Norderstedt' })).toBeVisible();
  const group = page.getByRole('region', { name: /Im selben Landkreis/ });
  await expect(group.getByRole('listitem')).toHaveCount(12);
  const more = group.getByRole('button', { name: /^Alle \d+ anzeigen$/ });
  const total = Number((await more.textContent())!.match(/\d+/)![0]);
  await more.click();
  await expect(group.getByRole('listitem')).toHaveCount(total);
  await expect(group.getByRole('button', { name: 'Weniger anzeigen' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoSeriousA11yViolations(page);
});

test('a deep link shows the page as the server rendered it before any script has run', async ({ page }) => {
  await page.route(/\/assets\/.+\.js$/, (route) => route.abort());
  await page.goto('/kommunen/14729');
  await expect(page.getByRole('heading', { level: 1, name: 'Landkreis Leipzig' })).toBeVisible();
  await expect(page.getByText('261.573')).toBeVisible();
  await expect(page).toHaveTitle('Landkreis Leipzig – Verbund');
  expect(await unstyledMantineClasses(page)).toEqual([]);
  // Its links work as plain links: the next page comes from the server too.
  await page.getByRole('link', { name: 'Sachsen', exact: true }).click();
  await expect(page).toHaveURL(/\/kommunen\/14$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sachsen' })).toBeVisible();
  await expect(page.locator('#root')).toHaveAttribute('data-first-view');
  // With its scripts the app takes over (the checks after each test look at that page).
  await page.unrouteAll();
  await page.reload();
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-view');
});

test("the app takes over the server's page as it is, without asking for its answer again", async ({ page }) => {
  const queries: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/graphql')) queries.push(/"operationName":"(\w+)"/.exec(req.postData() ?? '')?.[1] ?? '?');
  });
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  // Marks the heading the server sent: React attaches to it instead of drawing it again.
  await page.addInitScript(() =>
    document.addEventListener('readystatechange', () => document.querySelector('h1')?.setAttribute('data-from-server', ''), { once: true }),
  );
  await page.goto('/kommunen/14729');
  await expect(page.getByRole('region', { name: /Gemeinsame Grenze/ })).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-view');
  await expect(page.locator('h1[data-from-server]')).toHaveText('Landkreis Leipzig');
  expect(queries).not.toContain('MunicipalityDetail');
  // A page React could not take over as it was would be reported here (a hydration error).
  expect(errors).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a reader whose English is remembered only in this browser gets the page in English, taken over without an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  // As the app remembered the choice before it also kept it in a cookie.
  await page.addInitScript(() => localStorage.setItem('verbund.language', 'en'));
  await page.goto('/kommunen/14729');
  await expect(page.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-view');
  expect(errors).toEqual([]);
  // From now on the server renders the reader's language itself.
  expect((await page.context().cookies()).find((c) => c.name === 'verbund-lang')?.value).toBe('en');
  const served = await (await page.request.get('/kommunen/14729', { headers: { accept: 'text/html' } })).text();
  expect(served).toContain('<html lang="en"');
  expect(served).toContain('>Profile</h2>');
});
