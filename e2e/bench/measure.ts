import autocannon from 'autocannon';
import Fastify from 'fastify';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 16);

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** One load run (BENCH_SECONDS long, BENCH_CONNECTIONS at once); a bounded loop on loopback. */
export async function measure(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ duration: seconds, connections, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/** The baseline: plain Fastify answering a constant, on this machine, in the same run. */
export async function constantServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/', () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
