import { dictionary } from '@zxcvbn-ts/language-common';

/** The ~49k most common leaked passwords (lower case), refused by every policy. */
const commonPasswords: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((password) => password.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}
