import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { UploadStore } from '@onramp/messaging';
import { unstorableText } from '../http/unstorable-text';
import { uploadFields, type UploadFields } from './imports.schemas';

/** What the form's fields and multipart framing may add to the file's own size. */
const FORM_ALLOWANCE_BYTES = 64 * 1024;

export interface Upload {
  objectName: string;
  fileName: string;
  sizeBytes: number;
  fields: UploadFields;
}

/**
 * Reads a multipart upload as it arrives: the file part goes straight into the upload store
 * (never into memory), the form fields are checked wherever they come. Anything wrong deletes
 * what was stored and answers 400, or 413 for a file over `maxBytes`. The whole request is read
 * either way, so that the client receives the answer rather than a reset connection.
 */
export async function readUpload(
  request: FastifyRequest,
  store: UploadStore,
  maxBytes: number,
): Promise<Upload> {
  // A body declared far over the limit is refused before a byte of it is read.
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + FORM_ALLOWANCE_BYTES)
    throw new DomainError('payload_too_large', `the file is larger than ${maxBytes} bytes`);
  const objectName = randomUUID();
  const fields: Record<string, string> = {};
  const violations: FieldViolation[] = [];
  let file: { fileName: string; sizeBytes: number } | undefined;
  let tooLarge = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname in fields || typeof part.value !== 'string')
          violations.push({ field: part.fieldname, message: 'is given twice' });
        else fields[part.fieldname] = part.value;
      } else if (part.fieldname !== 'file' || file !== undefined) {
        part.file.resume();
        violations.push({ field: part.fieldname, message: 'one file only, in the part "file"' });
      } else {
        const sizeBytes = await store.put(objectName, part.file, maxBytes);
        // The multipart limit cuts the file at maxBytes and marks it truncated.
        tooLarge = part.file.truncated;
        file = { fileName: part.filename, sizeBytes };
      }
    }
  } catch (error) {
    await forget(store, objectName, file);
    if (isMultipartProblem(error))
      throw new DomainError(
        'validation_failed',
        `the multipart body cannot be read: ${error.message}`,
      );
    throw error;
  }
  if (tooLarge) {
    await forget(store, objectName, file);
    throw new DomainError('payload_too_large', `the file is larger than ${maxBytes} bytes`);
  }
  violations.push(...unstorableText(fields, 'body'));
  const parsed = uploadFields.safeParse(fields);
  if (!parsed.success)
    violations.push(
      ...parsed.error.issues.map((issue) => ({
        field:
          issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
        message: issue.message,
      })),
    );
  if (file === undefined) violations.push({ field: 'file', message: 'is required' });
  if (violations.length > 0 || !parsed.success || file === undefined) {
    await forget(store, objectName, file);
    throw new DomainError('validation_failed', 'the upload is not valid', violations);
  }
  return { objectName, ...file, fields: parsed.data };
}

async function forget(store: UploadStore, objectName: string, file: object | undefined) {
  if (file !== undefined) await store.delete(objectName).catch(() => undefined);
}

function isMultipartProblem(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && code.startsWith('FST_');
}
