import { HealthModule, MetricsModule } from '@onramp/health';
import { PersistenceModule } from '@onramp/persistence';
import { coreModules } from './core-modules';

const env = {
  HOST: '127.0.0.1',
  PORT: 3000,
  NATS_URL: 'nats://127.0.0.1:4222',
  LOG_LEVEL: 'info',
  SHUTDOWN_TIMEOUT_MS: 1000,
  TRUST_PROXY: false,
  RPC_TIMEOUT_MS: 1000,
  JETSTREAM_REPLICAS: 1,
} as const;
const moduleOf = (entry: unknown) =>
  typeof entry === 'function' ? entry : (entry as { module: unknown }).module;

describe('coreModules', () => {
  it('gives a process without a database logging, health and messaging only', () => {
    const modules = coreModules({ service: 'gateway', env }).map(moduleOf);
    expect(modules).toContain(HealthModule);
    expect(modules).not.toContain(PersistenceModule);
    expect(modules).not.toContain(MetricsModule);
  });

  it('adds the database, the outbox and consumer metrics for a service that owns a schema', () => {
    const modules = coreModules({
      service: 'identity',
      env,
      database: {
        schema: 'identity',
        createClient: () => {
          throw new Error('not called');
        },
        env: {
          DATABASE_URL: 'postgresql://u@h/db',
          EVENT_MAX_ATTEMPTS: 10,
          EVENT_RETRY_BASE_MS: 1000,
          EVENT_MAX_WAIT_HOURS: 24,
        },
      },
    });
    expect(modules.map(moduleOf)).toContain(PersistenceModule);
    expect(modules.map(moduleOf)).toContain(MetricsModule);
    const messaging = modules.find(
      (entry) =>
        moduleOf(entry) !== HealthModule &&
        'providers' in (entry as object) &&
        JSON.stringify((entry as { providers: unknown[] }).providers.map(String)).includes(
          'Outbox',
        ),
    );
    expect(messaging).toBeDefined();
  });
});
