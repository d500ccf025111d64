import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError } from '@onramp/errors';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from '@onramp/messaging';

/**
 * The JetStream key-value bucket holding rendered previews, so that the replica asked for a
 * preview's document need not be the one that rendered it. NATS drops each entry after the TTL.
 */
export const PREVIEWS_BUCKET = 'TEMPLATE_PREVIEWS';
/** Long enough to look at an email and reload its frame; short enough that nothing lingers. */
export const PREVIEW_TTL_MS = 10 * 60 * 1000;
/** A rendered email beyond this is no email a client would show whole (Gmail clips at 102 KB). */
export const MAX_PREVIEW_BYTES = 512 * 1024;

/** 256 random bits, base64url: the ticket is the only thing that gives access to a preview. */
const TICKET_BYTES = 32;
const TICKET = /^[A-Za-z0-9_-]{43}$/;

@Injectable()
export class TemplatePreviews {
  private bucket?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Optional() @Inject(MESSAGING_OPTIONS) private readonly options?: MessagingOptions,
  ) {}

  /** Keeps a rendered HTML email for the TTL and answers the ticket that finds it again. */
  async keep(html: string): Promise<string> {
    const content = Buffer.from(html, 'utf8');
    if (content.byteLength > MAX_PREVIEW_BYTES)
      throw new DomainError('validation_failed', 'the rendered email is too large to preview', [
        { field: 'html', message: `rendered, it is larger than ${MAX_PREVIEW_BYTES} bytes` },
      ]);
    const ticket = randomBytes(TICKET_BYTES).toString('base64url');
    await (await this.store()).put(ticket, content);
    return ticket;
  }

  /** The HTML kept under a ticket; undefined for one malformed, unknown or expired. */
  async find(ticket: string): Promise<string | undefined> {
    if (!TICKET.test(ticket)) return undefined;
    const entry = await (await this.store()).get(ticket);
    return entry?.operation === 'PUT' ? entry.string() : undefined;
  }

  private store(): Promise<KV> {
    // Created by whichever replica comes first; `create` opens an existing bucket as it is.
    this.bucket ??= new Kvm(this.connection)
      .create(PREVIEWS_BUCKET, {
        ttl: PREVIEW_TTL_MS,
        maxValueSize: MAX_PREVIEW_BYTES,
        history: 1,
        replicas: this.options?.replicas ?? 1,
      })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }
}
