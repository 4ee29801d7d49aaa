import { passwordProblem } from './password.js';

describe('passwords Germans guess first are refused, without composition rules', () => {
  it.each([
    'passwort123',
    'Passwort123!',
    'hallo12345',
    'ichliebedich',
    'Sommer2024!',
    'Fußball1234',
    'Schalke04!!',
    'Pa55wort2026',
    'Dresden2026!',
    'Sabine19850',
    'Verbund2026!',
    '!!Integration1',
    'qwertz12345',
    'asdfgh2024',
    '1234567890',
    '0987654321',
    '1212121212',
  ])('refuses %j', (password) => {
    expect(passwordProblem(password)).toMatch(/zu verbreitet/);
  });

  it.each(['Korrekt-Pferd-Batterie-42', 'Sonnenblume-Muldental-2026', 'Ein langer Satz als Passwort', 'Zugvögel über der Mulde', '8407125963', 'tq9-Lmz#x2Fw'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password)).toBeNull();
    },
  );

  it('still refuses short passwords and ones built from the person', () => {
    expect(passwordProblem('kurz123')).toMatch(/mindestens/);
    expect(passwordProblem('Maria-Muster-Garten', { name: 'Maria Muster' })).toBeNull();
    expect(passwordProblem('mariamuster99', { name: 'Maria Muster', email: 'mariamuster@verbund.example' })).toMatch(/zu verbreitet/);
  });
});
