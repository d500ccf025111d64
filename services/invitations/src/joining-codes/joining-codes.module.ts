import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { JoiningCodesRpc } from './joining-codes.rpc';
import { JoiningCodesService } from './joining-codes.service';

@Module({ imports: [CommonModule], providers: [JoiningCodesService, JoiningCodesRpc] })
export class JoiningCodesModule {}
