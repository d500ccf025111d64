import { Injectable } from '@nestjs/common';

/** Resolves when the dependency answers, rejects with a reason when it does not. */
export type ReadinessProbe = () => Promise<void>;

/**
 * The dependencies a process needs to serve traffic (its database, NATS). Each is registered by
 * the module that owns the connection, so the health endpoint needs to know none of them.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly probes = new Map<string, ReadinessProbe>();
  private draining = false;

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  entries(): [string, ReadinessProbe][] {
    return [...this.probes.entries()];
  }

  /** Once shutdown starts the process reports not ready, so load balancers stop sending work. */
  markDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }
}
