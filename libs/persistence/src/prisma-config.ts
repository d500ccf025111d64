import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

/**
 * The Prisma CLI configuration every service uses (`prisma.config.ts` in its folder). The native
 * schema engine cannot be downloaded on every machine Onramp is built on, so the CLI runs on the
 * JavaScript engine; migrations are applied by the service's `migrate` command, not `prisma migrate`.
 */
export function servicePrismaConfig(serviceDir: string): ReturnType<typeof defineConfig> {
  return defineConfig({
    experimental: { adapter: true },
    engine: 'js',
    adapter: () =>
      Promise.resolve(
        new PrismaPg({
          connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/onramp',
        }),
      ),
    schema: path.join(serviceDir, 'prisma', 'schema.prisma'),
    migrations: { path: path.join(serviceDir, 'prisma', 'migrations') },
  });
}
