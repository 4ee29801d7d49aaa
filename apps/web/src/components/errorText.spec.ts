import i18next, { type TFunction } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import { errorText } from './errorText';

// Only the first script's texts: a refusal on the sign-in page is shown before the other texts are loaded.
const locale = (language: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), 'src', 'i18n', 'locales', language, 'shell.json'), 'utf8'));

describe('refusals in the reader’s language', () => {
  let t: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { de: { translation: locale('de') }, en: { translation: locale('en') } }, interpolation: { escapeValue: false } });
    t = i18n.t.bind(i18n);
  });

  it('keeps the server’s German text for German readers', () => {
    expect(errorText({ code: 'UNAUTHENTICATED', message: 'E-Mail-Adresse oder Passwort ist falsch.', details: { reason: 'BAD_CREDENTIALS' } }, t, 'de')).toBe(
      'E-Mail-Adresse oder Passwort ist falsch.',
    );
  });

  it.each([
    [
      { code: 'UNAUTHENTICATED', message: 'E-Mail-Adresse oder Passwort ist falsch.', details: { reason: 'BAD_CREDENTIALS' } },
      'Email address or password is wrong.',
    ],
    [
      { code: 'BAD_USER_INPUT', message: 'Das Passwort muss …', details: { field: 'password', reason: 'PASSWORD_TOO_SHORT' } },
      'The password must be at least 10 characters long.',
    ],
    [
      { code: 'BAD_USER_INPUT', message: 'Bitte geben Sie eine gültige E-Mail-Adresse an.', details: { field: 'email' } },
      'This entry was not accepted: email address. Please check it.',
    ],
    [{ code: 'FORBIDDEN', message: 'Dafür fehlt Ihnen die Berechtigung.' }, 'You are not allowed to do that.'],
    [{ code: 'TOO_MANY_REQUESTS', message: 'Zu viele …', details: { retryAfterSeconds: 900 } }, 'Too many attempts. Please wait 15 minutes.'],
    [{ code: 'TOO_MANY_REQUESTS', message: 'Zu viele …', details: { retryAfterSeconds: 86_400 } }, 'Too many attempts. Please wait 24 hours.'],
    [
      { code: 'BAD_USER_INPUT', message: 'Die Anfrage …', details: { limit: 'maxNodes', max: 5000 } },
      'This request would return too many objects (limit: 5000). Please ask for smaller pages.',
    ],
  ])('says %j in English', (error, english) => {
    expect(errorText(error, t, 'en')).toBe(english);
  });

  it('falls back to the server’s text only when nothing else fits', () => {
    expect(errorText({ message: 'Unbekannter Fehler' }, t, 'en')).toBe('Unbekannter Fehler');
  });
});
