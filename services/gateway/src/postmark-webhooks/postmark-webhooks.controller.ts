import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { notifications } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { Public } from '../auth/access.decorators';
import { NO_QUERY } from '../http/http-conventions';
import { ZodBodyPipe } from '../http/zod.pipes';
import { PostmarkWebhookGuard } from './postmark-webhook.guard';
import { postmarkBounceRecord, type PostmarkBounceRecord } from './postmark-webhooks.schemas';

/**
 * Where Postmark's bounce and spam complaint webhooks post. Outside /v1 and the OpenAPI document:
 * the body is Postmark's format, not Onramp's API, and only Postmark calls it.
 */
export const POSTMARK_WEBHOOK_PATH = '/email-events/postmark';

/** The provider's reason is kept with the delivery; longer text only repeats the bounce dump. */
const MAX_DESCRIPTION_LENGTH = 1_000;

@Controller()
export class PostmarkWebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * 200 for every record that could be read, matched to an email or not, so that Postmark stops
   * posting it; the outcome says what became of it.
   */
  @Post(POSTMARK_WEBHOOK_PATH)
  @Public()
  @UseGuards(PostmarkWebhookGuard)
  @HttpCode(200)
  @RouteConfig({ [NO_QUERY]: true })
  async receive(
    @Body(new ZodBodyPipe(postmarkBounceRecord)) record: PostmarkBounceRecord,
  ): Promise<{ outcome: string }> {
    const description = [record.Description, record.Details]
      .map((part) => part?.trim() ?? '')
      .filter((part) => part !== '')
      .join(' — ');
    const { outcome } = await this.rpc.call(
      notifications.NotificationsService.method.recordEmailBounce,
      {
        provider: 'postmark',
        providerMessageId: record.MessageID,
        recipient: record.Email.trim(),
        type: record.Type,
        description: description.slice(0, MAX_DESCRIPTION_LENGTH),
        occurredAt: timestampFromDate(new Date(record.BouncedAt)),
      },
    );
    return { outcome };
  }
}
