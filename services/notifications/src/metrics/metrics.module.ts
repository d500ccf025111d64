import { Module } from '@nestjs/common';
import { ConsumerLagMetrics } from './consumer-lag-metrics';
import { EmailMetrics } from './email-metrics';
import { MetricsController } from './metrics.controller';

@Module({
  controllers: [MetricsController],
  providers: [EmailMetrics, ConsumerLagMetrics],
  exports: [EmailMetrics],
})
export class MetricsModule {}
