import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { MetricsModule } from '../metrics/metrics.module';
import { BouncesService } from './bounces.service';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesRpc } from './deliveries.rpc';
import { DeliveriesService } from './deliveries.service';
import { DeliveryChanges } from './delivery-changes';
import { DeliveryLogService } from './delivery-log.service';
import { ProviderRateLimit } from './provider-rate-limit';

@Module({
  imports: [EmailModule, MetricsModule],
  providers: [
    DeliveriesService,
    DeliveriesRepository,
    DeliveryChanges,
    ProviderRateLimit,
    DeliveryLogService,
    BouncesService,
    DeliveriesRpc,
  ],
  exports: [DeliveriesService],
})
export class DeliveriesModule {}
