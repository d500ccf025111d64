import { Module } from '@nestjs/common';
import { AcceptedPasswords } from './accepted-passwords';
import { PasswordHasher } from './password-hasher';

@Module({
  providers: [AcceptedPasswords, PasswordHasher],
  exports: [AcceptedPasswords, PasswordHasher],
})
export class CredentialsModule {}
