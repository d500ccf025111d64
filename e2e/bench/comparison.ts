/**
 * Onramp beside the bare baseline (baseline/), in the same run, alternated round by round so that
 * both sides meet the same machine (other load on it drifts), and the ratio printed.
 */
import type autocannon from 'autocannon';
import {
  constantServer,
  loadShape,
  machine,
  measure,
  rounds,
  runSeconds,
  type Figures,
} from './measure';

/** One side's outcome of one run: per second, and how many failed (never counted as done work). */
export interface Rate {
  perSecond: number;
  failed: number;
}

export interface Comparison {
  path: string;
  baseline: Rate[];
  onramp: Rate[];
}

/** A load run's rate of successful answers (autocannon counts failed answers as requests too). */
export async function throughput(name: string, options: autocannon.Options): Promise<Rate> {
  const figures = await measure(name, options);
  return {
    perSecond: Math.max(0, Math.round(figures.requestsPerSecond - figures.non2xx / runSeconds)),
    failed: figures.non2xx,
  };
}

/** BENCH_ROUNDS rounds of: the baseline, then Onramp. */
export async function alternate(
  path: string,
  sides: { baseline: () => Promise<Rate>; onramp: () => Promise<Rate> },
): Promise<Comparison> {
  const comparison: Comparison = { path, baseline: [], onramp: [] };
  for (let round = 0; round < rounds; round += 1) {
    comparison.baseline.push(await sides.baseline());
    comparison.onramp.push(await sides.onramp());
  }
  return comparison;
}

/** Plain Fastify answering a constant inside the load generator: what the machine allows at most. */
export async function machineCeiling(): Promise<Figures> {
  const server = await constantServer();
  try {
    return await measure('plain Fastify, constant JSON', { url: server.url });
  } finally {
    await server.close();
  }
}

const mean = (rates: readonly Rate[]): number =>
  rates.reduce((sum, rate) => sum + rate.perSecond, 0) / Math.max(rates.length, 1);

/** The highest rate Onramp reached in the rounds (half of it is the load latency is read at). */
export function best(rates: readonly Rate[]): number {
  return Math.max(0, ...rates.map((rate) => rate.perSecond));
}

/** Prints the machine and load, each path's rounds side by side with the ratio, then the ceiling. */
export function printComparisons(
  comparisons: readonly Comparison[],
  options: { ceiling?: Figures; load?: string } = {},
): void {
  console.log(`machine: ${machine()}`);
  console.log(
    `load: ${options.load ?? loadShape()}; ${rounds} round${rounds === 1 ? '' : 's'}, baseline and Onramp alternated`,
  );
  console.table(
    comparisons.map((comparison) => ({
      path: comparison.path,
      'baseline /s': comparison.baseline.map((rate) => rate.perSecond).join(', '),
      'Onramp /s': comparison.onramp.map((rate) => rate.perSecond).join(', '),
      'ratio (Onramp/baseline)': (mean(comparison.onramp) / mean(comparison.baseline)).toFixed(3),
      'failed (baseline, Onramp)': [comparison.baseline, comparison.onramp]
        .map((rates) => rates.reduce((sum, rate) => sum + rate.failed, 0))
        .join(', '),
    })),
  );
  if (options.ceiling !== undefined) {
    console.log(
      `machine ceiling (plain Fastify answering a constant inside the load generator): ` +
        `${options.ceiling.requestsPerSecond} req/s`,
    );
  }
}
