import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';

/** Opens the new-event form on the events page, organised by Stadt Leipzig, with its title and one topic. */
async function newEventByCity(page: Page, title: string, topic: string) {
  await page.getByRole('button', { name: 'Neue Veranstaltung' }).click();
  const form = page.getByRole('form', { name: 'Neue Veranstaltung' });
  await form.getByRole('combobox', { name: 'Veranstalterin', exact: true }).click();
  await page.getByRole('option', { name: 'Stadt Leipzig', exact: true }).click();
  await form.getByLabel('Titel').fill(title);
  await form.getByRole('combobox', { name: 'Themen' }).click();
  await page.getByRole('option', { name: topic, exact: true }).click();
  await page.keyboard.press('Escape');
  return form;
}

test('Stadt Leipzig posts an event open to its neighbours; the Landkreis finds it near it and on the map and registers; München does not see it', async ({
  newPage,
}) => {
  const title = `Fachtag Wohnen und Ankommen ${Date.now().toString(36)}`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/veranstaltungen');
  const form = await newEventByCity(stadt, title, 'Wohnen');
  await form.getByLabel(/^Beginn/).fill('2027-06-10T09:30');
  await form.getByLabel(/^Ende/).fill('2027-06-10T15:00');
  await form.getByLabel(/^Adresse/).fill('Neues Rathaus, Martin-Luther-Ring 4–6, 04109 Leipzig');
  await form.getByLabel(/^Position auf der Karte/).fill('51.3357, 12.3708');
  await form.getByRole('combobox', { name: 'Anmeldung', exact: true }).click();
  await stadt.getByRole('option', { name: 'Anmeldung in Verbund (Plätze, Warteliste)' }).click();
  await form.getByLabel(/^Plätze/).fill('40');
  await expectNoSeriousA11yViolations(stadt);
  await form.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
  await expect(stadt.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(stadt.getByText('Offen für Stadt Leipzig und alle Nachbarkommunen')).toBeVisible();
  const eventUrl = stadt.url();
  await expectNoSeriousA11yViolations(stadt);

  const kreis = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', '/veranstaltungen');
  await kreis.getByLabel('Nur in meiner Nähe und für meine Kommune').click();
  await expect(kreis).toHaveURL(/nah=1/);
  const card = kreis.getByRole('article', { name: title });
  await expect(card).toContainText('Donnerstag, 10. Juni 2027 um 09:30');
  // Stadt / Land: the city is dicht besiedelt, so its event is among the town's, not the country's.
  const structure = kreis.getByRole('combobox', { name: 'Stadt / Land', exact: true });
  await structure.click();
  await kreis.getByRole('option', { name: 'Land (gering besiedelt)' }).click();
  await expect(kreis).toHaveURL(/siedlung=GERING/);
  await expect(card).toHaveCount(0);
  await kreis.getByRole('option', { name: 'Land (gering besiedelt)' }).click();
  await kreis.getByRole('option', { name: 'Stadt (dicht besiedelt)' }).click();
  await kreis.keyboard.press('Escape');
  await expect(kreis).toHaveURL(/siedlung=DICHT/);
  await expect(card).toBeVisible();
  await kreis.getByText('Karte', { exact: true }).click();
  await expect(kreis.getByRole('link', { name: title })).toHaveCount(2);
  await expect(kreis.getByRole('group', { name: 'Karte der Veranstaltungen' }).getByRole('link', { name: title })).toBeVisible();
  await expectNoSeriousA11yViolations(kreis);
  await card.getByRole('button', { name: 'Anmelden' }).click();
  await expect(card.getByText('Sie sind angemeldet')).toBeVisible();
  await expect(card).toContainText('1 von 40 Plätzen belegt');

  const muenchen = await signedIn(newPage, 'integration@landkreis-muenchen.example', 'Verbund-Demo-Muenchen-2026', '/veranstaltungen');
  await expect(muenchen.getByText(/\d+ Veranstaltung/)).toBeVisible();
  await expect(muenchen.getByRole('article', { name: title })).toHaveCount(0);
  await muenchen.goto(eventUrl);
  await expect(muenchen.getByText('Diese Veranstaltung gibt es nicht, oder sie ist nicht für Sie.')).toBeVisible();
  await expectNoSeriousA11yViolations(muenchen);

  // Taking registration away from Verbund warns the organiser that the registered lose their place and are told.
  await stadt.reload();
  await stadt.getByRole('button', { name: 'Bearbeiten' }).click();
  const editing = stadt.getByRole('form', { name: 'Veranstaltung bearbeiten' });
  await editing.getByRole('combobox', { name: 'Anmeldung', exact: true }).click();
  await stadt.getByRole('option', { name: 'Ohne Anmeldung' }).click();
  await expect(editing.getByText('Die Anmeldung von 1 Person in Verbund endet mit dem Speichern; sie wird benachrichtigt.')).toBeVisible();
  await stadt.reload();

  // Cancelling asks first, in the app's own dialog; the registered Landkreis then sees it cancelled.
  await stadt.getByRole('button', { name: 'Veranstaltung absagen' }).click();
  const cancelling = stadt.getByRole('dialog', { name: 'Veranstaltung absagen' });
  await expect(cancelling).toContainText('Alle Angemeldeten werden benachrichtigt.');
  await expectNoSeriousA11yViolations(stadt);
  await cancelling.getByRole('button', { name: 'Ja, absagen' }).click();
  await expect(stadt.getByRole('button', { name: 'Veranstaltung absagen' })).toHaveCount(0);
  await kreis.goto(eventUrl);
  await expect(kreis.getByText('Abgesagt').first()).toBeVisible();
});

test("the offers open to Nordsachsen residents include the city's Migrationsberatung, on the list and on Nordsachsen's page", async ({ newPage }) => {
  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/veranstaltungen');
  await nord.getByRole('tab', { name: 'Angebote' }).click();
  const offer = nord.getByRole('article', { name: 'Migrationsberatung der Stadt Leipzig' });
  await expect(offer).toContainText('Auch für Einwohnerinnen und Einwohner von: Landkreis Leipzig, Landkreis Nordsachsen.');
  await expectNoSeriousA11yViolations(nord);
  // The city's offer is among the town's, not the country's.
  await nord.goto('/veranstaltungen?art=angebote&siedlung=GERING');
  await expect(nord.getByRole('combobox', { name: 'Stadt / Land', exact: true })).toBeVisible();
  await expect(nord.getByText(/^\d+ Angebote?$/)).toBeVisible();
  await expect(offer).toHaveCount(0);
  await nord.goto('/veranstaltungen?art=angebote&siedlung=DICHT');
  await expect(offer).toBeVisible();
  await nord.goto('/kommunen/14730');
  const section = nord.getByRole('region', { name: 'Angebote für Einwohnerinnen und Einwohner' });
  await expect(section.getByRole('link', { name: 'Migrationsberatung der Stadt Leipzig' })).toBeVisible();
});

test('changing a series that has begun keeps its dates: the form shows its first date, not the next one', async ({ newPage }) => {
  const title = `Elterncafé ${Date.now().toString(36)}`;
  // Weekly, four dates, the first 15 or 16 days ago (Berlin's date may be a day ahead of UTC's): one date is ahead.
  const first = `${new Date(Date.now() - 16 * 86_400_000).toISOString().slice(0, 10)}T10:00`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/veranstaltungen');
  const form = await newEventByCity(stadt, title, 'Bildung und Schule');
  await form.getByLabel(/^Beginn/).fill(first);
  await form.getByLabel(/^Ende/).fill(first.replace('T10:00', 'T12:00'));
  await form.getByRole('combobox', { name: 'Wiederholung', exact: true }).click();
  await stadt.getByRole('option', { name: 'Wöchentlich', exact: true }).click();
  await form.getByLabel(/^Anzahl der Termine/).fill('4');
  await form.getByLabel(/^Adresse/).fill('Stadtteilzentrum, Eisenbahnstraße 66, 04315 Leipzig');
  await form.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
  await expect(stadt.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(stadt.getByRole('heading', { name: 'Die nächsten Termine' })).toHaveCount(0);

  await stadt.getByRole('button', { name: 'Bearbeiten' }).click();
  const editing = stadt.getByRole('form', { name: 'Veranstaltung bearbeiten' });
  await expect(editing.getByLabel(/^Beginn/)).toHaveValue(first);
  await expect(editing.getByText('Eine Reihe: Beginn und Ende sind die ihres ersten Termins; von dort wiederholt sie sich wie bisher.')).toBeVisible();
  await expectNoSeriousA11yViolations(stadt);
  await editing.getByLabel('Titel').fill(`${title} mit Kinderbetreuung`);
  await editing.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(stadt.getByRole('heading', { level: 1, name: `${title} mit Kinderbetreuung` })).toBeVisible();
  // Still the one date ahead: the series did not start again from it.
  await expect(stadt.getByRole('heading', { name: 'Die nächsten Termine' })).toHaveCount(0);
});
