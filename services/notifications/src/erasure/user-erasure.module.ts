import { Module } from '@nestjs/common';
import { PersonalDataRepository } from './personal-data.repository';
import { UserErasureConsumer } from './user-erasure.consumer';

/** Erasure: a deleted user's personal data leaves the delivery and webhook logs. */
@Module({ providers: [PersonalDataRepository, UserErasureConsumer] })
export class UserErasureModule {}
