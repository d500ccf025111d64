import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
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

type Render<Variables> = (variables: Variables) => string;

interface CompiledMessage<Variables> {
  subject: Render<Variables>;
  html: Render<Variables>;
  text: Render<Variables>;
}

/** Strict: a variable missing at render time is a bug and throws rather than printing nothing. */
const HTML_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true };
// Subject and plain text are not HTML: escaping there would show `&amp;` to the reader.
const TEXT_OPTIONS: CompileOptions = { ...HTML_OPTIONS, noEscape: true };

/** Every template, read, checked and compiled once at start; rendering is then only function calls. */
@Injectable()
export class TemplateCatalog {
  private readonly layout: { html: Render<LayoutVariables>; text: Render<LayoutVariables> };
  private readonly messages = new Map<string, CompiledMessage<never>>();

  constructor() {
    this.layout = {
      html: compile<LayoutVariables>('layout.html.hbs', LAYOUT_VARIABLES, HTML_OPTIONS, ['body']),
      text: compile<LayoutVariables>('layout.txt.hbs', LAYOUT_VARIABLES, TEXT_OPTIONS),
    };
    for (const kind of MESSAGE_KINDS)
      for (const language of LANGUAGES) {
        const variables = MESSAGE_VARIABLES[kind];
        const file = (part: string) => path.join(kind, `${language}.${part}.hbs`);
        this.messages.set(`${kind}/${language}`, {
          subject: compile(file('subject'), variables, TEXT_OPTIONS),
          html: compile(file('html'), variables, HTML_OPTIONS),
          text: compile(file('txt'), variables, TEXT_OPTIONS),
        });
      }
  }

  render<Kind extends MessageKind>(
    kind: Kind,
    requestedLanguage: string,
    variables: MessageVariables[Kind],
  ): RenderedEmail {
    const language = resolveLanguage(requestedLanguage);
    const message = this.messages.get(`${kind}/${language}`) as CompiledMessage<
      MessageVariables[Kind]
    >;
    // One line: a subject never carries a line break into the header.
    const subject = message.subject(variables).replace(/\s+/g, ' ').trim();
    const layout = (body: string): LayoutVariables => ({
      language,
      subject,
      brandName: variables.brandName,
      supportEmail: variables.supportEmail,
      body,
      footer: LAYOUT_TEXT[language],
    });
    return {
      subject,
      html: this.layout.html(layout(message.html(variables))),
      text: this.layout.text(layout(message.text(variables).trim())),
      language,
    };
  }
}

function compile<Variables>(
  file: string,
  variables: VariableShape,
  options: CompileOptions,
  unescaped: readonly string[] = [],
): Render<Variables> {
  const source = readFileSync(path.join(TEMPLATES_DIR, file), 'utf8');
  const problems = checkTemplate(source, variables, unescaped);
  if (problems.length > 0) throw new Error(`template ${file}: ${problems.join('; ')}`);
  // Handlebars turns the parsed template into a function on first use and keeps it.
  return Handlebars.compile<Variables>(source, options);
}
