import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  body: string;
}

/**
 * A partner's webhook endpoint on loopback (plain HTTP): records every request and answers each
 * path with the statuses it was given, in turn (the last one repeats; 200 when none were given).
 */
export class WebhookReceiver {
  private readonly requests: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, number[]>();
  /** TCP connections accepted, including any that never sent a request. */
  connections = 0;

  private constructor(private readonly server: Server) {
    server.on('connection', () => {
      this.connections += 1;
    });
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.requests.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const script = this.scripts.get(path) ?? [];
        const served = this.requests.filter((received) => received.path === path).length;
        response.statusCode = script[Math.min(served, script.length) - 1] ?? 200;
        response.end('ok');
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new WebhookReceiver(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Requests to `path` are answered these statuses in turn, the last one repeating. */
  answer(path: string, ...statuses: number[]): void {
    this.scripts.set(path, statuses);
  }

  received(path: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
