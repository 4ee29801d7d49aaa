import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const PASSWORD = 'Sonnenblume-Muldental-2026';

/** The development outbox (/dev/mail): the newest mail to `to` with this subject, as text. */
async function mailText(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto('/dev/mail');
  const item = page.getByRole('listitem').filter({ hasText: to }).filter({ hasText: subject }).first();
  await item.getByRole('link').click();
  return (await page.locator('body').textContent()) ?? '';
}

test('register, confirm via the outbox, ask to join Landkreis Leipzig, get approved by its admin, see its people', async ({ page, newPage }) => {
  const email = `neu-${Date.now()}@verbund.example`;
  await page.goto('/');
  await page.getByRole('link', { name: 'Registrieren' }).first().click();
  await page.getByLabel('Name').fill('Nora Neu');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'E-Mail' })).toBeVisible();

  const token = /token=([\w-]+)/.exec(await mailText(page, email, /bestätigen/))![1];
  await page.goto(`/email-bestaetigen?token=${token}`);
  await expect(page.getByText('Ihre E-Mail-Adresse ist bestätigt')).toBeVisible();

  await page.goto('/anmelden?weiter=/');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  // Before any membership the start page says why there are no suggestions yet, and where to begin.
  const suggestions = page.getByRole('region', { name: 'Vorschläge für Sie' });
  await expect(suggestions).toContainText('Vorschläge gibt es, sobald Ihre Mitgliedschaft in einer Kommune oder Organisation bestätigt ist.');
  await suggestions.getByRole('link', { name: 'Ihre Kommune finden und beitreten' }).click();
  await expect(page).toHaveURL(/\/kommunen$/);
  await page.goto('/kommunen/14729');
  await expect(page.getByRole('heading', { level: 1, name: 'Landkreis Leipzig' })).toBeVisible();
  const join = page.getByRole('form', { name: 'Dieser Kommune beitreten' });
  await join.getByLabel('Ihre Funktion').selectOption({ label: 'Flüchtlingssozialarbeit' });
  await join.getByRole('button', { name: 'Beitritt anfragen' }).click();
  await expect(page.getByText('Ihre Anfrage ist gestellt.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const admin = await newPage();
  await admin.goto('/anmelden?weiter=/anfragen');
  await admin.getByLabel('E-Mail-Adresse').fill('integration@landkreis-leipzig.example');
  await admin.getByLabel('Passwort').fill('Verbund-Demo-Leipzig-2026');
  await admin.getByRole('button', { name: 'Anmelden' }).click();
  const request = admin.getByRole('region', { name: 'Nora Neu – Landkreis Leipzig' });
  await expect(request).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await request.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(admin.getByText('Entschieden: Nora Neu – Bestätigt')).toBeVisible();
  await admin.close();

  await page.reload();
  const people = page.getByRole('list', { name: 'Personen' });
  await expect(people.getByText('Nora Neu')).toBeVisible();
  await expect(people.getByText('Ina Integration')).toBeVisible();
  await expect(people.getByRole('link', { name: 'integration@landkreis-leipzig.example' })).toBeVisible();
  await expect(people.getByRole('button', { name: /entfernen/ })).toHaveCount(0);

  // Nora leaves the office: the admin removes her, after a question; she no longer sees the Landkreis's people.
  const again = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', '/kommunen/14729');
  // Before that, the admin makes her an admin too, after a question, and takes the rights back.
  const list = again.getByRole('list', { name: 'Personen' });
  await list.getByRole('button', { name: 'Nora Neu Admin-Rechte geben' }).click();
  await again.getByRole('dialog', { name: 'Nora Neu Admin-Rechte geben' }).getByRole('button', { name: 'Ja, Admin-Rechte geben' }).click();
  await list.getByRole('button', { name: 'Nora Neu die Admin-Rechte entziehen' }).click();
  const revoke = again.getByRole('dialog', { name: 'Nora Neu die Admin-Rechte entziehen' });
  await expect(revoke).toContainText('bleibt Mitglied');
  await expectNoSeriousA11yViolations(again);
  await revoke.getByRole('button', { name: 'Ja, entziehen' }).click();
  await expect(list.getByRole('button', { name: 'Nora Neu Admin-Rechte geben' })).toBeVisible();
  await expectNoSeriousA11yViolations(again);
  // Nora is told of both.
  await page.goto('/benachrichtigungen');
  await expect(page.getByText('Ina Integration hat Ihnen Admin-Rechte für „Landkreis Leipzig“ gegeben', { exact: false })).toBeVisible();
  await expect(page.getByText('Ina Integration hat Ihnen die Admin-Rechte für „Landkreis Leipzig“ entzogen. Sie bleiben Mitglied.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/kommunen/14729');
  await list.getByRole('button', { name: 'Nora Neu entfernen' }).click();
  const dialog = again.getByRole('dialog', { name: 'Nora Neu entfernen' });
  await expect(dialog).toContainText('nicht mehr arbeitet');
  await expectNoSeriousA11yViolations(again);
  await dialog.getByRole('button', { name: 'Ja, entfernen' }).click();
  await expect(again.getByRole('list', { name: 'Personen' }).getByText('Nora Neu')).toHaveCount(0);
  await again.close();
  await page.reload();
  await expect(page.getByText('Die Personen dieser Kommune sehen nur ihre bestätigten Mitglieder.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Dieser Kommune beitreten' })).toBeVisible();
});

test('a sign-out that does not reach the server says so; the next try signs out', async ({ newPage }) => {
  const page = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/konto');
  await page.route('**/graphql', (route) => (route.request().postData()?.includes('mutation Logout') ? route.abort() : route.fallback()));
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Abmelden hat nicht geklappt' })).toBeVisible();
  await expect(page).toHaveURL(/\/konto$/);
  await page.unroute('**/graphql');
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Anmelden' }).first()).toBeVisible();
});

test('a wrong password is announced without saying whether the address exists', async ({ page }) => {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill('niemand@verbund.example');
  await page.getByLabel('Passwort').fill('Irgendein-Passwort-1');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
  await expectNoSeriousA11yViolations(page);
});

test('in English, answers are said in English: a wrong password, a password that is too common, a reset link requested', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('verbund.language', 'en'));
  await page.goto('/anmelden');
  await page.getByLabel('Email address').fill('nobody@verbund.example');
  await page.locator('input[autocomplete="current-password"]').fill('Any-Password-That-Is-Wrong-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email address or password is wrong.');

  await page.goto('/registrieren');
  await page.getByLabel('Name').fill('Nina English');
  await page.getByLabel('Email address').fill(`nina-${Date.now()}@verbund.example`);
  await page.locator('input[autocomplete="new-password"]').fill('passwort123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert')).toHaveText('This password is too common or too easy to guess. Please choose another one.');
  await expectNoSeriousA11yViolations(page);

  // What succeeds is said in English too, not in the server's German.
  await page.goto('/passwort-vergessen');
  await page.getByLabel('Email address').fill('nobody@verbund.example');
  await page.getByRole('button', { name: 'Request link' }).click();
  await expect(page.getByText('If the details are correct, you will shortly receive an email with the next step.')).toBeVisible();
});

test('a platform admin sees the security log and the people; the account page offers export and deletion', async ({ page }) => {
  await page.goto('/anmelden?weiter=/verwaltung');
  await page.getByLabel('E-Mail-Adresse').fill('admin@verbund.example');
  await page.getByLabel('Passwort').fill('Verbund-Demo-Admin-2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('cell', { name: 'Anmeldung', exact: true }).first()).toBeVisible();
  await expect(page.getByText('integration@landkreis-leipzig.example')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto('/konto');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Daten herunterladen (JSON)' }).click();
  const data = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(data.person.email).toBe('admin@verbund.example');
  await expect(page.getByRole('button', { name: 'Konto endgültig löschen' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
