/**
 * Where to go after signing in: the page that was asked for, if it is one of the console's own
 * (a path, never another origin: `//evil.example` or `/\evil.example` are refused); else the
 * console's start, which is the first screen the user is offered.
 */
export function nextPage(asked: string | null, fallback = '/'): string {
  if (asked === null || !asked.startsWith('/') || /^\/[/\\]/.test(asked)) return fallback;
  return asked;
}
