import type { FieldViolation } from '@onramp/errors';

// The legacy password hashes an import takes, as PHC strings. The cost parameters are bounded so
// that one imported hash cannot make a login take seconds or exhaust memory.
const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
const ARGON2ID = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
const MAX_BCRYPT_COST = 14;
const MAX_ARGON2_MEMORY_KIB = 65_536;
const MAX_ARGON2_ITERATIONS = 10;
const MAX_ARGON2_LANES = 8;

export const TAKEN_HASH_FORMATS = `bcrypt ($2a$, $2b$ or $2y$, cost 4 to ${MAX_BCRYPT_COST}) or argon2id ($argon2id$v=19$, m up to ${MAX_ARGON2_MEMORY_KIB} KiB, t up to ${MAX_ARGON2_ITERATIONS}, p up to ${MAX_ARGON2_LANES})`;

export function isBcryptHash(passwordHash: string): boolean {
  return passwordHash.startsWith('$2');
}

export function importedHashViolations(passwordHash: string): FieldViolation[] {
  return isTakenHash(passwordHash)
    ? []
    : [{ field: 'passwordHash', message: `must be a PHC string of ${TAKEN_HASH_FORMATS}` }];
}

function isTakenHash(passwordHash: string): boolean {
  const bcrypt = BCRYPT.exec(passwordHash);
  if (bcrypt !== null) {
    const cost = Number(bcrypt[1]);
    return cost >= 4 && cost <= MAX_BCRYPT_COST;
  }
  const argon2 = ARGON2ID.exec(passwordHash);
  if (argon2 === null) return false;
  const [memory, iterations, lanes] = argon2.slice(1).map(Number);
  return (
    memory >= 8 * lanes &&
    memory <= MAX_ARGON2_MEMORY_KIB &&
    iterations >= 1 &&
    iterations <= MAX_ARGON2_ITERATIONS &&
    lanes >= 1 &&
    lanes <= MAX_ARGON2_LANES
  );
}
