import { Inject, Injectable } from '@nestjs/common';
import { isAllowed, type Caller } from '@onramp/authz';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import type { NotificationsConfig } from '../config/notifications-config';
import { EmailTemplates, type EffectiveTemplate } from '../rendering/email-templates';
import {
  isLanguage,
  isMessageKind,
  LANGUAGES,
  MESSAGE_KINDS,
  MESSAGE_VARIABLES,
  variableNames,
  type Language,
  type MessageKind,
} from '../rendering/message-kinds';
import { sampleVariables } from '../rendering/sample-variables';
import {
  TemplateCatalog,
  type CompiledMessage,
  type TemplateParts,
} from '../rendering/template-catalog';
import { TemplateOverridesRepository } from '../rendering/template-overrides.repository';
import { validateMessage, type ValidatedMessage } from '../rendering/template-validation';

export interface TemplateView extends EffectiveTemplate {
  kind: MessageKind;
  language: Language;
  variables: string[];
}

export interface TemplateAddress {
  kind: string;
  language: string;
}

/** Operators read, edit, reset and preview the email templates of the installation. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly emailTemplates: EmailTemplates,
    private readonly catalog: TemplateCatalog,
    private readonly repository: TemplateOverridesRepository,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async list(caller: Caller): Promise<TemplateView[]> {
    authorize(caller);
    const templates = await this.emailTemplates.current({ fresh: true });
    return MESSAGE_KINDS.flatMap((kind) =>
      LANGUAGES.map((language) => view(kind, language, templates.effective(kind, language))),
    );
  }

  async put(caller: Caller, address: TemplateAddress, parts: TemplateParts): Promise<TemplateView> {
    authorize(caller);
    const { kind, language } = known(address);
    usable(validateMessage(kind, language, parts));
    const row = await this.repository.save(kind, language, parts, caller.userId || caller.apiKeyId);
    this.emailTemplates.changed();
    const { subject, html, text, updatedAt, updatedBy } = row;
    return view(kind, language, {
      parts: { subject, html, text },
      source: 'override',
      updatedAt,
      updatedBy,
    });
  }

  async reset(caller: Caller, address: TemplateAddress): Promise<TemplateView> {
    authorize(caller);
    const { kind, language } = known(address);
    await this.repository.remove(kind, language);
    this.emailTemplates.changed();
    return view(kind, language, {
      parts: this.catalog.shippedParts(kind, language),
      source: 'shipped',
    });
  }

  /** Renders with sample data (a name holding `<script>` shows the escaping); sends nothing. */
  async preview(
    caller: Caller,
    address: TemplateAddress,
    candidate: Partial<TemplateParts>,
  ): Promise<{ subject: string; html: string; text: string }> {
    authorize(caller);
    const { kind, language } = known(address);
    const templates = await this.emailTemplates.current({ fresh: true });
    const effective = templates.effective(kind, language).parts;
    const parts: TemplateParts = {
      subject: candidate.subject ?? effective.subject,
      html: candidate.html ?? effective.html,
      text: candidate.text ?? effective.text,
    };
    const message = usable(validateMessage(kind, language, parts));
    const { subject, html, text } = this.catalog.render(
      kind,
      language,
      sampleVariables(kind, language, {
        brandName: this.config.BRAND_NAME,
        supportEmail: this.config.BRAND_SUPPORT_EMAIL ?? '',
        publicUrl: this.config.PUBLIC_URL,
      }),
      message,
    );
    return { subject, html, text };
  }
}

function authorize(caller: Caller): void {
  // Templates go to every user of the installation: only its operators may change them.
  if (!isAllowed(caller, 'templates.manage', { platform: true }))
    throw new DomainError('forbidden', 'you may not manage email templates');
}

function known(address: TemplateAddress): { kind: MessageKind; language: Language } {
  const { kind, language } = address;
  if (!isMessageKind(kind) || !isLanguage(language))
    throw new DomainError(
      'not_found',
      `there is no ${JSON.stringify(kind)} template in ${JSON.stringify(language)}`,
    );
  return { kind, language };
}

function usable(validated: ValidatedMessage): CompiledMessage {
  if (!validated.ok)
    throw new DomainError('validation_failed', 'the template cannot be used', validated.violations);
  return validated.message;
}

function view(kind: MessageKind, language: Language, template: EffectiveTemplate): TemplateView {
  return { kind, language, variables: variableNames(MESSAGE_VARIABLES[kind]), ...template };
}
