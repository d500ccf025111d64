import type { Operation } from '../openapi/operation';
import {
  previewTemplateBody,
  putTemplateBody,
  templateListResponse,
  templateParams,
  templatePreviewParams,
  templatePreviewResponse,
  templateResponse,
} from './templates.schemas';

const tag = 'Email templates';
// The notifications service also requires the permission on the platform itself.
const access = { public: false, permission: 'templates.manage' } as const;

export const templatesOperations = {
  list: {
    method: 'get',
    path: '/v1/templates',
    operationId: 'listTemplates',
    summary: 'List the email templates in effect, per message kind and language',
    tag,
    access,
    success: { status: 200, description: 'Every template', schema: templateListResponse },
  },
  put: {
    method: 'put',
    path: '/v1/templates/{key}/{lang}',
    operationId: 'putTemplate',
    summary: 'Replace an email template; refused unless it compiles and uses known variables only',
    tag,
    access,
    params: templateParams,
    body: putTemplateBody,
    success: { status: 200, description: 'The template now in effect', schema: templateResponse },
    problems: [404],
  },
  reset: {
    method: 'delete',
    path: '/v1/templates/{key}/{lang}',
    operationId: 'resetTemplate',
    summary: 'Go back to the shipped email template',
    tag,
    access,
    params: templateParams,
    success: {
      status: 200,
      description: 'The shipped template, now in effect',
      schema: templateResponse,
    },
    problems: [404],
  },
  preview: {
    method: 'post',
    path: '/v1/templates/{key}/{lang}/preview',
    operationId: 'previewTemplate',
    summary: 'Render a template, or candidate parts, with sample data; sends nothing',
    tag,
    access,
    params: templateParams,
    body: previewTemplateBody,
    optionalBody: true,
    success: { status: 200, description: 'The rendered email', schema: templatePreviewResponse },
    problems: [404],
  },
  showPreview: {
    method: 'get',
    path: '/v1/template-previews/{ticket}',
    operationId: 'showTemplatePreview',
    summary:
      'The rendered HTML of a preview, as a document for a sandboxed frame of the console; no bearer credential: the ticket in the path is the capability',
    tag,
    access: { public: true },
    params: templatePreviewParams,
    success: {
      status: 200,
      description:
        'The HTML email: styles and https or data: images load, scripts never; only a page of this origin may frame it',
      html: true,
    },
    problems: [404],
    problemDescriptions: { 404: 'The ticket is unknown, malformed or has expired' },
  },
} satisfies Record<string, Operation>;
