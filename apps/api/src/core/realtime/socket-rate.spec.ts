import { SocketRate, SocketRates } from './socket-rate.js';

describe('SocketRate', () => {
  it('lets a burst through, then the steady rate, and refills while quiet', () => {
    const rate = new SocketRate(10, 50, 0);
    const passed = (now: number, n: number) => Array.from({ length: n }, () => rate.take(now)).filter(Boolean).length;
    expect(passed(0, 80)).toBe(50);
    expect(passed(500, 20)).toBe(5);
    expect(passed(10_500, 80)).toBe(50);
  });
});

describe('SocketRates', () => {
  it('gives all connections of one person one bucket, anonymous connections one each, and forgets a person with their last connection', () => {
    const rates = new SocketRates(10);
    const first = rates.connect('anna');
    const second = rates.connect('anna');
    expect(second.rate).toBe(first.rate);
    expect(rates.connect('ben').rate).not.toBe(first.rate);
    expect(rates.connect(undefined).rate).not.toBe(rates.connect(undefined).rate);
    first.release();
    first.release();
    expect(rates.size).toBe(2);
    second.release();
    expect(rates.size).toBe(1);
    expect(rates.connect('anna').rate).not.toBe(first.rate);
  });
});
