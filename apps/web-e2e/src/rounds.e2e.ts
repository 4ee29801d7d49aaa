import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';
import { createRound } from './round-form';

test('Stadt Leipzig starts a monthly round for the region; Nordsachsen finds it near them, registers and takes the calendar file', async ({ newPage }) => {
  const title = `Erstorientierung im Leipziger Land ${Date.now().toString(36)}`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/austauschrunden');
  await createRound(stadt, {
    title,
    topic: 'Sprache',
    videoUrl: 'https://meet.jit.si/erstorientierung-leipzig',
    firstDate: '2027-04-07T09:30',
    more: async (form) => {
      await form.getByRole('combobox', { name: 'Für wen?' }).click();
      await stadt.getByRole('option', { name: 'für einen Kreis und seine Nachbarkreise' }).click();
      await form.getByLabel(/^Kreis/).fill('14729');
      await form.getByRole('combobox', { name: 'Wiederholung' }).click();
      await stadt.getByRole('option', { name: 'Monatlich am selben Wochentag' }).click();
      await form.getByLabel(/^Plätze/).fill('12');
      await expectNoSeriousA11yViolations(stadt);
    },
  });

  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/austauschrunden');
  // The filter lives in the URL, which the router updates a moment after the click.
  await nord.getByLabel('Nur Runden für meine Region').click();
  await expect(nord.getByLabel('Nur Runden für meine Region')).toBeChecked();
  await expect(nord).toHaveURL(/nah=1/);
  const date = nord.getByRole('article', { name: title }).first();
  await expect(date).toContainText('Mittwoch, 7. April 2027');
  await expect(date).toContainText('09:30');
  await date.getByRole('button', { name: 'Für alle Termine anmelden' }).click();
  await expect(date.getByText('Sie sind angemeldet')).toBeVisible();
  await expect(date).toContainText('1 von 12 Plätzen belegt');
  // Nordsachsen proposes an agenda item and votes for it.
  await date.getByRole('button', { name: 'Tagesordnung (0 Punkte)' }).click();
  await date.getByRole('textbox', { name: 'Ihr Vorschlag' }).fill('Sprechstunden für Neuzugewanderte im Umland');
  await date.getByRole('button', { name: 'Vorschlagen' }).click();
  await expect(date.getByRole('listitem').filter({ hasText: 'Sprechstunden für Neuzugewanderte im Umland' })).toBeVisible();
  await date.getByRole('button', { name: 'Dafür' }).click();
  await expect(date.getByRole('listitem').filter({ hasText: 'Sprechstunden' })).toContainText('1 Stimme');
  const download = nord.waitForEvent('download');
  await date.getByRole('link', { name: 'Reihe in den Kalender (.ics)' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const ics = await readFile(file, 'utf8');
  expect(ics).toContain('RRULE:FREQ=MONTHLY;BYDAY=1WE;COUNT=6');
  expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270407T093000');
  await expectNoSeriousA11yViolations(nord);

  // Cancelling a date tells everyone registered, so the host is asked first; "Zurück" changes nothing.
  await stadt.reload();
  const first = stadt.getByRole('article', { name: title }).first();
  const cancel = first.getByRole('button', { name: /^Termin absagen/ });
  await cancel.click();
  const asking = stadt.getByRole('dialog', { name: /^Termin absagen/ });
  await expect(asking).toContainText('alle Angemeldeten erfahren es');
  await asking.getByRole('button', { name: 'Zurück' }).click();
  await expect(first).toContainText('7. April 2027');
  await cancel.click();
  await asking.getByRole('button', { name: 'Ja, Termin absagen' }).click();
  // A cancelled date leaves the list of coming dates: the next one is first now.
  await expect(stadt.getByRole('article', { name: title }).first()).toContainText('5. Mai 2027');
});

test('the demo series: a month at a glance, its page with the municipalities that took part, hosts change it, the group shows it', async ({ newPage }) => {
  const series = 'Sprachmittlung in der Region Leipzig';
  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/austauschrunden');
  await nord.getByText('Monat', { exact: true }).click();
  await expect(nord).toHaveURL(/ansicht=month/);
  await expect(nord.getByRole('button', { name: 'Nächster Monat' })).toBeVisible();
  await expectNoSeriousA11yViolations(nord);
  await nord.getByText('Liste', { exact: true }).click();
  await nord.getByRole('link', { name: series }).first().click();
  await expect(nord.getByRole('heading', { level: 1, name: series })).toBeVisible();
  await expect(nord.getByRole('region', { name: 'Vergangene Termine' })).toContainText('Teilgenommen haben: Landkreis Nordsachsen, Stadt Leipzig');
  await expectNoSeriousA11yViolations(nord);

  // Nordsachsen is in the hosting group, so it may change the series: more places for every coming date.
  await nord.getByRole('button', { name: 'Reihe bearbeiten' }).click();
  const form = nord.getByRole('form', { name: 'Reihe bearbeiten' });
  await form.getByLabel(/^Plätze/).fill('30');
  await form.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(
    nord
      .getByRole('region', { name: 'Nächste Termine' })
      .getByText(/von 30 Plätzen belegt/)
      .first(),
  ).toBeVisible();

  await nord.goto('/arbeitsgruppen');
  await nord.getByRole('link', { name: 'AG Sprachmittlung Region Leipzig' }).first().click();
  await nord.getByRole('tab', { name: 'Austauschrunden' }).click();
  await expect(nord.getByRole('tabpanel').getByRole('link', { name: series }).first()).toBeVisible();
});
