import { Test } from '@nestjs/testing';
import { HealthController } from './health.controller';
import { HealthModule } from './health.module';
import { ReadinessRegistry } from './readiness-registry';

describe('HealthController', () => {
  async function setup() {
    const moduleRef = await Test.createTestingModule({ imports: [HealthModule] }).compile();
    const reply = {
      code: 200,
      status(code: number) {
        this.code = code;
      },
    };
    return {
      controller: moduleRef.get(HealthController),
      registry: moduleRef.get(ReadinessRegistry),
      reply,
    };
  }

  it('reports live without consulting dependencies', async () => {
    const { controller, registry, reply } = await setup();
    registry.register('database', () => Promise.reject(new Error('down')));
    await expect(controller.live(reply)).resolves.toMatchObject({ status: 'ok' });
    expect(reply.code).toBe(200);
  });

  it('reports ready when every dependency answers', async () => {
    const { controller, registry, reply } = await setup();
    registry.register('database', () => Promise.resolve());
    registry.register('nats', () => Promise.resolve());
    const result = await controller.ready(reply);
    expect(result.status).toBe('ok');
    expect(Object.keys(result.details)).toEqual(['database', 'nats', 'process']);
  });

  it('answers 503 naming the dependency that fails', async () => {
    const { controller, registry, reply } = await setup();
    registry.register('database', () => Promise.reject(new Error('connection refused')));
    const result = await controller.ready(reply);
    expect(reply.code).toBe(503);
    expect(result.error).toMatchObject({
      database: { status: 'down', message: 'connection refused' },
    });
  });

  it('answers 503 once the process is draining', async () => {
    const { controller, registry, reply } = await setup();
    registry.markDraining();
    await controller.ready(reply);
    expect(reply.code).toBe(503);
  });
});
