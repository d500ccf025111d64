import { Injectable, Logger } from '@nestjs/common';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { postmarkBounceMeansUndelivered } from '../email/postmark-bounces';
import { EmailMetrics } from '../metrics/email-metrics';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryChanges } from './delivery-changes';

/** What a provider reported about an email it had accepted. */
export interface BounceReport {
  provider: string;
  providerMessageId: string;
  recipient: string;
  type: string;
  description: string;
  occurredAt?: Date;
}

export type BounceOutcome = 'bounced' | 'already_bounced' | 'ignored' | 'unknown';

/** The providers that report bounces, each with its reading of a report's type. */
const MEANS_UNDELIVERED: Record<string, (type: string) => boolean> = {
  postmark: postmarkBounceMeansUndelivered,
};

const MAX_MESSAGE_ID_LENGTH = 255;

/**
 * Bounces and spam complaints reported by the provider after it accepted an email: the delivery
 * becomes bounced, with the provider's reason, and EmailDeliveryChanged says so. A report nobody
 * can match is answered, not refused, so the provider does not send it again and again.
 */
@Injectable()
export class BouncesService {
  private readonly logger = new Logger('Bounces');

  constructor(
    private readonly repository: DeliveriesRepository,
    private readonly changes: DeliveryChanges,
    private readonly metrics: EmailMetrics,
  ) {}

  async record(report: BounceReport): Promise<BounceOutcome> {
    const meansUndelivered = readable(report);
    const { provider, providerMessageId, type } = report;
    if (!meansUndelivered(type)) {
      this.logger.log(`${provider} ${type} report for message ${providerMessageId} ignored`);
      return 'ignored';
    }
    const match = { providerMessageId, recipient: report.recipient.trim().toLowerCase() };
    const reason =
      report.description.trim() === '' ? type : `${type}: ${report.description.trim()}`;
    const bounced = await this.repository.markBounced(match, reason, (transaction, delivery) =>
      this.changes.announce(transaction, delivery, report.occurredAt),
    );
    this.changes.published();
    for (const delivery of bounced) {
      this.metrics.bounced.inc({ template: delivery.template, provider });
      this.logger.warn(`${delivery.template} delivery ${delivery.id} bounced: ${type}`);
    }
    if (bounced.length > 0) return 'bounced';
    if (await this.repository.wasBounced(match)) return 'already_bounced';
    // Logged without the address; the message id finds it in the provider's activity log.
    this.logger.warn(
      `${provider} reported ${type} for message ${providerMessageId}, which no sent delivery to that address has; nothing changed`,
    );
    return 'unknown';
  }
}

/** The report's provider's reading of its type, once the report is known to be usable. */
function readable(report: BounceReport): (type: string) => boolean {
  const violations: FieldViolation[] = [];
  const meansUndelivered = MEANS_UNDELIVERED[report.provider];
  if (meansUndelivered === undefined)
    violations.push({
      field: 'provider',
      message: `must be one of ${Object.keys(MEANS_UNDELIVERED).join(', ')}`,
    });
  if (report.providerMessageId.trim() === '')
    violations.push({ field: 'providerMessageId', message: 'must not be empty' });
  else if (report.providerMessageId.length > MAX_MESSAGE_ID_LENGTH)
    violations.push({
      field: 'providerMessageId',
      message: `must be at most ${MAX_MESSAGE_ID_LENGTH} characters`,
    });
  if (report.recipient.trim() === '')
    violations.push({ field: 'recipient', message: 'must not be empty' });
  if (report.type.trim() === '') violations.push({ field: 'type', message: 'must not be empty' });
  if (violations.length > 0 || meansUndelivered === undefined)
    throw new DomainError('validation_failed', 'the bounce report is not usable', violations);
  return meansUndelivered;
}
