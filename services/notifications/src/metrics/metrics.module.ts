import { Module } from '@nestjs/common';
import { ConsumerLagMetrics } from './consumer-lag-metrics';
import { EmailMetrics } from './email-metrics';

@Module({
  providers: [EmailMetrics, ConsumerLagMetrics],
  exports: [EmailMetrics],
})
export class MetricsModule {}
