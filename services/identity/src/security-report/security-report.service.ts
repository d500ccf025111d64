import { actingUserId } from '@onramp/authz';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Caller } from '@onramp/authz';
import { identity } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
import { UserLookup } from '../users/user-lookup';
import { SecurityReportRepository } from './security-report.repository';

/** Recent logins and open sessions, emailed to the user by notifications. */
@Injectable()
export class SecurityReportService {
  constructor(
    private readonly repository: SecurityReportRepository,
    private readonly lookup: UserLookup,
    private readonly outbox: Outbox,
  ) {}

  async request(caller: Caller, userId: string): Promise<void> {
    const user =
      actingUserId(caller) === userId
        ? await this.lookup.visible(caller, userId)
        : await this.lookup.changeable(caller, userId, 'users.manage');
    await this.repository.collect(user.id, async (transaction, facts) => {
      await this.outbox.append(transaction, identity.SecurityReportRequestedSchema, {
        userId: user.id,
        email: user.email,
        name: user.name,
        language: user.language,
        recentLogins: facts.recentLogins.map((login) => ({
          at: timestampFromDate(login.at),
          ip: login.ip,
          userAgent: login.userAgent,
          succeeded: login.succeeded,
        })),
        activeSessions: facts.activeSessions.map((session) => ({
          sessionId: session.id,
          createdAt: timestampFromDate(session.createdAt),
          lastUsedAt: timestampFromDate(session.lastUsedAt),
          ip: session.ip,
          userAgent: session.userAgent,
        })),
        occurredAt: timestampFromDate(new Date()),
      });
    });
    this.outbox.nudge();
  }
}
