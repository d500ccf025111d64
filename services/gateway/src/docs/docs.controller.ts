import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { openApiDocument } from '../openapi/openapi-document';
import { DOCS_CACHE_CONTROL } from './docs-ui';

@Controller('docs')
export class DocsController {
  private readonly document = openApiDocument();

  /** The OpenAPI 3.1 document at a stable address for client generators (the UI is at /docs). */
  @Public()
  @Get('openapi.json')
  @Header('cache-control', DOCS_CACHE_CONTROL)
  openApi(): ReturnType<typeof openApiDocument> {
    return this.document;
  }
}
