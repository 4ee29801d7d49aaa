import { jest } from '@jest/globals';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { RequestLogger } from './request-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info', redact: ['*.password'] }, stream) };
}

describe('RequestLogger', () => {
  it('creates the child logger only when a line is written, and the line carries the request id', () => {
    const { lines, logger } = capture();
    const child = jest.spyOn(logger, 'child');
    const log = new RequestLogger(logger, { reqId: 'req-42' }, {});
    expect(child).not.toHaveBeenCalled();

    log.warn({ input: { password: 'geheim' } }, 'refused');
    log.info('again');

    expect(child).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([
      expect.objectContaining({ reqId: 'req-42', msg: 'refused', input: { password: '[Redacted]' } }),
      expect.objectContaining({ reqId: 'req-42', msg: 'again' }),
    ]);
  });

  it('keeps a route log level and respects it', () => {
    const { lines, logger } = capture();
    const log = new RequestLogger(logger, { reqId: 'r' }, { level: 'warn' });
    log.info('dropped');
    log.error('kept');
    expect(log.level).toBe('warn');
    expect(lines.map((l) => l['msg'])).toEqual(['kept']);
  });

  it("passes a route's other child options on, such as serializers", () => {
    const { lines, logger } = capture();
    const log = new RequestLogger(logger, { reqId: 'r' }, { serializers: { user: (user: { id: string }) => user.id } });
    log.info({ user: { id: 'u-1', email: 'a@b.example' } }, 'seen');
    expect(lines[0]).toMatchObject({ user: 'u-1', msg: 'seen' });
  });
});
