import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { PrismaClient, TemplateOverride } from '../generated/prisma/client';
import type { Language, MessageKind } from './message-kinds';
import type { TemplateParts } from './template-catalog';

/** Templates edited through the API, one row per (kind, language). */
@Injectable()
export class TemplateOverridesRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** Every override: at most one per kind and language, so a handful of rows. */
  async all(): Promise<TemplateOverride[]> {
    return this.database.templateOverride.findMany();
  }

  async save(
    kind: MessageKind,
    language: Language,
    parts: TemplateParts,
    updatedBy: string,
  ): Promise<TemplateOverride> {
    const data = { ...parts, updatedAt: new Date(), updatedBy };
    return this.database.templateOverride.upsert({
      where: { kind_language: { kind, language } },
      create: { kind, language, ...data },
      update: data,
    });
  }

  async remove(kind: MessageKind, language: Language): Promise<void> {
    await this.database.templateOverride.deleteMany({ where: { kind, language } });
  }
}
