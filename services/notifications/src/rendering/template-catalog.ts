import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import Handlebars from 'handlebars';
import {
  LANGUAGES,
  LAYOUT_TEXT,
  LAYOUT_VARIABLES,
  MESSAGE_KINDS,
  MESSAGE_VARIABLES,
  resolveLanguage,
  type Language,
  type LayoutVariables,
  type MessageKind,
  type MessageVariables,
  type VariableShape,
} from './message-kinds';
import type { NotificationsConfig } from '../config/notifications-config';
import { checkTemplate } from './template-check';

/**
 * The package's templates folder. Resolved from this file (src/rendering or dist/rendering, both
 * two levels below the package), so `node dist/main.js` finds it from any working directory.
 */
export const TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates');

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The language actually used (the requested one, or the fallback). */
  language: Language;
}

/** The Handlebars sources of one message kind in one language (the layout is shared). */
export interface TemplateParts {
  subject: string;
  html: string;
  text: string;
}

export const TEMPLATE_PARTS = [
  'subject',
  'html',
  'text',
] as const satisfies readonly (keyof TemplateParts)[];
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

type Render<Variables> = (variables: Variables) => string;

export interface CompiledMessage<Variables = never> {
  subject: Render<Variables>;
  html: Render<Variables>;
  text: Render<Variables>;
}

/** Strict: a variable missing at render time is a bug and throws rather than printing nothing. */
const HTML_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true };
// Subject and plain text are not HTML: escaping there would show `&amp;` to the reader.
const TEXT_OPTIONS: CompileOptions = { ...HTML_OPTIONS, noEscape: true };

/** The problems of each part of a message's templates (empty when all three are acceptable). */
export function checkMessage(
  kind: MessageKind,
  parts: TemplateParts,
): { part: TemplatePart; problem: string }[] {
  return TEMPLATE_PARTS.flatMap((part) =>
    checkTemplate(parts[part], MESSAGE_VARIABLES[kind]).map((problem) => ({ part, problem })),
  );
}

/** Compiles parts that passed `checkMessage`; Handlebars compiles each on first use and keeps it. */
export function compileMessage(parts: TemplateParts): CompiledMessage {
  return {
    subject: Handlebars.compile(parts.subject, TEXT_OPTIONS),
    html: Handlebars.compile(parts.html, HTML_OPTIONS),
    text: Handlebars.compile(parts.text, TEXT_OPTIONS),
  };
}

/**
 * The shipped templates, read, checked and compiled once at start, and the layout every message
 * is rendered into. Rendering is then only function calls.
 */
@Injectable()
export class TemplateCatalog {
  private readonly layout: { html: Render<LayoutVariables>; text: Render<LayoutVariables> };
  private readonly shipped = new Map<string, { parts: TemplateParts; message: CompiledMessage }>();

  constructor(
    // The installation's look; tests may leave it out.
    @Optional()
    @Inject(SERVICE_CONFIG)
    private readonly brand: Pick<NotificationsConfig, 'BRAND_LOGO_URL' | 'BRAND_ACCENT_COLOUR'> = {
      BRAND_ACCENT_COLOUR: '#1f6feb',
    },
  ) {
    this.layout = {
      html: compileFile<LayoutVariables>('layout.html.hbs', LAYOUT_VARIABLES, HTML_OPTIONS, [
        'body',
      ]),
      text: compileFile<LayoutVariables>('layout.txt.hbs', LAYOUT_VARIABLES, TEXT_OPTIONS),
    };
    for (const kind of MESSAGE_KINDS)
      for (const language of LANGUAGES) {
        const read = (part: string) =>
          readFileSync(path.join(TEMPLATES_DIR, kind, `${language}.${part}.hbs`), 'utf8');
        const parts = { subject: read('subject'), html: read('html'), text: read('txt') };
        const problems = checkMessage(kind, parts);
        if (problems.length > 0)
          throw new Error(
            `templates ${kind}/${language}: ${problems.map((found) => `${found.part}: ${found.problem}`).join('; ')}`,
          );
        this.shipped.set(`${kind}/${language}`, { parts, message: compileMessage(parts) });
      }
  }

  /** The shipped sources of a message kind in a language, as the API shows them. */
  shippedParts(kind: MessageKind, language: Language): TemplateParts {
    return this.shippedMessage(kind, language).parts;
  }

  /**
   * Renders with the shipped templates, or with `message` (an override or a candidate, already
   * checked) when given.
   */
  render<Kind extends MessageKind>(
    kind: Kind,
    requestedLanguage: string,
    variables: MessageVariables[Kind],
    message?: CompiledMessage,
  ): RenderedEmail {
    const language = resolveLanguage(requestedLanguage);
    const templates = (message ?? this.shippedMessage(kind, language).message) as CompiledMessage<
      MessageVariables[Kind]
    >;
    // One line: a subject never carries a line break into the header.
    const subject = templates.subject(variables).replace(/\s+/g, ' ').trim();
    const layout = (body: string): LayoutVariables => ({
      language,
      subject,
      brandName: variables.brandName,
      supportEmail: variables.supportEmail,
      logoUrl: this.brand.BRAND_LOGO_URL ?? '',
      accentColour: this.brand.BRAND_ACCENT_COLOUR,
      body,
      footer: LAYOUT_TEXT[language],
    });
    return {
      subject,
      html: this.layout.html(layout(templates.html(variables))),
      text: this.layout.text(layout(templates.text(variables).trim())),
      language,
    };
  }

  private shippedMessage(kind: MessageKind, language: Language) {
    const found = this.shipped.get(`${kind}/${language}`);
    if (found === undefined) throw new Error(`no shipped templates for ${kind}/${language}`);
    return found;
  }
}

function compileFile<Variables>(
  file: string,
  variables: VariableShape,
  options: CompileOptions,
  unescaped: readonly string[] = [],
): Render<Variables> {
  const source = readFileSync(path.join(TEMPLATES_DIR, file), 'utf8');
  const problems = checkTemplate(source, variables, unescaped);
  if (problems.length > 0) throw new Error(`template ${file}: ${problems.join('; ')}`);
  return Handlebars.compile<Variables>(source, options);
}
