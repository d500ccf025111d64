import { HealthModule } from '@onramp/health';
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
} as const;
const moduleOf = (entry: unknown) =>
  typeof entry === 'function' ? entry : (entry as { module: unknown }).module;

describe('coreModules', () => {
  it('gives a process without a database logging, health and messaging only', () => {
    const modules = coreModules({ service: 'gateway', env }).map(moduleOf);
    expect(modules).toContain(HealthModule);
    expect(modules).not.toContain(PersistenceModule);
  });

  it('adds the database, and the outbox with it, for a service that owns a schema', () => {
    const modules = coreModules({
      service: 'identity',
      env,
      database: {
        schema: 'identity',
        createClient: () => {
          throw new Error('not called');
        },
      },
    });
    expect(modules.map(moduleOf)).toContain(PersistenceModule);
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
