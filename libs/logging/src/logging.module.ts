import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { CORRELATION_HEADER, currentCorrelationId, newCorrelationId } from './correlation';
import { CENSOR, REDACTED_PATHS, redactRequest } from './redaction';

export interface LoggingOptions {
  service: string;
  level: string;
}

/**
 * pino options shared by every process: JSON lines, the service name and correlation id on each
 * line, secrets redacted (also from request URLs), health probes not logged (they would drown
 * everything else).
 */
export function loggerOptions({ service, level }: LoggingOptions): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      serializers: { req: redactRequest },
      messageKey: 'message',
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
      genReqId: (request: IncomingMessage) => {
        const id = newCorrelationId(request.headers[CORRELATION_HEADER]);
        request.headers[CORRELATION_HEADER] = id;
        return id;
      },
      customAttributeKeys: { reqId: 'correlationId' },
      autoLogging: { ignore: (request) => request.url?.startsWith('/health/') ?? false },
    },
  };
}

@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot(loggerOptions(options))],
      global: true,
    };
  }
}
