import { loggedPath } from './access-log.js';

describe('what the access log writes of a path', () => {
  it('leaves out query strings and the secret of a calendar feed', () => {
    expect(loggedPath('/konto/abmelden?token=geheim')).toBe('/konto/abmelden');
    expect(loggedPath('/calendar/feed/Zk3v-geheim_Token.ics')).toBe('/calendar/feed/[redacted]');
    expect(loggedPath('/calendar/feed/Zk3v-geheim_Token.ics?x=1')).toBe('/calendar/feed/[redacted]');
    expect(loggedPath('/calendar/near/Zk3v-geheim_Token.ics')).toBe('/calendar/near/[redacted]');
    expect(loggedPath('/calendar/groups/9b2f4c1e/Zk3v-geheim_Token.ics')).toBe('/calendar/groups/9b2f4c1e/[redacted]');
    expect(loggedPath('/calendar/rounds/9b2f4c1e.ics')).toBe('/calendar/rounds/9b2f4c1e.ics');
  });
});
