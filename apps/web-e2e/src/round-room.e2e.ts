import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';
import { createRound } from './round-form';

/** "2027-03-10T12:30" in German time, `minutes` from now. */
function berlinLocal(minutes: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(Date.now() + minutes * 60_000),
  );
  return parts.replace(' ', 'T');
}

async function enterRoom(page: Page, title: string, register: boolean): Promise<void> {
  const date = page.getByRole('article', { name: title }).first();
  if (register) {
    await date.getByRole('button', { name: 'Anmelden' }).click();
    await expect(date.getByText('Sie sind angemeldet')).toBeVisible();
  }
  await date.getByRole('link', { name: 'Raum der Runde' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Chat' })).toBeVisible();
}

test('the host opens the room early and sees it open at once, without reloading', async ({ newPage }) => {
  const title = `Runde Sprachkurse ${Date.now().toString(36)}`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/austauschrunden');
  await createRound(stadt, { title, topic: 'Sprache', videoUrl: 'https://meet.jit.si/sprachkurse-leipzig', firstDate: berlinLocal(180) });
  await stadt.getByRole('article', { name: title }).first().getByRole('link', { name: 'Raum der Runde' }).click();
  await expect(stadt.getByText('Noch nicht geöffnet')).toBeVisible();
  await stadt.getByRole('button', { name: 'Raum jetzt öffnen' }).click();
  await expect(stadt.getByText('Geöffnet', { exact: true })).toBeVisible();
  await expect(stadt.getByRole('button', { name: 'Raum schließen und Protokoll veröffentlichen' })).toBeVisible();
  await expect(stadt.getByRole('button', { name: 'Raum jetzt öffnen' })).toBeHidden();
});

test('three municipalities meet in a live room: chat, one speaking list, a poll, and the protocol among the materials', async ({ newPage }) => {
  test.setTimeout(120_000);
  const title = `Runde Wohnraum für Geflüchtete ${Date.now().toString(36)}`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/austauschrunden');
  await createRound(stadt, { title, topic: 'Wohnen', videoUrl: 'https://meet.jit.si/wohnraum-leipzig', firstDate: berlinLocal(10) });

  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/austauschrunden');
  const kreis = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', '/austauschrunden');
  await enterRoom(nord, title, true);
  await enterRoom(kreis, title, true);
  await enterRoom(stadt, title, false);

  // Presence, grouped by municipality.
  const people = stadt.getByRole('region', { name: /Personen anwesend/ });
  await expect(people).toContainText('Landkreis Nordsachsen');
  await expect(people).toContainText('Landkreis Leipzig');

  // Chat: what one writes, the others read.
  await nord.getByLabel('Ihre Nachricht').fill('Hallo aus **Nordsachsen**!');
  await nord.getByRole('button', { name: 'Senden' }).click();
  for (const page of [stadt, kreis]) await expect(page.getByRole('log')).toContainText('Hallo aus Nordsachsen!');

  // The moderation hides a message, giving a reason for the audit log; everyone sees it hidden.
  await nord.getByLabel('Ihre Nachricht').fill('Werbung für meinen Sprachkurs');
  await nord.getByRole('button', { name: 'Senden' }).click();
  await expect(stadt.getByRole('log')).toContainText('Werbung für meinen Sprachkurs');
  await stadt.getByRole('log').getByRole('button', { name: 'Ausblenden' }).last().click();
  const hideForm = stadt.getByRole('form', { name: 'Nachricht von Nils Nordsachsen ausblenden' });
  await expect(hideForm.getByLabel(/^Grund/)).toBeFocused();
  await expectNoSeriousA11yViolations(stadt);
  await hideForm.getByLabel(/^Grund/).fill('Werbung');
  await hideForm.getByRole('button', { name: 'Ausblenden' }).click();
  for (const page of [stadt, kreis]) {
    await expect(page.getByRole('log')).toContainText('Von der Moderation ausgeblendet.');
    await expect(page.getByRole('log')).not.toContainText('Werbung für meinen Sprachkurs');
  }
  await expect(stadt.getByRole('log')).toContainText('Hallo aus Nordsachsen!');

  // Shared notes: one writes, the others read along.
  await nord.getByRole('textbox', { name: 'Gemeinsame Notizen dieses Termins' }).click();
  await nord.keyboard.type('Wohnungsbörse: die Stadt prüft die Kosten.');
  await expect(kreis.getByRole('textbox', { name: 'Gemeinsame Notizen dieses Termins' })).toContainText('Wohnungsbörse: die Stadt prüft die Kosten.');

  // Two raise their hands; everyone sees the same order.
  await nord.getByRole('button', { name: 'Melden', exact: true }).click();
  await expect(nord.getByRole('list', { name: 'Redeliste' })).toContainText('Nils Nordsachsen');
  await kreis.getByRole('button', { name: 'Melden', exact: true }).click();
  for (const page of [stadt, nord, kreis]) {
    await expect(page.getByRole('list', { name: 'Redeliste' }).getByRole('listitem')).toHaveText([/Nils Nordsachsen/, /Ina Integration/]);
  }
  await stadt.getByRole('button', { name: 'Nächste Person aufrufen' }).click();
  for (const page of [nord, kreis]) await expect(page.getByText('Es spricht: Nils Nordsachsen')).toBeVisible();

  // A poll: the moderator asks, the others vote, everyone sees the result.
  const ask = stadt.getByRole('form', { name: 'Neue Abstimmung' });
  await ask.getByLabel('Frage').fill('Gemeinsame Wohnungsbörse einrichten?');
  await ask.getByLabel(/^Antworten/).fill('Ja\nNein');
  await ask.getByRole('button', { name: 'Abstimmung starten' }).click();
  for (const page of [nord, kreis]) {
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Abstimmen' }).click();
  }
  await expect(stadt.getByRole('group', { name: 'Ergebnis: Gemeinsame Wohnungsbörse einrichten?' })).toContainText('Ja: 2');
  await expectNoSeriousA11yViolations(kreis);

  // Closing the room publishes the protocol as a material.
  // Closing asks first, in the app's own dialog: "Zurück" keeps the room open, focus returns to the button.
  const close = stadt.getByRole('button', { name: 'Raum schließen und Protokoll veröffentlichen' });
  await close.click();
  const closing = stadt.getByRole('dialog', { name: 'Raum schließen und Protokoll veröffentlichen' });
  await expect(closing.getByRole('button', { name: 'Zurück' })).toBeFocused();
  await expectNoSeriousA11yViolations(stadt);
  await stadt.keyboard.press('Escape');
  await expect(closing).toBeHidden();
  await expect(close).toBeFocused();
  await close.click();
  await closing.getByRole('button', { name: 'Raum schließen', exact: true }).click();
  await expect(nord.getByText('Der Raum ist geschlossen.')).toBeVisible();
  await nord.getByRole('link', { name: 'Zum Protokoll (Material)' }).click();
  await expect(nord.getByRole('heading', { level: 1, name: new RegExp(`Protokoll: ${title}`) })).toBeVisible();
  await expect(nord.getByText('Ja: 2')).toBeVisible();
  await expect(nord.getByText('Wohnungsbörse: die Stadt prüft die Kosten.')).toBeVisible();
  await nord.goto('/materialien');
  await expect(nord.getByRole('link', { name: new RegExp(`Protokoll: ${title}`) }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(nord);
});
