import { MAX_TEMPLATE_PART_BYTES } from '@onramp/notification-rules';
import { z } from 'zod';
import { timestamp } from '../http/common.schemas';

// A character is at least one byte: the bound in bytes is also one in characters.
const part = (description: string) =>
  z
    .string()
    .min(1)
    .max(MAX_TEMPLATE_PART_BYTES)
    .describe(`${description} (Handlebars), at most ${MAX_TEMPLATE_PART_BYTES} bytes of UTF-8`);

export const templateParams = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a message kind, e.g. password-reset')
    .describe('The message kind, e.g. password-reset'),
  lang: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be a language code, e.g. en')
    .describe('en, nl, de or fr'),
});

export const putTemplateBody = z.strictObject({
  subject: part('The subject line'),
  html: part('The HTML body, inside the shared layout'),
  text: part('The plain-text body, inside the shared layout'),
});

export const previewTemplateBody = z.strictObject({
  subject: part('A candidate subject line').optional(),
  html: part('A candidate HTML body').optional(),
  text: part('A candidate plain-text body').optional(),
});

export const templateResponse = z.object({
  key: z.string().describe('The message kind, e.g. password-reset'),
  language: z.string(),
  source: z.enum(['shipped', 'override']).describe('override: edited through the API'),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  variables: z
    .array(z.string())
    .describe('What the template may use: name, or logins.at inside {{#each logins}}'),
  updatedAt: timestamp().nullable().describe('Null for a shipped template'),
  updatedBy: z.string().nullable().describe('Who stored the override; null for a shipped one'),
});

export const templateListResponse = z.object({ items: z.array(templateResponse) });

export const templatePreviewResponse = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  previewUrl: z
    .string()
    .describe(
      'Where the rendered HTML can be shown, styles included, for a few minutes: a document of its own for a sandboxed frame (see GET /v1/template-previews/{ticket})',
    ),
});

export const templatePreviewParams = z.strictObject({
  ticket: z.string().describe('The unguessable ticket of a preview, from its previewUrl'),
});

export type TemplateParams = z.output<typeof templateParams>;
export type PutTemplateBody = z.output<typeof putTemplateBody>;
export type PreviewTemplateBody = z.output<typeof previewTemplateBody>;
export type TemplateResponse = z.output<typeof templateResponse>;
export type TemplateListResponse = z.output<typeof templateListResponse>;
export type TemplatePreviewResponse = z.output<typeof templatePreviewResponse>;
export type TemplatePreviewParams = z.output<typeof templatePreviewParams>;
