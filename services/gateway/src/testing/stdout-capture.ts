export interface StdoutCapture {
  /** The JSON lines written so far (log lines); other output is skipped. */
  jsonLines(): Record<string, unknown>[];
  /** Everything written so far. */
  text(): string;
  restore(): void;
}

/**
 * Captures what the process writes to stdout, such as the gateway's request log at LOG_LEVEL
 * info. Start it before the gateway: pino writes through a replaced stdout it finds at start-up.
 */
export function captureStdout(): StdoutCapture {
  const replaced = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  const chunks: string[] = [];
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const text = () => chunks.join('');
  return {
    text,
    jsonLines: () =>
      text()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => {
      if (replaced === undefined) Reflect.deleteProperty(process.stdout, 'write');
      else Object.defineProperty(process.stdout, 'write', replaced);
    },
  };
}
