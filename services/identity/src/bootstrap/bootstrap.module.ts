import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { FirstAdmin } from './first-admin';

@Module({ imports: [UsersModule], providers: [FirstAdmin] })
export class BootstrapModule {}
