import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';

test('Nordsachsen sees what changed in the Leipzig concept it adapted, side by side, and takes the new version of one section', async ({ newPage }) => {
  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/konzepte');
  await nord.getByRole('article').filter({ hasText: 'Landkreis Nordsachsen' }).getByRole('link', { name: 'Integrationskonzept Leipziger Raum' }).click();
  await expect(nord.getByText('In Version 2 der Vorlage hat sich 1 Abschnitt geändert')).toBeVisible();
  await nord.getByRole('button', { name: 'Änderungen der Vorlage ansehen' }).click();

  const changes = nord.getByRole('region', { name: 'Abgleich mit „Integrationskonzept Leipziger Raum“' });
  const sprache = changes.getByRole('article', { name: 'Handlungsfeld Sprache' });
  await expect(sprache.getByText('in der Vorlage geändert')).toBeVisible();
  await expect(sprache.getByLabel(/^eingefügt: .*Abendkurse/)).toBeVisible();
  await expect(changes.getByRole('article', { name: 'Handlungsfeld Arbeit' }).getByText('bei uns geändert')).toBeVisible();
  await expectNoSeriousA11yViolations(nord);

  await sprache.getByRole('button', { name: 'Fassung der Vorlage übernehmen' }).click();
  await expect(changes.getByRole('article', { name: 'Handlungsfeld Sprache' })).toHaveCount(0);
  await expect(nord.getByRole('region', { name: 'Handlungsfeld Sprache' }).getByText('Abendkurse kommen für Berufstätige hinzu.')).toBeVisible();
  await expect(nord.getByText(/hat sich 1 Abschnitt geändert/)).toHaveCount(0);

  // A comment on a section, resolved again.
  const arbeit = nord.getByRole('region', { name: 'Handlungsfeld Arbeit' });
  await arbeit.getByRole('button', { name: 'Kommentare (keine)' }).click();
  await arbeit.getByRole('textbox', { name: /^Kommentar/ }).fill('Sprechzeiten in **Oschatz** noch ergänzen.');
  await arbeit.getByRole('button', { name: 'Kommentieren' }).click();
  await expect(arbeit.getByText('Oschatz', { exact: true })).toBeVisible();
  await expect(arbeit.getByRole('button', { name: 'Kommentar (1, offen: 1)' })).toBeVisible();
  await expectNoSeriousA11yViolations(nord);
  await arbeit.getByRole('button', { name: 'Erledigt' }).click();
  await expect(arbeit.getByText('erledigt von Nils Nordsachsen')).toBeVisible();

  // From the original: who adapted a section, and how.
  await nord.getByRole('link', { name: 'Vorlage öffnen' }).click();
  const original = nord.getByRole('region', { name: 'Handlungsfeld Arbeit' });
  await original.getByRole('button', { name: 'Wer hat diesen Abschnitt angepasst?' }).click();
  await expect(original.getByRole('listitem').filter({ hasText: 'Landkreis Nordsachsen' })).toContainText('eigene Fassung – Das Jobcenter Nordsachsen');
  // The adaptations on the map too (the list of adaptations is its text alternative).
  const lineage = nord.getByRole('region', { name: 'Herkunft und Anpassungen' });
  await expect(lineage.getByRole('listitem').filter({ hasText: 'Landkreis Nordsachsen' })).toContainText('angelegt aus Version 1');
  await expect(lineage.getByRole('group', { name: 'Karte der Kreise um die Anpassungen' })).toBeVisible();
  await expectNoSeriousA11yViolations(nord);

  // Any two versions side by side: version 1 → 2 added the evening courses.
  const versions = nord.getByRole('region', { name: 'Versionen vergleichen' });
  await expect(versions.getByLabel(/^eingefügt: .*Abendkurse/)).toBeVisible();
});

test('one search box finds materials and published concepts together', async ({ newPage }) => {
  const lea = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/');
  await lea.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Suche', exact: true }).click();
  await lea.getByRole('searchbox', { name: 'Suchwörter' }).fill('Sprache');
  await expect(lea.getByRole('link', { name: 'Integrationskonzept Leipziger Raum' })).toBeVisible();
  await expect(lea.getByRole('link', { name: 'Leitfaden Dolmetscherpool' })).toBeVisible();
  await expect(lea.getByText('Konzept', { exact: true }).first()).toBeVisible();
  await expect(lea.getByText('Material', { exact: true }).first()).toBeVisible();
  // A word inside the concept's text, not in its title: the snippet shows where.
  await lea.getByRole('searchbox', { name: 'Suchwörter' }).fill('Abendkurse');
  await expect(lea.getByRole('article').filter({ hasText: 'Integrationskonzept Leipziger Raum' }).locator('mark')).toHaveText(/Abendkurse/i);
  await expect(lea).toHaveURL(/\/suche\?q=Abendkurse$/);
  await expectNoSeriousA11yViolations(lea);
});
