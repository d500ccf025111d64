import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { Objm, type ObjectInfo, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { NATS_CONNECTION } from './nats-connection';

/**
 * The JetStream object store bucket holding uploaded import files: the gateway writes them, any
 * import replica reads them. Files are cut into chunks by NATS, so no message limit applies, and
 * the bucket lives on every NATS server of the cluster (replicas), not on one pod's disk.
 */
export const UPLOADS_BUCKET = 'IMPORT_UPLOADS';
/** Chunks (128 KiB each) a reader may have in hand or on the way. */
const READ_AHEAD_CHUNKS = 8;
const DIGEST_PREFIX = 'SHA-256=';

/** Thrown by `put` when the stream ends up longer than allowed; nothing stays stored. */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the upload is larger than ${maxBytes} bytes`);
  }
}

@Injectable()
export class UploadStore {
  private bucket?: Promise<ObjectStore>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Optional() @Inject(MESSAGING_OPTIONS) private readonly options?: MessagingOptions,
  ) {}

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

  /**
   * The stored bytes, streamed as they are read: chunks are pulled a few at a time, so a slow
   * reader holds a few chunks in memory, never the file (the object store's own `get` takes the
   * whole object in as fast as NATS sends it). Undefined when nothing is stored under `name`.
   */
  async get(name: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const info = await (await this.store()).info(name);
    if (info === null || info.deleted) return undefined;
    return this.chunksOf(info);
  }

  private async *chunksOf(info: ObjectInfo): AsyncIterable<Uint8Array> {
    if (info.chunks === 0) return;
    const consumer = await jetstream(this.connection).consumers.get(`OBJ_${UPLOADS_BUCKET}`, {
      filter_subjects: `$O.${UPLOADS_BUCKET}.C.${info.nuid}`,
    });
    const messages = await consumer.consume({ max_messages: READ_AHEAD_CHUNKS });
    const digest = createHash('sha256');
    try {
      for await (const message of messages) {
        digest.update(message.data);
        yield message.data;
        if (message.info.pending === 0) break;
      }
    } finally {
      await messages.close();
    }
    // The object store's digest: SHA-256, base64url with padding.
    const computed = digest.digest('base64').replace(/\+/g, '-').replace(/\//g, '_');
    if (`${DIGEST_PREFIX}${computed}` !== info.digest)
      throw new Error(`the stored upload ${info.name} is corrupt: its digest does not match`);
  }

  async delete(name: string): Promise<void> {
    await (await this.store()).delete(name);
  }

  private store(): Promise<ObjectStore> {
    // Created by whichever process comes first; `create` opens an existing bucket as it is.
    this.bucket ??= new Objm(jetstream(this.connection))
      .create(UPLOADS_BUCKET, { replicas: this.options?.replicas ?? 1 })
      .catch((error) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }
}
