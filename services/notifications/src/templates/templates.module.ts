import { Module } from '@nestjs/common';
import { RenderingModule } from '../rendering/rendering.module';
import { TemplatesRpc } from './templates.rpc';
import { TemplatesService } from './templates.service';

@Module({ imports: [RenderingModule], providers: [TemplatesService, TemplatesRpc] })
export class TemplatesModule {}
