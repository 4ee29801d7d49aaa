import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';

test('the Landkreis Leipzig sees Stadt Leipzig as cooperating (the demo group) and its other bordering Kreise as gaps with suggestions', async ({
  newPage,
}) => {
  const kreis = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', '/kommunen/14729');
  const section = kreis.getByRole('region', { name: 'Zusammenarbeit von Landkreis Leipzig mit Nachbarn' });
  const stadt = section.getByRole('listitem').filter({ has: kreis.getByRole('link', { name: 'Stadt Leipzig', exact: true }) });
  await expect(stadt).toContainText('Landkreis ↔ kreisfreie Stadt');
  await expect(stadt).toContainText('arbeitet mit');
  await expect(stadt).toContainText('gemeinsame Arbeitsgruppe');
  const mittelsachsen = section.getByRole('listitem').filter({ has: kreis.getByRole('link', { name: 'Landkreis Mittelsachsen', exact: true }) });
  await expect(mittelsachsen).toContainText('Lücke');
  await expect(mittelsachsen).toContainText('Grenzt an – keine gemeinsame Arbeitsgruppe');
  const suggestions = mittelsachsen.getByRole('list', { name: 'Vorschläge für Landkreis Mittelsachsen' });
  await expect(
    suggestions.getByRole('listitem').filter({ hasText: 'Findet in Landkreis Mittelsachsen statt und ist für Landkreis Leipzig offen.' }),
  ).toContainText('Veranstaltung: Netzwerktreffen Ehrenamt in der Flüchtlingshilfe');
  await expect(suggestions.getByRole('listitem').filter({ hasText: 'Ein Angebot aus Landkreis Mittelsachsen' })).toContainText(
    'Angebot: Psychosoziale Beratung',
  );
  await expectNoSeriousA11yViolations(kreis);

  await suggestions.getByRole('link', { name: 'Psychosoziale Beratung für Geflüchtete in Mittelsachsen' }).click();
  await expect(kreis.getByRole('heading', { level: 1, name: 'Psychosoziale Beratung für Geflüchtete in Mittelsachsen' })).toBeVisible();
});

test('the national figures and map, for everyone; the Land filter and the Landkreis ↔ Stadt toggle', async ({ page }) => {
  await page.goto('/zusammenarbeit');
  await expect(page.getByRole('heading', { level: 1, name: 'Zusammenarbeit über Kreisgrenzen' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Karte: Zusammenarbeit in Deutschland' })).toBeVisible();
  await expect(page.getByText('Angrenzende Kreispaare mit Zusammenarbeit').first()).toBeVisible();
  await expect(page.getByText(/^\d+ von \d+$/).first()).toBeVisible();
  const split = page.getByRole('region', { name: 'Stadt und Land' });
  await expect(split.getByRole('rowheader')).toHaveText(['dicht besiedelt (städtisch)', 'mittlere Besiedlungsdichte', 'gering besiedelt (ländlich)']);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nur Landkreis ↔ kreisfreie Stadt').click();
  await expect(page).toHaveURL(/paare=stadt-land/);
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/data/cooperation.csv');
});
