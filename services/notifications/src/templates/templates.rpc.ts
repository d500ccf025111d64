import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { requireCaller } from '@onramp/authz';
import { notifications } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { TemplatesService, type TemplateView } from './templates.service';

const methods = notifications.TemplatesService.method;

/** The NATS face of template editing. */
@Injectable()
export class TemplatesRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly templates: TemplatesService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.listTemplates, async (request) => ({
      templates: (await this.templates.list(requireCaller(request.caller))).map(templateMessage),
    }));
    this.rpc.handle(methods.putTemplate, async (request) => {
      const { kind, language, subject, html, text } = request;
      const template = await this.templates.put(
        requireCaller(request.caller),
        { kind, language },
        { subject, html, text },
      );
      return { template: templateMessage(template) };
    });
    this.rpc.handle(methods.resetTemplate, async (request) => {
      const { kind, language } = request;
      const template = await this.templates.reset(requireCaller(request.caller), {
        kind,
        language,
      });
      return { template: templateMessage(template) };
    });
    this.rpc.handle(methods.previewTemplate, async (request) => {
      const { kind, language, subject, html, text } = request;
      return this.templates.preview(
        requireCaller(request.caller),
        { kind, language },
        { subject, html, text },
      );
    });
  }
}

function templateMessage(template: TemplateView) {
  return {
    kind: template.kind,
    language: template.language,
    source: template.source,
    ...template.parts,
    variables: template.variables,
    updatedAt: template.updatedAt === undefined ? undefined : timestampFromDate(template.updatedAt),
    updatedBy: template.updatedBy ?? '',
  };
}
