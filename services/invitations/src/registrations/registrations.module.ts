import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { RegistrationsRpc } from './registrations.rpc';
import { RegistrationsService } from './registrations.service';

@Module({ imports: [CommonModule], providers: [RegistrationsService, RegistrationsRpc] })
export class RegistrationsModule {}
