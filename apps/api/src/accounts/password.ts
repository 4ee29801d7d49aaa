import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { dictionary as german } from '@zxcvbn-ts/language-de';
import { COMMON_GERMAN_PASSWORDS } from './common-passwords-de.js';

/** argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 iterations, 1 lane. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set([...(dictionary['passwords-common'] as string[]), ...COMMON_GERMAN_PASSWORDS].map((p) => p.toLowerCase()));

/** Single words people build passwords from: German words and names, English common words, our own name. */
const WORDS = new Set(
  [
    ...(german.commonWords as string[]),
    ...(german.wikipedia as string[]),
    ...(german.firstnames as string[]),
    ...(german.lastnames as string[]),
    ...(dictionary['passwords-common'] as string[]),
    ...COMMON_GERMAN_PASSWORDS,
    'verbund',
    'integration',
    'kommune',
  ].map((w) => w.toLowerCase()),
);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i' };
const KEYBOARD_ROWS = ['1234567890', 'qwertzuiopü', 'asdfghjklöä', 'yxcvbnm', 'qwertyuiop', 'zxcvbnm', '0987654321'];

/** A word, a name or a keyboard run with only digits and symbols around it: "Sommer2024!", "Pa55wort1". */
function isWordWithDecoration(lower: string): boolean {
  const core = lower.replace(/^\P{L}+|\P{L}+$/gu, '');
  if (core.length < 3) return false;
  const plain = [...core].map((c) => LEET[c] ?? c).join('');
  return WORDS.has(core) || WORDS.has(plain) || KEYBOARD_ROWS.some((row) => row.includes(core));
}

/** Digits only, and a run or a repetition: "1234567890", "1212121212". */
function isDigitPattern(password: string): boolean {
  if (!/^\d+$/.test(password)) return false;
  const steps = new Set([...password].slice(1).map((d, i) => (Number(d) - Number(password[i]) + 10) % 10));
  return steps.size === 1 || /^(\d{1,4})\1+\d{0,3}$/.test(password);
}

/** NIST 800-63B: length, no composition rules, no common or obvious passwords. Null when acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  const personal = [context.email, context.email?.split('@')[0], context.name].filter((v): v is string => Boolean(v && v.length >= 4));
  if (
    COMMON.has(lower) ||
    personal.some((p) => lower.includes(p.toLowerCase())) ||
    /^(.)\1+$/.test(password) ||
    isDigitPattern(password) ||
    (!/^\d+$/.test(password) && isWordWithDecoration(lower))
  ) {
    return 'Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Bitte wählen Sie ein anderes.';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

let dummy: Promise<string> | undefined;

/** Verifies, and spends the same time when there is no account, so that timing reveals nothing. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hashPassword('timing-equaliser-not-a-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
