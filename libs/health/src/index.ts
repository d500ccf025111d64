export { HealthModule } from './health.module';
export { ReadinessRegistry, type ReadinessProbe } from './readiness-registry';
