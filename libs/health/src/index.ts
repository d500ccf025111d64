export { HealthModule } from './health.module';
export { MetricsModule } from './metrics.module';
export { ReadinessRegistry, type ReadinessProbe } from './readiness-registry';
