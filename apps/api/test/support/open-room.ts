import { DateTime } from 'luxon';
import { PrismaService } from '../../src/core/database/prisma.service.js';
import { addMember, createUser, signIn } from './factories.js';
import type { TestApp, TestClient } from './test-app.js';

/**
 * A round of Stadt Leipzig whose live room is open (it starts in 5 minutes) and `people` more people from
 * Landkreis Leipzig and Nordsachsen registered for it; the host (a member of the hosting administration) first.
 */
export async function openRoom(t: TestApp, title: string, people: number): Promise<{ roundId: string; clients: { id: string; client: TestClient }[] }> {
  const prisma = t.app.get(PrismaService);
  const host = await createUser(prisma);
  const hostOrg = (await addMember(prisma, host.id, '14713')).organizationId;
  const hostClient = await signIn(t, host.email);
  const startsAt = DateTime.now().setZone('Europe/Berlin').plus({ minutes: 5 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const created = await hostClient.graphql<{ createRound: { id: string } }>('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: { title, topics: ['SPRACHE'], hostOrganizationId: hostOrg, videoUrl: 'https://meet.example/raum', startsAt, durationMinutes: 60 },
  });
  const roundId = created.data!.createRound.id;
  const clients = [{ id: host.id, client: hostClient }];
  for (let i = 0; i < people; i++) {
    const user = await createUser(prisma);
    await addMember(prisma, user.id, i % 2 ? '14730' : '14729');
    const client = await signIn(t, user.email);
    await client.graphql(`mutation { registerForRound(input: { roundId: "${roundId}" }) { id } }`);
    clients.push({ id: user.id, client });
  }
  return { roundId, clients };
}
