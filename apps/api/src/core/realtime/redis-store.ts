import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { SharedStore } from './shared-store.js';

const ALIVE_SECONDS = 30;

function connectClient(url: string) {
  return createClient({ url });
}
type Client = ReturnType<typeof connectClient>;

/**
 * The shared store in Redis. Presence: a hash per room, socket id → `<process>|<user>`, and a key per process
 * that lives while the process renews it; entries of a process whose key expired (it crashed) are dropped when
 * read. Lists: a sorted set per list, scored by a Redis counter, so that every process sees one order.
 */
export class RedisStore implements SharedStore {
  private readonly process = randomUUID();
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(private readonly client: Client) {
    this.heartbeat = setInterval(() => void this.alive().catch(() => undefined), (ALIVE_SECONDS * 1000) / 3);
    this.heartbeat.unref();
  }

  static async connect(url: string): Promise<RedisStore> {
    const client = connectClient(url);
    await client.connect();
    const store = new RedisStore(client);
    await store.alive();
    return store;
  }

  private alive() {
    return this.client.set(`verbund:process:${this.process}`, '1', { EX: ALIVE_SECONDS });
  }

  async enter(room: string, userId: string, socketId: string): Promise<void> {
    await this.client.hSet(`verbund:presence:${room}`, socketId, `${this.process}|${Date.now()}|${userId}`);
  }

  async leave(room: string, socketId: string): Promise<boolean> {
    return (await this.client.hDel(`verbund:presence:${room}`, socketId)) > 0;
  }

  async present(room: string): Promise<string[]> {
    const key = `verbund:presence:${room}`;
    const entries = Object.entries(await this.client.hGetAll(key)).map(([socketId, value]) => {
      const [process, since, userId] = value.split('|') as [string, string, string];
      return { socketId, process, since: Number(since), userId };
    });
    const processes = [...new Set(entries.map((e) => e.process))];
    const living = new Set(processes);
    if (processes.length) {
      const flags = await this.client.mGet(processes.map((p) => `verbund:process:${p}`));
      processes.forEach((p, i) => flags[i] === null && living.delete(p));
    }
    const dead = entries.filter((e) => !living.has(e.process));
    if (dead.length)
      await this.client.hDel(
        key,
        dead.map((e) => e.socketId),
      );
    return [
      ...new Set(
        entries
          .filter((e) => living.has(e.process))
          .sort((a, b) => a.since - b.since)
          .map((e) => e.userId),
      ),
    ];
  }

  async push(list: string, item: string): Promise<boolean> {
    const order = await this.client.incr(`verbund:order:${list}`);
    return (await this.client.zAdd(`verbund:list:${list}`, { score: order, value: item }, { NX: true })) > 0;
  }

  async remove(list: string, item: string): Promise<boolean> {
    return (await this.client.zRem(`verbund:list:${list}`, item)) > 0;
  }

  async items(list: string): Promise<string[]> {
    return this.client.zRange(`verbund:list:${list}`, 0, -1);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.client.del(`verbund:process:${this.process}`).catch(() => undefined);
    await this.client.quit().catch(() => undefined);
  }
}
