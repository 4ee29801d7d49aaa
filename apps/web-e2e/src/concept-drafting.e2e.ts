import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';

/** Lea of the Stadt Leipzig starts a concept for her working group, with the usual outline. */
async function newConcept(lea: Page, title: string): Promise<void> {
  await lea.getByRole('button', { name: 'Neues Konzept' }).click();
  const form = lea.getByRole('form', { name: 'Neues Konzept' });
  await form.getByLabel('Titel').fill(title);
  await form.getByRole('combobox', { name: 'Themen' }).click();
  await lea.getByRole('option', { name: 'Sprache', exact: true }).click();
  await form.getByRole('combobox', { name: 'Trägerin' }).click();
  await lea.getByRole('option', { name: /AG Sprachmittlung Region Leipzig/ }).click();
  await form.getByRole('button', { name: 'Konzept anlegen' }).click();
  await expect(lea.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('two people write one section at the same time, publish, and the adaptation of a neighbour takes the next version', async ({ newPage }) => {
  const title = `Integrationskonzept Muldental ${Date.now().toString(36)}`;
  const lea = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/konzepte');
  await newConcept(lea, title);

  // Ina, in the same working group, opens it too: both type into the Leitbild at once.
  const ina = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', new URL(lea.url()).pathname);
  const leitbild = (page: typeof lea) => page.getByRole('textbox', { name: 'Text des Abschnitts „Leitbild“' });
  await expect(lea.getByText('Alle Änderungen gespeichert')).toBeVisible();
  await expect(ina.getByText('Alle Änderungen gespeichert')).toBeVisible();
  await leitbild(lea).click();
  await leitbild(lea).pressSequentially('Stadt und Land gemeinsam. ');
  await expect(leitbild(ina)).toContainText('Stadt und Land gemeinsam.');
  await leitbild(ina).click();
  await ina.keyboard.press('Control+End');
  await Promise.all([leitbild(lea).pressSequentially('Lea schreibt hier. ', { delay: 40 }), ina.keyboard.type('Ina ergänzt das.', { delay: 40 })]);
  for (const page of [lea, ina]) {
    await expect(leitbild(page)).toContainText('Lea schreibt hier.');
    await expect(leitbild(page)).toContainText('Ina ergänzt das.');
  }
  // Both see the same merged text (the others' carets, with their names, are not part of it).
  const text = (page: typeof lea) =>
    leitbild(page).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove());
      return copy.textContent;
    });
  await expect.poll(async () => (await text(lea)) === (await text(ina))).toBe(true);
  await expect(lea.getByText('Schreibt gerade hier: Ina Integration')).toBeVisible();
  await expectNoSeriousA11yViolations(lea);

  await lea.getByLabel('Was hat sich geändert?').fill('Erste gemeinsame Fassung');
  await lea.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(lea.getByText('Version 1 ist veröffentlicht.')).toBeVisible();

  // Nordsachsen adapts version 1 for itself.
  const nils = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', new URL(lea.url()).pathname);
  await nils.getByRole('button', { name: 'Anpassen' }).click();
  await expect(nils.getByText('Angepasstes Konzept')).toBeVisible();
  const adaptation = new URL(nils.url()).pathname;

  // Upstream writes on and publishes version 2.
  await leitbild(lea).click();
  await lea.keyboard.press('Control+End');
  await lea.keyboard.type(' Neu: Sprechstunden in beiden Rathäusern.');
  await expect(lea.getByText('Alle Änderungen gespeichert')).toBeVisible();
  await lea.getByLabel('Was hat sich geändert?').fill('Sprechstunden ergänzt');
  await lea.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(lea.getByText('Version 2 ist veröffentlicht.')).toBeVisible();

  await nils.goto(adaptation);
  await expect(nils.getByText('In Version 2 der Vorlage hat sich 1 Abschnitt geändert')).toBeVisible();
  await nils.getByRole('button', { name: 'Änderungen der Vorlage ansehen' }).click();
  const changes = nils.getByRole('region', { name: `Abgleich mit „${title}“` });
  const section = changes.getByRole('article', { name: 'Leitbild' });
  await expect(section.getByLabel(/^eingefügt: .*Sprechstunden/)).toBeVisible();
  await expectNoSeriousA11yViolations(nils);
  await section.getByRole('button', { name: 'Fassung der Vorlage übernehmen' }).click();
  await expect(changes.getByRole('article', { name: 'Leitbild' })).toHaveCount(0);
  await expect(leitbild(nils)).toContainText('Sprechstunden in beiden Rathäusern.');
  await expect(nils.getByText(/hat sich 1 Abschnitt geändert/)).toHaveCount(0);
});

test('a section at its length limit says so beside it, and the other sections go on being saved', async ({ newPage }) => {
  test.setTimeout(90_000);
  const lea = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/konzepte');
  await newConcept(lea, `Langes Konzept ${Date.now().toString(36)}`);
  const saved = lea.getByText('Alle Änderungen gespeichert');
  const leitbild = lea.getByRole('textbox', { name: 'Text des Abschnitts „Leitbild“' });
  await expect(saved).toBeVisible();
  await leitbild.click();
  const chapter = 'Sprachkurse für Erwachsene. '.repeat(3_000);
  for (let i = 0; i < 2; i++) {
    await lea.keyboard.insertText(chapter);
    await expect(saved).toBeVisible();
  }
  await lea.keyboard.insertText(chapter);
  const full = lea.getByRole('region', { name: 'Leitbild' }).getByRole('alert');
  await expect(full).toContainText('Dieser Text hat die Höchstlänge erreicht');
  await expect(leitbild).toHaveAttribute('contenteditable', 'false');
  const daten = lea.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage und Daten“' });
  await daten.click();
  await lea.keyboard.type('Zahlen folgen.');
  await expect(saved).toBeVisible();
  await expectNoSeriousA11yViolations(lea);
  // Ina, in the same working group, opens the concept afterwards and reads what was stored.
  const ina = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', new URL(lea.url()).pathname);
  await expect(ina.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage und Daten“' })).toContainText('Zahlen folgen.');
  await expect(ina.getByRole('textbox', { name: 'Text des Abschnitts „Leitbild“' })).toContainText('Sprachkurse für Erwachsene.');
});
