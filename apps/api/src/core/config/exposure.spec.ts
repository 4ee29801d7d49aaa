import { exposureWarning } from './exposure.js';

describe('warning on a development start open to the network', () => {
  it.each(['0.0.0.0', '::', '192.0.2.10', 'verbund.example'])('warns for HOST=%s without NODE_ENV=production', (host) => {
    expect(exposureWarning({ production: false, env: 'development', host })).toMatch(/NODE_ENV=production/);
  });

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.1.1'])('is quiet for the loopback HOST=%s', (host) => {
    expect(exposureWarning({ production: false, env: 'development', host })).toBeNull();
  });

  it('is quiet in production', () => {
    expect(exposureWarning({ production: true, env: 'production', host: '0.0.0.0' })).toBeNull();
  });
});
