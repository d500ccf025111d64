import { Controller, Get } from '@nestjs/common';
import { openApiDocument } from './openapi-document';

@Controller('docs')
export class DocsController {
  private readonly document = openApiDocument();

  /** The OpenAPI 3.1 document; the browsable UI arrives with the API's authentication work. */
  @Get(['', 'openapi.json'])
  openApi(): ReturnType<typeof openApiDocument> {
    return this.document;
  }
}
