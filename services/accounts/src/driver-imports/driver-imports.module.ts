import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { DriverImportsRepository } from './driver-imports.repository';
import { DriverImportsRpc } from './driver-imports.rpc';
import { DriverImportsService } from './driver-imports.service';

@Module({
  imports: [ImportsModule],
  providers: [DriverImportsRpc, DriverImportsService, DriverImportsRepository],
})
export class DriverImportsModule {}
