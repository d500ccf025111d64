import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';

/** How long each load run lasts. */
export const runSeconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
/** How often baseline and Onramp each run, alternated, so that both see the machine's drift. */
export const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** One load run (BENCH_SECONDS long, BENCH_CONNECTIONS at once); a bounded loop on loopback. */
export async function measure(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ duration: runSeconds, connections, ...options });
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

/** The machine a report was measured on: cores, CPU model, memory and Node version. */
export function machine(): string {
  return (
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  );
}

/** The load shape of a report's runs. */
export function loadShape(): string {
  return `${runSeconds} s per run, ${connections} connections`;
}

/** Prints the machine, then each run beside the baseline (the first run) as a ratio. */
export function report(runs: readonly Figures[], context = ''): void {
  const [baseline] = runs;
  console.log(`machine: ${machine()}; ${loadShape()}${context}`);
  console.table(
    runs.map((figures) => ({
      ...figures,
      ratioToBaseline: (figures.requestsPerSecond / (baseline?.requestsPerSecond ?? 1)).toFixed(4),
    })),
  );
}

/** Runs a benchmark's main and exits with its outcome (the stack's processes must not linger). */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
