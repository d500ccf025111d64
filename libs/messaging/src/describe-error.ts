/** Stored and logged errors are cut here. */
const MAX_ERROR_LENGTH = 500;

/**
 * An error in one line: its last line only, since database errors put the call and its arguments
 * (which may hold personal data) above the cause.
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lastLine = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .at(-1);
  return (lastLine ?? (error instanceof Error ? error.name : 'unknown error')).slice(
    0,
    MAX_ERROR_LENGTH,
  );
}
