import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { isBcryptHash } from './imported-password-hashes';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;
// How Onramp's own hashes begin: any other hash (imported, or of older parameters) is replaced
// at the next successful login.
const OWN_HASH_PREFIX = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

/**
 * argon2id hashing; `verifyOrWaste` keeps unknown emails as slow as known ones. Hashes imported
 * from a legacy system (bcrypt, or argon2id of other parameters) verify with their own algorithm.
 */
@Injectable()
export class PasswordHasher {
  // Made at construction, so that no unknown email's login pays for making it (a second argon2 run
  // a stopwatch could tell from a known email's).
  private readonly dummyHash = this.hash(randomBytes(32).toString('base64url'));

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /** Verifies against `passwordHash`, or against a throw-away hash when there is none. */
  async verifyOrWaste(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (passwordHash !== undefined && isBcryptHash(passwordHash))
      return bcrypt.compare(password, passwordHash);
    const matches = await verify(passwordHash ?? (await this.dummyHash), password);
    return passwordHash !== undefined && matches;
  }

  /** Whether a hash that just verified should be replaced by one of Onramp's own. */
  needsRehash(passwordHash: string): boolean {
    return !passwordHash.startsWith(OWN_HASH_PREFIX);
  }
}
