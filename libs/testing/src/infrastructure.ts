import { startEmbeddedPostgres } from './postgres';
import { startNatsServer } from './nats-server';

export interface Infrastructure {
  /** Server URL (the `postgres` database); tests create their own databases on it. */
  postgresUrl: string;
  natsUrl: string;
  /** How the servers were provided, for the test log. */
  kind: 'given' | 'containers' | 'embedded';
  /** Kills NATS and brings it back on the same address (fault tests). Absent for given servers. */
  restartNats?: () => Promise<void>;
  /**
   * Shuts Postgres down as a restart does, keeping its data, and starts it again on the same
   * address (fault tests). Embedded servers only: absent for given servers and containers.
   */
  postgres?: { stopKeepingData(): Promise<void>; start(): Promise<void> };
  stop(): Promise<void>;
}

const CONTAINER_PROBE_TIMEOUT_MS = 5_000;

/**
 * Real Postgres and NATS for tests: the servers named by TEST_DATABASE_URL / TEST_NATS_URL when
 * given; otherwise containers where a container runtime answers (ONRAMP_TEST_INFRA=containers to
 * insist), otherwise embedded Postgres and a local nats-server (ONRAMP_TEST_INFRA=embedded).
 */
export async function provideInfrastructure(): Promise<Infrastructure> {
  const { TEST_DATABASE_URL, TEST_NATS_URL, ONRAMP_TEST_INFRA } = process.env;
  if (TEST_DATABASE_URL && TEST_NATS_URL) {
    return {
      postgresUrl: TEST_DATABASE_URL,
      natsUrl: TEST_NATS_URL,
      kind: 'given',
      stop: () => Promise.resolve(),
    };
  }
  const useContainers =
    ONRAMP_TEST_INFRA === 'containers' ||
    (ONRAMP_TEST_INFRA !== 'embedded' && (await containerRuntimeAnswers()));
  return useContainers ? startContainers() : startEmbedded();
}

async function startEmbedded(): Promise<Infrastructure> {
  const [postgres, nats] = await Promise.all([startEmbeddedPostgres(), startNatsServer()]);
  return {
    postgresUrl: postgres.url,
    natsUrl: nats.url,
    kind: 'embedded',
    restartNats: () => nats.restart(),
    postgres: { stopKeepingData: () => postgres.stopKeepingData(), start: () => postgres.start() },
    stop: async () => {
      await Promise.all([postgres.stop(), nats.stop()]);
    },
  };
}

async function containerRuntimeAnswers(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CONTAINER_PROBE_TIMEOUT_MS);
  });
  const probe = getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
  const answer = await Promise.race([probe, timeout]);
  clearTimeout(timer);
  return answer;
}

async function startContainers(): Promise<Infrastructure> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [postgres, nats] = await Promise.all([
    new PostgreSqlContainer('postgres:17-alpine')
      .withUsername('postgres')
      .withPassword('postgres')
      .start(),
    new GenericContainer('nats:2.10-alpine')
      .withCommand(['-js'])
      .withExposedPorts(4222)
      .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
      .start(),
  ]);
  return {
    postgresUrl: `postgresql://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}/postgres`,
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    kind: 'containers',
    restartNats: async () => {
      await nats.restart();
    },
    stop: async () => {
      await Promise.all([postgres.stop(), nats.stop()]);
    },
  };
}
