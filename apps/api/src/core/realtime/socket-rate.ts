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
