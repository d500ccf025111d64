import type { TemplateParts } from './settings.api';

/** Each part the API takes, in UTF-8 bytes (its documented bound). */
export const MAX_TEMPLATE_PART_BYTES = 64 * 1024;

export type TemplatePartProblem = 'partRequired' | 'partTooLong';

/** A template part must say something, and fit the API's bound; whether it compiles is the API's. */
export function templatePartProblem(part: string): TemplatePartProblem | undefined {
  if (part.trim() === '') return 'partRequired';
  return new TextEncoder().encode(part).length > MAX_TEMPLATE_PART_BYTES
    ? 'partTooLong'
    : undefined;
}

export function templateProblems(
  parts: TemplateParts,
): Partial<Record<keyof TemplateParts, TemplatePartProblem>> {
  const problems: Partial<Record<keyof TemplateParts, TemplatePartProblem>> = {};
  for (const name of ['subject', 'html', 'text'] as const) {
    const problem = templatePartProblem(parts[name]);
    if (problem !== undefined) problems[name] = problem;
  }
  return problems;
}
