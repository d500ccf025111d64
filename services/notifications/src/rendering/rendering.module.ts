import { Module } from '@nestjs/common';
import { EmailTemplates } from './email-templates';
import { TemplateCatalog } from './template-catalog';
import { TemplateOverridesRepository } from './template-overrides.repository';

@Module({
  providers: [TemplateCatalog, TemplateOverridesRepository, EmailTemplates],
  exports: [TemplateCatalog, TemplateOverridesRepository, EmailTemplates],
})
export class RenderingModule {}
