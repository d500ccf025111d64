import { z } from 'zod';
import { emailAddress } from '../http/common.schemas';

/**
 * A record Postmark's bounce and spam complaint webhooks post
 * (https://postmarkapp.com/developer/webhooks/bounce-webhook, …/spam-complaint-webhook). Only the
 * fields used here are checked; the others (ID, ServerID, Content, Metadata…) are let through and
 * dropped, as Postmark adds fields over time and a refused record would be posted again and again.
 */
export const postmarkBounceRecord = z.object({
  RecordType: z.enum(['Bounce', 'SpamComplaint']),
  MessageID: z.string().trim().min(1).max(255),
  // HardBounce, SoftBounce, SpamComplaint, AutoResponder…: notifications decides what each means.
  Type: z.string().trim().min(1).max(100),
  Email: emailAddress(),
  // ISO 8601, e.g. 2019-11-05T16:33:54.9070259Z or 2018-02-20T12:54:23.3396434-05:00.
  BouncedAt: z.iso.datetime({ offset: true }),
  Description: z.string().optional(),
  Details: z.string().optional(),
});

export type PostmarkBounceRecord = z.output<typeof postmarkBounceRecord>;
