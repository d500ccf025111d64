import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { MembershipsModule } from './memberships/memberships.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { UserImportsModule } from './user-imports/user-imports.module';
import { UsersModule } from './users/users.module';

/** Every feature of the identity service (shared by main and the integration tests). */
export const identityFeatures = [
  UsersModule,
  MembershipsModule,
  UserImportsModule,
  ProvisioningModule,
  AuthModule,
  PasswordResetModule,
  ApiKeysModule,
  BootstrapModule,
];
