import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';

test('Stadt Leipzig mentions Nordsachsen in the demo group; Nordsachsen’s bell shows 1 live, and its link opens the post', async ({ newPage }) => {
  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/');
  // Whatever earlier tests left: the bell starts from nothing unread.
  const cleared = await nord.request.post('/graphql', { data: { query: 'mutation { markAllNotificationsRead }' } });
  expect(cleared.ok()).toBe(true);
  await nord.reload();
  const bell = nord.getByRole('banner').getByRole('link', { name: /^Benachrichtigungen/ });
  await expect(bell).toHaveAccessibleName('Benachrichtigungen');

  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/arbeitsgruppen');
  await stadt.getByRole('link', { name: 'AG Sprachmittlung Region Leipzig' }).first().click();
  await stadt.getByRole('tab', { name: 'Diskussion' }).click();
  await stadt.getByRole('button', { name: 'Honorarordnung abstimmen' }).click();
  const text = `@Nils Nordsachsen können Sie die Sätze für Nordsachsen prüfen? (${Date.now()})`;
  await stadt.getByRole('form', { name: 'Antworten' }).getByLabel(/^Text/).fill(text);
  await stadt.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(stadt.getByText('können Sie die Sätze für Nordsachsen prüfen?').last()).toBeVisible();

  // No reload: the count arrives over the live connection.
  await expect(bell).toHaveAccessibleName('Benachrichtigungen, 1 ungelesen', { timeout: 5_000 });
  await expect(nord.getByRole('status').filter({ hasText: 'Neue Benachrichtigung: Lea Leipzig hat Sie' })).toHaveCount(1);
  await bell.click();
  await expect(nord.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();
  const item = nord.getByRole('link', { name: /^Lea Leipzig hat Sie in der Diskussion „Honorarordnung abstimmen“/ }).first();
  await expect(item).toBeVisible();
  await expectNoSeriousA11yViolations(nord);
  await item.click();
  await expect(nord.getByRole('heading', { level: 3, name: 'Honorarordnung abstimmen' })).toBeVisible();
  const post = nord.locator('[id^="beitrag-"]').filter({ hasText: 'können Sie die Sätze für Nordsachsen prüfen?' }).last();
  await expect(post).toBeFocused();
  await expect(bell).toHaveAccessibleName('Benachrichtigungen');
});

test('a changed notification setting stays chosen, also after reloading', async ({ newPage }) => {
  const page = await signedIn(newPage, 'integration@landkreis-muenchen.example', 'Verbund-Demo-Muenchen-2026', '/benachrichtigungen');
  const choice = page.getByLabel('Benachrichtigung für: Ich rücke von der Warteliste nach', { exact: true });
  await choice.selectOption({ label: 'Tägliche Zusammenfassung' });
  await expect(page.getByText('Gespeichert')).toBeVisible();
  await expect(choice).toHaveValue('DIGEST');
  await page.reload();
  await expect(page.getByLabel('Benachrichtigung für: Ich rücke von der Warteliste nach', { exact: true })).toHaveValue('DIGEST');
});
