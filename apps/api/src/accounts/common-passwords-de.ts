/**
 * Passwords Germans use most, from the Hasso-Plattner-Institut's yearly top-ten lists of its Identity Leak
 * Checker (2016–2024) and the German entries of leaked-password rankings. Words with digits around them
 * ("Sommer2024!") are caught by the pattern check in password.ts, so only whole passwords belong here.
 */
export const COMMON_GERMAN_PASSWORDS = [
  '123456', '12345', '123456789', '12345678', '1234567', '1234567890', '1234', '111111', '000000', '123123',
  'hallo', 'hallo123', 'hallo1234', 'passwort', 'passwort1', 'passwort12', 'passwort123', 'passwort1234', 'kennwort', 'kennwort123',
  'qwertz', 'qwertzu', 'qwertzui', 'qwertzuiop', 'asdfgh', 'asdfghjkl', 'yxcvbnm', 'ichliebedich', 'schatz', 'schatzi',
  'lol123', 'hallihallo', 'ficken', 'geheim', 'geheim123', 'sonne', 'sommer', 'fussball', 'fußball', 'schalke04',
  'bvb09', 'borussia', 'bayern', 'fcbayern', 'werder', 'hamburg', 'berlin', 'deutschland', 'mausi', 'hase',
  'schnecke', 'engel', 'prinzessin', 'blume', 'sonnenschein', 'baby', 'willkommen', 'willkommen1', 'startstart', 'start123',
  'test123', 'test1234', 'internet', 'computer', 'master', 'admin123', 'login123', 'abc123', 'abcd1234', 'iloveyou',
  'dennis', 'michael', 'thomas', 'andreas', 'daniel', 'stefan', 'sabine', 'nicole', 'jennifer', 'schule',
];
