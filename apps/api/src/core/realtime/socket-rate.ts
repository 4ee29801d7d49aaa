/**
 * A token bucket per socket: typing sends an update and a cursor per keystroke, so a person stays far below the
 * rate, while a script flooding the room (each event is a NOTIFY to every process) is refused.
 */
export class SocketRate {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond * 5,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Whether one more event may pass now. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The buckets of a process for what people do (pings and cursors have one per connection, system.gateway.ts): one
 * per signed-in person, shared by all their connections, so that a script opening more sockets gains nothing (tabs
 * of one person typing together stay far below the rate); one per anonymous connection. A person's bucket goes with
 * their last connection.
 */
export class SocketRates {
  private readonly people = new Map<string, { rate: SocketRate; connections: number }>();

  constructor(readonly perSecond: number) {}

  /** The bucket for a new connection, and what to call when it closes. */
  connect(userId: string | undefined): { rate: SocketRate; release: () => void } {
    if (!userId) return { rate: new SocketRate(this.perSecond), release: () => undefined };
    const person = this.people.get(userId) ?? { rate: new SocketRate(this.perSecond), connections: 0 };
    person.connections += 1;
    this.people.set(userId, person);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (--person.connections === 0) this.people.delete(userId);
    };
    return { rate: person.rate, release };
  }

  /** People with a bucket on this process (for tests). */
  get size(): number {
    return this.people.size;
  }
}
