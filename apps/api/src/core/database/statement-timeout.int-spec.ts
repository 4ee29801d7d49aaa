import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from './prisma.service.js';

describe('statement timeout of API queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: '300' });
  });
  afterAll(async () => t.close());

  it('cancels a statement that runs longer than DB_STATEMENT_TIMEOUT_MS, and the pool stays usable', async () => {
    const prisma = t.app.get(PrismaService);
    await expect(prisma.$queryRaw`SELECT pg_sleep(3)`).rejects.toThrow(/statement timeout/);
    await expect(prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
  });
});
