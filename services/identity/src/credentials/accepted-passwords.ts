import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError, type FieldViolation } from '@onramp/errors';
import type { IdentityConfig } from '../config/identity-config';
import { passwordViolations } from './password-policy';

/** The configured password policy, as a guard that rejects with field violations. */
@Injectable()
export class AcceptedPasswords {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: IdentityConfig) {}

  /** What the policy finds wrong with `password`, named on `field`; empty when acceptable. */
  violationsOf(password: string, field = 'password'): FieldViolation[] {
    return passwordViolations(this.config.PASSWORD_POLICY, password, field);
  }

  assertAcceptable(password: string, field = 'password'): void {
    const violations = this.violationsOf(password, field);
    if (violations.length > 0) {
      throw new DomainError('validation_failed', 'the password is too weak', violations);
    }
  }
}
