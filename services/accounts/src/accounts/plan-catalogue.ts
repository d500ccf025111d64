import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import type { FieldViolation } from '@onramp/errors';
import type { AccountsConfig } from '../config/accounts-config';

/**
 * The installation's plans (ACCOUNT_PLANS) and the feature flags each unlocks. An account's
 * effective flags are worked out whenever it is read, so a changed catalogue reaches every account
 * at once.
 */
@Injectable()
export class PlanCatalogue {
  private readonly plans: ReadonlyMap<string, readonly string[]>;

  constructor(@Inject(SERVICE_CONFIG) config: AccountsConfig) {
    this.plans = new Map(Object.entries(config.ACCOUNT_PLANS));
  }

  /** A plan an account may be given: none ("") or one of the catalogue. */
  violation(plan: string): FieldViolation | undefined {
    if (plan === '' || this.plans.has(plan)) return undefined;
    const known = [...this.plans.keys()].sort();
    return {
      field: 'plan',
      message:
        known.length === 0
          ? 'no plans are offered; leave it empty'
          : `must be empty or one of ${known.map((name) => `"${name}"`).join(', ')}`,
    };
  }

  /** The plan's flags and the account's own, sorted; a plan no longer offered unlocks nothing. */
  effectiveFlags(account: { plan: string; featureFlags: string[] }): string[] {
    const unlocked = this.plans.get(account.plan) ?? [];
    return [...new Set([...unlocked, ...account.featureFlags])].sort();
  }
}
