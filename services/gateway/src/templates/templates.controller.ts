import { Body, Controller, Param, Res } from '@nestjs/common';
import { notifications, type common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import type { FastifyReply } from 'fastify';
import { CurrentCaller } from '../auth/caller-context';
import { ZodBodyPipe, ZodParamsPipe } from '../http/zod.pipes';
import { toTemplateJson } from '../mappers/notifications.mappers';
import { Endpoint } from '../openapi/operation';
import { PREVIEW_DOCUMENT_HEADERS } from './preview-document-headers';
import { TemplatePreviews } from './template-previews';
import { templatesOperations as api } from './templates.operations';
import {
  putTemplateBody,
  templateParams,
  templatePreviewParams,
  type PreviewTemplateBody,
  type PutTemplateBody,
  type TemplateListResponse,
  type TemplateParams,
  type TemplatePreviewParams,
  type TemplatePreviewResponse,
  type TemplateResponse,
} from './templates.schemas';

const method = notifications.TemplatesService.method;

@Controller()
export class TemplatesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly previews: TemplatePreviews,
  ) {}

  @Endpoint(api.list)
  async list(@CurrentCaller() caller: common.Caller): Promise<TemplateListResponse> {
    const { templates } = await this.rpc.call(method.listTemplates, { caller });
    return { items: templates.map((template) => toTemplateJson(template)) };
  }

  @Endpoint(api.put)
  async put(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(templateParams)) { key, lang }: TemplateParams,
    @Body(new ZodBodyPipe(putTemplateBody)) body: PutTemplateBody,
  ): Promise<TemplateResponse> {
    const { template } = await this.rpc.call(method.putTemplate, {
      caller,
      kind: key,
      language: lang,
      ...body,
    });
    return toTemplateJson(template);
  }

  @Endpoint(api.reset)
  async reset(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(templateParams)) { key, lang }: TemplateParams,
  ): Promise<TemplateResponse> {
    const { template } = await this.rpc.call(method.resetTemplate, {
      caller,
      kind: key,
      language: lang,
    });
    return toTemplateJson(template);
  }

  @Endpoint(api.preview)
  async preview(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(templateParams)) { key, lang }: TemplateParams,
    @Body(ZodBodyPipe.of(api.preview)) body: PreviewTemplateBody,
  ): Promise<TemplatePreviewResponse> {
    const { subject, html, text } = await this.rpc.call(method.previewTemplate, {
      caller,
      kind: key,
      language: lang,
      ...body,
    });
    const ticket = await this.previews.keep(html);
    const previewUrl = api.showPreview.path.replace('{ticket}', ticket);
    return { subject, html, text, previewUrl };
  }

  @Endpoint(api.showPreview)
  async showPreview(
    @Param(new ZodParamsPipe(templatePreviewParams)) { ticket }: TemplatePreviewParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const html = await this.previews.find(ticket);
    if (html === undefined)
      throw new DomainError('not_found', 'this preview does not exist or has expired');
    await reply.headers(PREVIEW_DOCUMENT_HEADERS).send(html);
  }
}
