import { Module } from '@nestjs/common';
import { DriversModule } from '../drivers/drivers.module';
import { UserDirectoryConsumer } from './user-directory.consumer';
import { UserDirectoryRepository } from './user-directory.repository';

@Module({ imports: [DriversModule], providers: [UserDirectoryConsumer, UserDirectoryRepository] })
export class UserDirectoryModule {}
