import type { ChatMessagePayload, QueuePayload } from '@verbund/shared';
import { eventually } from '../../../test/support/eventually.js';
import { redisAvailable, startRedis, type TestRedis } from '../../../test/support/redis-server.js';
import { openRoom } from '../../../test/support/open-room.js';
import { call, connect, type RoundClient } from '../../../test/support/round-socket.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

// redis-server comes from apt (.ci/run installs it); on a developer machine without it this suite is skipped.
const describeWithRedis = redisAvailable() || process.env.CI ? describe : describe.skip;

describeWithRedis('one live room served by two API processes over Redis', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let roundId: string;
  const sockets: RoundClient[] = [];
  const people: { id: string; cookie: string | undefined }[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp({ REDIS_URL: redis.url, LOGIN_LIMIT_PER_IP: '200' }, { directory: true });
    b = await startTestApp({ REDIS_URL: redis.url }, { sharedDb: a.db });
    const room = await openRoom(a, 'Runde über zwei Prozesse', 6);
    roundId = room.roundId;
    people.push(...room.clients.map((c) => ({ id: c.id, cookie: c.client.cookie })));
    for (const [i, person] of people.entries()) {
      const socket = await connect((i % 2 ? b : a).url, person.cookie);
      sockets.push(socket);
      expect(await call(socket, 'round:join', { roundId })).toMatchObject({ ok: true });
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('agrees on the speaking list under concurrent raises, on both processes', async () => {
    const last = sockets.map(() => null as QueuePayload | null);
    sockets.forEach((s, i) => s.on('queue:update', (q) => (last[i] = q)));
    const raisers = sockets.slice(1);
    await Promise.all(raisers.map((s) => call(s, 'hand:raise', { roundId })));
    const final = await eventually(
      () => last.every((q) => q?.queue.length === raisers.length) && last.every((q) => JSON.stringify(q) === JSON.stringify(last[0])) && last[0],
      'every client sees the same full queue',
      5000,
    );
    if (!final) throw new Error('no queue');
    expect(new Set(final.queue)).toEqual(new Set(people.slice(1).map((p) => p.id)));
    const next = await call(sockets[0]!, 'queue:next', { roundId });
    expect(next).toMatchObject({ ok: true, data: { speaker: final.queue[0], queue: final.queue.slice(1) } });
    await eventually(() => last.every((q) => q?.speaker === final.queue[0]), 'everyone sees the speaker', 5000);
  });

  it('delivers the chat in one order to clients on both processes, and presence lists everyone once', async () => {
    const seen = sockets.map(() => [] as ChatMessagePayload[]);
    sockets.forEach((s, i) => s.on('chat:message', (m) => seen[i]!.push(m)));
    await Promise.all(
      sockets.flatMap((s, i) => [0, 1, 2].map((n) => call(s, 'chat:send', { roundId, clientId: `two-procs-${i}-${n}`, body: `Von ${i}: ${n}` }))),
    );
    const total = sockets.length * 3;
    await eventually(() => seen.every((list) => list.length === total), 'every message everywhere', 5000);
    const order = seen[0]!.map((m) => m.id);
    for (const list of seen) expect(list.map((m) => m.id)).toEqual(order);
    const joined = await call(sockets[1]!, 'round:join', { roundId });
    expect(joined.ok && joined.data.people).toHaveLength(people.length);
  });
});
