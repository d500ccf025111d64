import { Module } from '@nestjs/common';
import { UserDirectoryConsumer } from './user-directory.consumer';
import { UserDirectoryRepository } from './user-directory.repository';

@Module({ providers: [UserDirectoryConsumer, UserDirectoryRepository] })
export class UserDirectoryModule {}
