import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

interface NewRound {
  title: string;
  topic: string;
  videoUrl: string;
  /** German local time, e.g. `2027-04-07T09:30`. */
  firstDate: string;
  /** Whatever the test sets beyond the required fields, before the form is sent. */
  more?: (form: Locator) => Promise<void>;
}

/** Stadt Leipzig (signed in on `page`, on the rounds page) starts a round it hosts; it then shows in the list. */
export async function createRound(page: Page, round: NewRound): Promise<void> {
  await page.getByRole('button', { name: 'Neue Austauschrunde' }).click();
  const form = page.getByRole('form', { name: 'Neue Austauschrunde' });
  await form.getByLabel('Titel').fill(round.title);
  await form.getByRole('combobox', { name: 'Themen' }).click();
  await page.getByRole('option', { name: round.topic, exact: true }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('combobox', { name: 'Gastgeberin' }).click();
  await page.getByRole('option', { name: 'Stadt Leipzig', exact: true }).click();
  await form.getByLabel(/^Link zur Videokonferenz/).fill(round.videoUrl);
  await form.getByLabel(/^Erster Termin/).fill(round.firstDate);
  await round.more?.(form);
  await form.getByRole('button', { name: 'Austauschrunde anlegen' }).click();
  await expect(page.getByRole('article', { name: round.title }).first()).toBeVisible();
}
