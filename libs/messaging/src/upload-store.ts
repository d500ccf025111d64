import { Inject, Injectable } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from './nats-connection';

/**
 * The JetStream object store bucket holding uploaded import files: the gateway writes them, any
 * import replica reads them. Files are cut into chunks by NATS, so no message limit applies, and
 * the bucket lives on every NATS server of the cluster (replicas), not on one pod's disk.
 */
export const UPLOADS_BUCKET = 'IMPORT_UPLOADS';

/** Thrown by `put` when the stream ends up longer than allowed; nothing stays stored. */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the upload is larger than ${maxBytes} bytes`);
  }
}

@Injectable()
export class UploadStore {
  private bucket?: Promise<ObjectStore>;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  /**
   * Stores `content` under `name` as it streams in, and answers its size. A stream longer than
   * `maxBytes` is cut off, and what was stored of it is deleted.
   */
  async put(name: string, content: AsyncIterable<Uint8Array>, maxBytes: number): Promise<number> {
    const store = await this.store();
    let size = 0;
    let tooLarge = false;
    const limited = ReadableStream.from(
      (async function* () {
        for await (const chunk of content) {
          size += chunk.byteLength;
          if (size > maxBytes) {
            tooLarge = true;
            throw new UploadTooLarge(maxBytes);
          }
          yield chunk;
        }
      })(),
    );
    try {
      await store.put({ name }, limited);
    } catch (error) {
      await store.delete(name).catch(() => undefined);
      throw tooLarge ? new UploadTooLarge(maxBytes) : error;
    }
    return size;
  }

  /** The stored bytes, streamed; undefined when nothing is stored under `name`. */
  async get(name: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const result = await (await this.store()).get(name);
    return result === null ? undefined : result.data;
  }

  async delete(name: string): Promise<void> {
    await (await this.store()).delete(name);
  }

  private store(): Promise<ObjectStore> {
    // Created by whichever process comes first; `create` opens an existing bucket as it is.
    this.bucket ??= new Objm(jetstream(this.connection)).create(UPLOADS_BUCKET).catch((error) => {
      this.bucket = undefined;
      throw error;
    });
    return this.bucket;
  }
}
