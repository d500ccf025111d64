import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@onramp/errors';
import type { z } from 'zod';

type Source = 'body' | 'query' | 'path';

/** Validates once, at the boundary; anything the schema does not know is refused with a 400. */
function validate<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  source: Source,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError(
    'validation_failed',
    source === 'path' ? 'the resource path is not valid' : `the request ${source} is not valid`,
    result.error.issues.map((issue) => ({
      field: issue.path.join('.') || `(${source})`,
      message: issue.message,
    })),
  );
}

@Injectable()
export class ZodBodyPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  /** `optional`: a request without a body is read as `{}` (an object schema decides the rest). */
  constructor(
    private readonly schema: Schema,
    private readonly options: { optional?: boolean } = {},
  ) {}

  /**
   * The pipe of an operation's body: it may be left out exactly when the operation says so, which
   * is also what the OpenAPI document says.
   */
  static of<Schema extends z.ZodType>(operation: {
    body: Schema;
    optionalBody?: true;
  }): ZodBodyPipe<Schema> {
    return new ZodBodyPipe(operation.body, { optional: operation.optionalBody === true });
  }

  transform(value: unknown): z.output<Schema> {
    if (value === undefined || value === null) {
      if (this.options.optional) return validate(this.schema, {}, 'body');
      throw new DomainError('validation_failed', 'a JSON request body is required');
    }
    return validate(this.schema, value, 'body');
  }
}

/** Query strings arrive as strings (or arrays when repeated); schemas coerce what they need. */
@Injectable()
export class ZodQueryPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    return validate(this.schema, value ?? {}, 'query');
  }
}

/** Path parameters, so that a malformed id is a 400 here rather than a failure further on. */
@Injectable()
export class ZodParamsPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    return validate(this.schema, value, 'path');
  }
}
