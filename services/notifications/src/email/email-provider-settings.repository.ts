import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { EmailProviderSettings, PrismaClient } from '../generated/prisma/client';

/** The installation's single row. */
const ROW_ID = 1;

export type EmailProviderSettingsValues = Omit<EmailProviderSettings, 'id'>;

@Injectable()
export class EmailProviderSettingsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  async find(): Promise<EmailProviderSettings | null> {
    return this.database.emailProviderSettings.findUnique({ where: { id: ROW_ID } });
  }

  async save(values: EmailProviderSettingsValues): Promise<EmailProviderSettings> {
    return this.database.emailProviderSettings.upsert({
      where: { id: ROW_ID },
      create: { id: ROW_ID, ...values },
      update: values,
    });
  }

  /** Nothing saved is no error: forgetting is idempotent. */
  async remove(): Promise<void> {
    await this.database.emailProviderSettings.deleteMany({ where: { id: ROW_ID } });
  }
}
