import { redisAvailable, startRedis, type TestRedis } from '../../../test/support/redis-server.js';
import { RedisStore } from './redis-store.js';
import { MemoryStore, type SharedStore } from './shared-store.js';

// redis-server comes from apt (.ci/run installs it); on a developer machine without it the Redis half is skipped.
const withRedis = redisAvailable() || process.env.CI ? describe : describe.skip;

/** One behaviour, two implementations: each must pass the same cases. */
function behavesAsSharedStore(make: () => Promise<SharedStore>) {
  let store: SharedStore;
  beforeEach(async () => {
    store = await make();
  });
  afterEach(async () => store.close());

  it('lists each person in a room once, in the order of their earliest open socket, and forgets a socket that leaves', async () => {
    const room = `group:${Math.random()}`;
    await store.enter(room, 'anna', 's1');
    await store.enter(room, 'ben', 's2');
    await store.enter(room, 'anna', 's3');
    expect(await store.present(room)).toEqual(['anna', 'ben']);
    expect(await store.leave(room, 's1')).toBe(true);
    // Anna is still there with her other tab, which came after Ben.
    expect(await store.present(room)).toEqual(['ben', 'anna']);
    expect(await store.leave(room, 's3')).toBe(true);
    expect(await store.leave(room, 's3')).toBe(false);
    expect(await store.present(room)).toEqual(['ben']);
  });

  it('keeps one order for a list, without duplicates', async () => {
    const list = `speakers:${Math.random()}`;
    expect(await store.push(list, 'anna')).toBe(true);
    expect(await store.push(list, 'ben')).toBe(true);
    expect(await store.push(list, 'anna')).toBe(false);
    expect(await store.push(list, 'cem')).toBe(true);
    expect(await store.items(list)).toEqual(['anna', 'ben', 'cem']);
    expect(await store.remove(list, 'ben')).toBe(true);
    expect(await store.remove(list, 'ben')).toBe(false);
    expect(await store.items(list)).toEqual(['anna', 'cem']);
  });
}

describe('the shared store in memory', () => {
  behavesAsSharedStore(async () => new MemoryStore());
});

withRedis('the shared store in Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis?.stop());

  behavesAsSharedStore(() => RedisStore.connect(redis.url));

  it('is one store for two processes, and drops what a stopped process left behind', async () => {
    const a = await RedisStore.connect(redis.url);
    const b = await RedisStore.connect(redis.url);
    await a.enter('group:x', 'anna', 'a1');
    await b.enter('group:x', 'ben', 'b1');
    expect(await b.present('group:x')).toEqual(['anna', 'ben']);
    await b.push('speakers:x', 'ben');
    await a.push('speakers:x', 'anna');
    expect(await a.items('speakers:x')).toEqual(['ben', 'anna']);
    // Process A ends without removing its sockets (as a crash would): its entries no longer count.
    await a.close();
    expect(await b.present('group:x')).toEqual(['ben']);
    await b.close();
  });
});
