import type { FieldViolation } from '@onramp/errors';
import { MAX_TEMPLATE_PART_BYTES } from '@onramp/notification-rules';
import type { Language, MessageKind } from './message-kinds';
import { sampleVariables } from './sample-variables';
import {
  checkMessage,
  compileMessage,
  TEMPLATE_PARTS,
  type CompiledMessage,
  type TemplateParts,
} from './template-catalog';

const TRIAL_BRAND = {
  brandName: 'Brand',
  supportEmail: 'support@brand.example',
  publicUrl: 'https://brand.example',
};

export type ValidatedMessage =
  { ok: true; message: CompiledMessage } | { ok: false; violations: FieldViolation[] };

/**
 * Whether edited templates may be used: each part not empty, within the size bound, acceptable to
 * the template check (compiles, known variables only, everything escaped, no helpers or partials),
 * and rendering with sample data (strict mode catches what parsing alone cannot, e.g. a field
 * looked up on a list). Violations name the part ("subject", "html", "text") and the problem.
 */
export function validateMessage(
  kind: MessageKind,
  language: Language,
  parts: TemplateParts,
): ValidatedMessage {
  const violations: FieldViolation[] = [];
  for (const part of TEMPLATE_PARTS) {
    if (parts[part].trim() === '') violations.push({ field: part, message: 'must not be empty' });
    else if (Buffer.byteLength(parts[part], 'utf8') > MAX_TEMPLATE_PART_BYTES)
      violations.push({ field: part, message: `must be at most ${MAX_TEMPLATE_PART_BYTES} bytes` });
  }
  if (violations.length > 0) return { ok: false, violations };

  const problems = checkMessage(kind, parts);
  if (problems.length > 0)
    return {
      ok: false,
      violations: problems.map(({ part, problem }) => ({ field: part, message: problem })),
    };

  const message = compileMessage(parts);
  const samples = sampleVariables(kind, language, TRIAL_BRAND) as never;
  for (const part of TEMPLATE_PARTS) {
    try {
      message[part](samples);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      violations.push({ field: part, message: `does not render with sample data: ${reason}` });
    }
  }
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, message };
}
