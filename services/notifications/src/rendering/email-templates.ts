import { Injectable, Logger } from '@nestjs/common';
import type { TemplateOverride } from '../generated/prisma/client';
import {
  isLanguage,
  isMessageKind,
  resolveLanguage,
  type Language,
  type MessageKind,
  type MessageVariables,
} from './message-kinds';
import {
  TemplateCatalog,
  type CompiledMessage,
  type RenderedEmail,
  type TemplateParts,
} from './template-catalog';
import { TemplateOverridesRepository } from './template-overrides.repository';
import { validateMessage } from './template-validation';

/**
 * How long a replica renders with the overrides it read last. An edit made on another replica
 * reaches this one within this time; an edit made here applies at once.
 */
export const OVERRIDES_MAX_AGE_MS = 5_000;

export interface EffectiveTemplate {
  parts: TemplateParts;
  source: 'shipped' | 'override';
  updatedAt?: Date;
  updatedBy?: string;
}

interface LoadedOverride {
  row: TemplateOverride;
  message: CompiledMessage;
}

/** The templates in effect at one moment: each kind's override when it has one, shipped otherwise. */
export class TemplateSet {
  constructor(
    private readonly catalog: TemplateCatalog,
    private readonly overrides: ReadonlyMap<string, LoadedOverride>,
  ) {}

  render<Kind extends MessageKind>(
    kind: Kind,
    requestedLanguage: string,
    variables: MessageVariables[Kind],
  ): RenderedEmail {
    const language = resolveLanguage(requestedLanguage);
    const override = this.overrides.get(key(kind, language));
    return this.catalog.render(kind, language, variables, override?.message);
  }

  effective(kind: MessageKind, language: Language): EffectiveTemplate {
    const override = this.overrides.get(key(kind, language));
    if (override === undefined)
      return { parts: this.catalog.shippedParts(kind, language), source: 'shipped' };
    const { subject, html, text, updatedAt, updatedBy } = override.row;
    return { parts: { subject, html, text }, source: 'override', updatedAt, updatedBy };
  }
}

/**
 * The template set every email is rendered with. Overrides are read from the database at most
 * every OVERRIDES_MAX_AGE_MS (one small query: there are at most kinds × languages rows) and
 * compiled once per version, so rendering stays function calls.
 */
@Injectable()
export class EmailTemplates {
  private readonly logger = new Logger('EmailTemplates');
  private cached?: { set: TemplateSet; loadedAt: number };
  private loading?: Promise<TemplateSet>;
  /** Bumped by `changed`: a read started before a change must not be kept as current. */
  private generation = 0;
  private readonly compiled = new Map<string, LoadedOverride>();

  constructor(
    private readonly catalog: TemplateCatalog,
    private readonly repository: TemplateOverridesRepository,
  ) {}

  /** The templates in effect; `fresh` reads the database now (the API shows what is stored). */
  async current(options: { fresh?: boolean } = {}): Promise<TemplateSet> {
    const cached = this.cached;
    if (!options.fresh && cached && performance.now() - cached.loadedAt < OVERRIDES_MAX_AGE_MS)
      return cached.set;
    if (options.fresh) return this.load();
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** An override was stored or removed through this replica: use it from the next render on. */
  changed(): void {
    this.generation += 1;
    this.cached = undefined;
  }

  private async load(): Promise<TemplateSet> {
    const generation = this.generation;
    const loadedAt = performance.now();
    const overrides = new Map<string, LoadedOverride>();
    for (const row of await this.repository.all()) {
      const loaded = this.compile(row);
      if (loaded) overrides.set(key(row.kind, row.language), loaded);
    }
    const set = new TemplateSet(this.catalog, overrides);
    if (generation === this.generation) this.cached = { set, loadedAt };
    return set;
  }

  private compile(row: TemplateOverride): LoadedOverride | undefined {
    const known = this.compiled.get(key(row.kind, row.language));
    if (known && sameVersion(known.row, row)) return known;
    const { kind, language } = row;
    // Stored overrides were checked when saved; one that no longer passes (a kind lost a variable
    // in an upgrade) is skipped, so the shipped template is sent rather than nothing.
    if (!isMessageKind(kind) || !isLanguage(language)) return undefined;
    const validated = validateMessage(kind, language, row);
    if (!validated.ok) {
      this.logger.warn(
        `template override ${kind}/${language} is not usable, the shipped one is sent: ${validated.violations
          .map((violation) => `${violation.field}: ${violation.message}`)
          .join('; ')}`,
      );
      return undefined;
    }
    const loaded = { row, message: validated.message };
    this.compiled.set(key(kind, language), loaded);
    return loaded;
  }
}

function key(kind: string, language: string): string {
  return `${kind}/${language}`;
}

function sameVersion(a: TemplateOverride, b: TemplateOverride): boolean {
  return (
    a.updatedAt.getTime() === b.updatedAt.getTime() &&
    a.subject === b.subject &&
    a.html === b.html &&
    a.text === b.text
  );
}
