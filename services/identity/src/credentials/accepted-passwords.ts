import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import type { IdentityConfig } from '../config/identity-config';
import { passwordViolations } from './password-policy';

/** The configured password policy, as a guard that rejects with field violations. */
@Injectable()
export class AcceptedPasswords {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: IdentityConfig) {}

  assertAcceptable(password: string, field = 'password'): void {
    const violations = passwordViolations(this.config.PASSWORD_POLICY, password, field);
    if (violations.length > 0) {
      throw new DomainError('validation_failed', 'the password is too weak', violations);
    }
  }
}
