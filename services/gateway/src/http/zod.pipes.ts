import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@onramp/errors';
import type { z } from 'zod';

/** Validates a request body against its schema once, at the boundary; unknown fields are refused. */
@Injectable()
export class ZodBodyPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    if (value === undefined || value === null) {
      throw new DomainError('validation_failed', 'a JSON request body is required');
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new DomainError(
      'validation_failed',
      'the request body is not valid',
      result.error.issues.map((issue) => ({
        field: issue.path.join('.') || '(body)',
        message: issue.message,
      })),
    );
  }
}
