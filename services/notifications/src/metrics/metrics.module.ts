import { Module } from '@nestjs/common';
import { EmailMetrics } from './email-metrics';
import { MetricsController } from './metrics.controller';

@Module({ controllers: [MetricsController], providers: [EmailMetrics], exports: [EmailMetrics] })
export class MetricsModule {}
