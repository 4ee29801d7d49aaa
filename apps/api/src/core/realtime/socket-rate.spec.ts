import { SocketRate } from './socket-rate.js';

describe('SocketRate', () => {
  it('lets a burst through, then the steady rate, and refills while quiet', () => {
    const rate = new SocketRate(10, 50, 0);
    const passed = (now: number, n: number) => Array.from({ length: n }, () => rate.take(now)).filter(Boolean).length;
    expect(passed(0, 80)).toBe(50);
    expect(passed(500, 20)).toBe(5);
    expect(passed(10_500, 80)).toBe(50);
  });
});
