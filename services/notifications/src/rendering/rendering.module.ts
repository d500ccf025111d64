import { Module } from '@nestjs/common';
import { TemplateCatalog } from './template-catalog';

@Module({ providers: [TemplateCatalog], exports: [TemplateCatalog] })
export class RenderingModule {}
