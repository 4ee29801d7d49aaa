import { expect, expectNoSeriousA11yViolations, signedIn, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText(text, { x: 50, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

test('Stadt Leipzig founds an on-request group; Landkreis Leipzig finds it, is admitted, shares a PDF; Nordsachsen finds it by its text and downloads it', async ({
  newPage,
}) => {
  const name = `AG Sprachmittlung Leipziger Raum ${Date.now()}`;
  const word = `Sprachmittlerpool${Date.now().toString(36)}`;

  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/arbeitsgruppen');
  await stadt.getByRole('button', { name: 'Neue Arbeitsgruppe' }).click();
  const form = stadt.getByRole('form', { name: 'Neue Arbeitsgruppe' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Beschreibung').fill('Dolmetscherpools für Stadt und Landkreis gemeinsam aufbauen.');
  await form.getByRole('combobox', { name: 'Themen' }).click();
  await stadt.getByRole('option', { name: 'Sprache', exact: true }).click();
  await form.getByLabel('Auf Anfrage').check();
  await form.getByRole('combobox', { name: 'Landkreis oder kreisfreie Stadt' }).fill('Leipzig');
  await stadt.getByRole('option', { name: 'Stadt Leipzig', exact: true }).click();
  await expectNoSeriousA11yViolations(stadt);
  await form.getByRole('button', { name: 'Arbeitsgruppe gründen' }).click();
  await expect(stadt.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(stadt.getByText('Stadt Leipzig und Nachbarn')).toBeVisible();
  // Back on the overview, within the app, the new group is listed at once.
  await stadt.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Arbeitsgruppen' }).click();
  await stadt.getByRole('link', { name }).click();
  await expect(stadt.getByRole('heading', { level: 1, name })).toBeVisible();

  const kreis = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', '/');
  const suggestions = kreis.getByRole('region', { name: 'Vorschläge für Sie' });
  await expect(suggestions.getByRole('link', { name })).toBeVisible();
  await expect(suggestions.getByText('Mitglieder aus Nachbarkommunen · Für diese Region')).toBeVisible();
  await expectNoSeriousA11yViolations(kreis);
  await suggestions.getByRole('link', { name }).click();
  await kreis.getByRole('button', { name: 'Beitritt anfragen' }).click();
  await expect(kreis.getByText('Ihre Anfrage liegt der Moderation vor.')).toBeVisible();

  await stadt.reload();
  await stadt.getByRole('tab', { name: 'Mitglieder' }).click();
  await expect(stadt.getByRole('region', { name: 'Beitrittsanfragen' }).getByText('Ina Integration')).toBeVisible();
  await expectNoSeriousA11yViolations(stadt);
  await stadt.getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(stadt.getByRole('list', { name: 'Mitglieder' }).getByText('Ina Integration')).toBeVisible();

  await kreis.reload();
  const groupUrl = kreis.url();
  await kreis.getByRole('tab', { name: 'Materialien' }).click();
  await kreis.getByRole('link', { name: 'Material für diese Gruppe veröffentlichen' }).click();
  const publish = kreis.getByRole('form', { name: 'Material veröffentlichen' });
  await publish.getByLabel('Titel').fill('Leitfaden Sprachmittlung im Landkreis');
  await publish.getByRole('combobox', { name: 'Themen' }).click();
  await kreis.getByRole('option', { name: 'Sprache', exact: true }).click();
  await publish.getByRole('combobox', { name: 'Wer darf es sehen?' }).click();
  await kreis.getByRole('option', { name: 'Alle Mitglieder von Verbund' }).click();
  await publish
    .locator('input[type="file"]')
    .setInputFiles({ name: 'Leitfaden.pdf', mimeType: 'application/pdf', buffer: await pdf(`Der ${word} vermittelt Dolmetscher.`) });
  await expectNoSeriousA11yViolations(kreis);
  await publish.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(kreis.getByRole('heading', { level: 1, name: 'Leitfaden Sprachmittlung im Landkreis' })).toBeVisible();
  await kreis.goto(groupUrl);
  await kreis.getByRole('tab', { name: 'Materialien' }).click();
  await expect(kreis.getByRole('tabpanel', { name: 'Materialien' }).getByText('Leitfaden Sprachmittlung im Landkreis')).toBeVisible();

  const nord = await signedIn(newPage, 'integration@nordsachsen.example', 'Verbund-Demo-Nordsachsen-2026', '/materialien');
  await nord.getByLabel('Suche in Titeln, Texten und Dateien').fill(word);
  const hit = nord.getByRole('article').filter({ hasText: 'Leitfaden Sprachmittlung im Landkreis' });
  await expect(hit.locator('mark')).toHaveText(word);
  await expectNoSeriousA11yViolations(nord);
  await hit.getByRole('link', { name: 'Leitfaden Sprachmittlung im Landkreis' }).click();
  const download = nord.waitForEvent('download');
  await nord.getByRole('link', { name: /Herunterladen/ }).click();
  const file = await readFile(await (await download).path());
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  await nord.getByRole('button', { name: 'Nützlich für uns' }).click();
  await expect(nord.getByRole('region', { name: 'Im Einsatz bei' }).getByRole('link', { name: 'Nordsachsen' })).toBeVisible();
  await expectNoSeriousA11yViolations(nord);

  // Leaving asks first and says how to come back to a group on request; "Zurück" changes nothing.
  await kreis.goto(groupUrl);
  const leave = kreis.getByRole('button', { name: 'Gruppe verlassen' });
  await leave.click();
  const leaving = kreis.getByRole('dialog', { name: `Die Gruppe „${name}“ verlassen?` });
  await expect(leaving).toContainText('Für einen erneuten Beitritt stellen Sie wieder eine Anfrage an die Moderation.');
  await leaving.getByRole('button', { name: 'Zurück' }).click();
  await expect(leaving).toBeHidden();
  await expect(leave).toBeVisible();
  await leave.click();
  await leaving.getByRole('button', { name: 'Ja, verlassen' }).click();
  await expect(kreis.getByRole('button', { name: 'Beitritt anfragen' })).toBeVisible();
  await stadt.reload();
  await stadt.getByRole('tab', { name: 'Mitglieder' }).click();
  const members = stadt.getByRole('list', { name: 'Mitglieder' });
  await expect(members.getByText('Lea Leipzig')).toBeVisible();
  await expect(members.getByText('Ina Integration')).toHaveCount(0);
  // The moderator alone: nobody to remove, and oneself leaves with "Gruppe verlassen".
  await expect(members.getByRole('button', { name: 'Moderation abgeben' })).toBeVisible();
  await expect(members.getByRole('button', { name: 'Entfernen' })).toHaveCount(0);
});

/** GraphQL as the page's signed-in person, for setting up what a test needs; any error fails the test. */
function graphqlAs(page: Page) {
  return async (query: string, variables?: Record<string, unknown>) => {
    const res = await page.request.post('/graphql', { data: { query, variables } });
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { data: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
}

test('a search with more hits than one page shows the rest on request', async ({ newPage }) => {
  const word = `Seitenprobe${Date.now().toString(36)}`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/suche');
  const graphql = graphqlAs(stadt);
  const { myMemberships } = (await graphql('{ myMemberships { status organization { id } } }')) as {
    myMemberships: { status: string; organization: { id: string } }[];
  };
  const organizationId = myMemberships.find((m) => m.status === 'CONFIRMED')!.organization.id;
  for (let i = 1; i <= 31; i++) {
    await graphql('mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id } }', {
      i: {
        title: `Merkblatt ${word} ${i}`,
        summary: 'Ein Merkblatt von vielen.',
        topics: ['SPRACHE'],
        kind: 'FLYER',
        languages: ['de'],
        licence: 'CC_BY_4_0',
        visibility: 'MEMBERS',
        organizationId,
        markdown: `${word}: Merkblatt Nummer ${i}.`,
      },
    });
  }
  await stadt.goto(`/suche?q=${word}`);
  await expect(stadt.getByText('31 Treffer')).toBeVisible();
  const hits = stadt.getByRole('article').filter({ hasText: `Merkblatt ${word}` });
  await expect(hits).toHaveCount(30);
  const more = stadt.getByRole('button', { name: 'Weitere anzeigen (30 von 31 angezeigt)' });
  await expectNoSeriousA11yViolations(stadt);
  await more.click();
  await expect(hits).toHaveCount(31);
  await expect(more).toBeHidden();
});

test('materials of one municipality, reached from its page, say so and the filter can be lifted', async ({ newPage }) => {
  const kreis = await signedIn(newPage, 'integration@landkreis-leipzig.example', 'Verbund-Demo-Leipzig-2026', '/kommunen/14713');
  await kreis.getByRole('link', { name: /^Materialien aus / }).click();
  await expect(kreis).toHaveURL(/kommune=14713/);
  const scope = kreis.getByRole('button', { name: /^Nur aus .*Leipzig \(Filter aufheben\)$/ });
  await expect(scope).toBeVisible();
  await expectNoSeriousA11yViolations(kreis);
  await scope.click();
  await expect(kreis).not.toHaveURL(/kommune=/);
  await expect(scope).toHaveCount(0);
});

test('a discussion list with more threads than one page shows the rest on request', async ({ newPage }) => {
  const word = `Fallprobe${Date.now().toString(36)}`;
  const stadt = await signedIn(newPage, 'integration@stadt-leipzig.example', 'Verbund-Demo-Stadt-2026', '/arbeitsgruppen');
  const graphql = graphqlAs(stadt);
  const { createGroup } = (await graphql('mutation ($i: CreateGroupInput!) { createGroup(input: $i) { id } }', {
    i: { name: `Archiv ${word}`, description: 'Viele Fälle.', topics: ['SPRACHE'], access: 'CLOSED', region: { kind: 'BUNDESWEIT' } },
  })) as { createGroup: { id: string } };
  for (let i = 1; i <= 31; i++) {
    await graphql('mutation ($i: StartThreadInput!) { startThread(input: $i) { id } }', {
      i: { groupId: createGroup.id, title: `Fall ${word} ${i}`, body: `Fall Nummer ${i}.` },
    });
  }
  await stadt.goto(`/arbeitsgruppen/${createGroup.id}`);
  await stadt.getByRole('tab', { name: 'Diskussion' }).click();
  const threads = stadt.getByRole('button', { name: new RegExp(`^Fall ${word} `) });
  await expect(threads).toHaveCount(30);
  await expect(threads.first()).toHaveAccessibleName(`Fall ${word} 31`);
  const more = stadt.getByRole('button', { name: 'Weitere anzeigen (30 von 31 angezeigt)' });
  await expectNoSeriousA11yViolations(stadt);
  await more.click();
  await expect(threads).toHaveCount(31);
  await expect(threads.last()).toHaveAccessibleName(`Fall ${word} 1`);
  await expect(more).toBeHidden();
});
