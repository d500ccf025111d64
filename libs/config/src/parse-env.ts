import { z } from 'zod';

/** Raised when the environment does not satisfy a service's schema; its message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the environment once, at start. Every problem is reported in a single line
 * naming each offending variable, so an operator sees at a glance what to fix. Variables the
 * schema does not name are ignored (object schemas strip them), so that one environment, such as
 * `npm start`'s, can serve every service.
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = issue.path.length > 0 ? env[String(issue.path[0])] : undefined;
    return value === undefined || value === ''
      ? `${variable} is required (${issue.message})`
      : `${variable} is invalid: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}
