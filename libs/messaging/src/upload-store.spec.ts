import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startNatsServer, type NatsServer } from '@onramp/testing';
import { UploadStore, UploadTooLarge } from './upload-store';

function chunksOf(data: Buffer, size: number): AsyncIterable<Uint8Array> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) chunks.push(data.subarray(at, at + size));
  return Readable.from(chunks);
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe('UploadStore on a real NATS object store', () => {
  let nats: NatsServer;
  let connection: NatsConnection;
  let store: UploadStore;

  beforeAll(async () => {
    nats = await startNatsServer();
    connection = await connect({ servers: nats.url });
    store = new UploadStore(connection);
  });
  afterAll(async () => {
    await connection?.close();
    await nats?.stop();
  });

  it('keeps a file larger than a NATS message, byte for byte, and deletes it', async () => {
    const file = randomBytes(3 * 1024 * 1024 + 17);
    expect(await store.put('big', chunksOf(file, 64 * 1024), 4 * 1024 * 1024)).toBe(file.length);
    expect((await collect((await store.get('big'))!)).equals(file)).toBe(true);
    await store.delete('big');
    expect(await store.get('big')).toBeUndefined();
  });

  it('reads with backpressure: a reader that stops holds a few chunks, not the file', async () => {
    const file = randomBytes(96 * 1024 * 1024);
    await store.put('slow', chunksOf(file, 1024 * 1024), 128 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const reading = (await store.get('slow'))![Symbol.asyncIterator]();
    expect((await reading.next()).done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    await reading.return?.();
    await store.delete('slow');
  }, 60_000);

  it('refuses a stream over the limit and keeps nothing of it', async () => {
    const file = randomBytes(300 * 1024);
    await expect(store.put('over', chunksOf(file, 16 * 1024), 256 * 1024)).rejects.toBeInstanceOf(
      UploadTooLarge,
    );
    expect(await store.get('over')).toBeUndefined();
  });
});
