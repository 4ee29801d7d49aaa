import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/accounts/password.js';
import type { PrismaService } from '../../src/core/database/prisma.service.js';
import type { TestApp, TestClient } from './test-app.js';

export const TEST_PASSWORD = 'Korrekt-Pferd-Batterie-42';
let cachedHash: Promise<string> | undefined;

/** A verified person with TEST_PASSWORD (hashed once per run: argon2 is deliberately slow). */
export async function createUser(prisma: PrismaService, overrides: { name?: string; platformAdmin?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      name: overrides.name ?? 'Test Person',
      email: `p-${randomBytes(5).toString('hex')}@verbund.example`,
      passwordHash: await cachedHash,
      emailVerifiedAt: new Date(),
      platformRole: overrides.platformAdmin ? 'ADMIN' : 'USER',
    },
  });
}

export async function municipalityOrganization(prisma: PrismaService, ags: string) {
  const m = await prisma.municipality.findUniqueOrThrow({ where: { ags } });
  return prisma.organization.upsert({
    where: { representsId: m.id },
    update: {},
    create: { kind: 'MUNICIPALITY', name: m.displayName, representsId: m.id, locatedInId: m.id },
  });
}

export async function addMember(prisma: PrismaService, userId: string, ags: string, role: 'MEMBER' | 'ADMIN' = 'MEMBER') {
  const organization = await municipalityOrganization(prisma, ags);
  return prisma.membership.create({
    data: { userId, organizationId: organization.id, role, status: 'CONFIRMED', function: 'INTEGRATIONSKOORDINATION', topics: [] },
  });
}

export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const client = t.client();
  const res = await client.graphql('mutation ($input: LoginInput!) { login(input: $input) { id } }', { input: { email, password } });
  if (res.errors) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
  return client;
}

/** A nationwide working group on language with a moderator and further active members (default: open). */
export async function createGroup(
  prisma: PrismaService,
  name: string,
  moderatorId: string,
  memberIds: string[] = [],
  access: 'OPEN' | 'ON_REQUEST' | 'CLOSED' = 'OPEN',
) {
  return prisma.workingGroup.create({
    data: {
      name,
      description: '',
      topics: ['SPRACHE'],
      access,
      regionKind: 'BUNDESWEIT',
      members: {
        create: [
          { userId: moderatorId, role: 'MODERATOR', status: 'ACTIVE' },
          ...memberIds.map((userId) => ({ userId, role: 'MEMBER' as const, status: 'ACTIVE' as const })),
        ],
      },
    },
  });
}
