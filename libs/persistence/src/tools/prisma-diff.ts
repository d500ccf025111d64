import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * SQL that turns the `from` datamodel (or nothing) into the `to` datamodel, by `prisma migrate diff`.
 * The CLI runs on its JavaScript engine, which needs a reachable database even to diff two files.
 */
export async function prismaDiff(options: {
  prismaCli: string;
  cwd: string;
  databaseUrl: string;
  /** Starting datamodel file; absent means an empty database. */ from?: string;
  to: string;
  output: string;
}): Promise<void> {
  const from =
    options.from === undefined ? ['--from-empty'] : ['--from-schema-datamodel', options.from];
  await run(
    options.prismaCli,
    [
      'migrate',
      'diff',
      ...from,
      '--to-schema-datamodel',
      options.to,
      '--script',
      '--output',
      options.output,
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
    },
  );
}
