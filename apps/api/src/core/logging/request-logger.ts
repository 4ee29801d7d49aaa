import type { Bindings, ChildLoggerOptions, Logger } from 'pino';

type LogArgs = [unknown, ...unknown[]];
type LogCall = (...args: LogArgs) => void;

/**
 * Fastify gives every request a child logger carrying its id. Creating a pino child on every request cost a few
 * per cent of the API's throughput (bench/README.md), and most requests never log: this one creates it on the
 * first line written.
 */
export class RequestLogger {
  private created?: Logger;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get log(): Logger {
    // Without options pino takes its fast path; Fastify passes an empty object unless a route sets some.
    return (this.created ??= this.parent.child(this.bindings, Object.keys(this.options).length ? this.options : undefined));
  }

  get level(): string {
    return this.log.level;
  }
  set level(level: string) {
    this.log.level = level;
  }

  fatal(...args: LogArgs): void {
    (this.log.fatal as LogCall)(...args);
  }
  error(...args: LogArgs): void {
    (this.log.error as LogCall)(...args);
  }
  warn(...args: LogArgs): void {
    (this.log.warn as LogCall)(...args);
  }
  info(...args: LogArgs): void {
    (this.log.info as LogCall)(...args);
  }
  debug(...args: LogArgs): void {
    (this.log.debug as LogCall)(...args);
  }
  trace(...args: LogArgs): void {
    (this.log.trace as LogCall)(...args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.log.child(bindings, options);
  }
}
