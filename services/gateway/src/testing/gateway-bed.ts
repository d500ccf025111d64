import { startNatsServer, type NatsServer } from '@onramp/testing';
import type { GatewayEnv } from '../gateway-env';
import { FakeIdentity } from './fake-identity';
import { startGateway, type TestGateway } from './start-gateway';

/**
 * The gateway as main builds it, on a real NATS, with one stand-in answering for identity and
 * the service behind the endpoints under test.
 */
export class GatewayBed {
  private constructor(
    private readonly nats: NatsServer,
    readonly fake: FakeIdentity,
    readonly gateway: TestGateway,
  ) {}

  /** Where the bed's NATS listens, for tests that connect to it themselves. */
  get natsUrl(): string {
    return this.nats.url;
  }

  static async start(overrides: Partial<GatewayEnv> = {}): Promise<GatewayBed> {
    const nats = await startNatsServer();
    const fake = await FakeIdentity.connect(nats.url);
    return new GatewayBed(nats, fake, await startGateway(nats.url, overrides));
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    await this.fake.close();
    await this.nats.stop();
  }
}
