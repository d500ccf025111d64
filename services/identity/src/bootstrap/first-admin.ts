import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigError, SERVICE_CONFIG } from '@onramp/config';
import type { IdentityConfig } from '../config/identity-config';
import { passwordViolations } from '../credentials/password-policy';
import { UsersService } from '../users/users.service';

/**
 * A fresh installation has nobody who could invite anyone: the operator names a first platform
 * admin in the environment. It is created once, only while no user exists at all.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly users: UsersService,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ONRAMP_ADMIN_EMAIL: email, ONRAMP_ADMIN_PASSWORD: password } = this.config;
    if (email === undefined && password === undefined) return;
    if (email === undefined || password === undefined) {
      throw new ConfigError(
        'invalid configuration: ONRAMP_ADMIN_EMAIL and ONRAMP_ADMIN_PASSWORD are set together or not at all',
      );
    }
    const weaknesses = passwordViolations(this.config.PASSWORD_POLICY, password);
    if (weaknesses.length > 0) {
      throw new ConfigError(
        `invalid configuration: ONRAMP_ADMIN_PASSWORD does not satisfy the ${this.config.PASSWORD_POLICY} password policy: ${weaknesses.map((weakness) => weakness.message).join(', ')}`,
      );
    }
    const admin = await this.users.createFirstUser({
      email,
      name: 'Administrator',
      language: 'en',
      password,
      memberships: [
        { platform: true, accountIds: [], roles: ['platform_admin'], additionalPermissions: [] },
      ],
    });
    if (admin !== undefined) this.logger.log(`created the first platform admin ${admin.email}`);
  }
}
