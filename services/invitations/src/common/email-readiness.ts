import { Injectable, Logger } from '@nestjs/common';
import { notifications } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';

export interface EmailState {
  status: string;
  reason: string;
}

/**
 * What to tell an inviter about the email at once: "not_sent" when no provider is configured
 * (the email can't be sent until one is activated), "queued" otherwise. The delivery's
 * real outcome follows from notifications' events.
 */
@Injectable()
export class EmailReadiness {
  private readonly logger = new Logger(EmailReadiness.name);

  constructor(private readonly rpc: RpcClient) {}

  async initialStatus(): Promise<EmailState> {
    try {
      const { configured } = await this.rpc.call(
        notifications.NotificationsService.method.getEmailReadiness,
        {},
      );
      return configured
        ? { status: 'queued', reason: '' }
        : { status: 'not_sent', reason: 'provider_not_configured' };
    } catch (error) {
      // The event is in the stream either way; the delivery's outcome will correct the status.
      this.logger.warn(`email readiness unknown: ${(error as Error).message}`);
      return { status: 'queued', reason: '' };
    }
  }
}
