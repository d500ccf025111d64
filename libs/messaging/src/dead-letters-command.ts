import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { databaseEnv, parseEnv, serviceEnv } from '@onramp/config';
import type { Database } from '@onramp/persistence';
import { DeadLetterStore } from './dead-letter-store';
import { replayDeadLetters } from './replay';

const USAGE = `usage: dead-letters list [--consumer <name>]
       dead-letters replay <id>
       dead-letters replay --consumer <name>`;

const commandEnv = serviceEnv
  .pick({ NATS_URL: true })
  .extend(databaseEnv.pick({ DATABASE_URL: true }).shape);

type Command =
  | { action: 'list'; consumer?: string }
  | { action: 'replay'; which: { id: string } | { consumer: string } };

/** Reads `list [--consumer <name>]`, `replay <id>` or `replay --consumer <name>`. */
export function parseDeadLettersCommand(args: string[]): Command | undefined {
  const [action, ...rest] = args;
  const consumer = rest.length === 2 && rest[0] === '--consumer' ? rest[1] : undefined;
  if (action === 'list' && (rest.length === 0 || consumer !== undefined))
    return { action, consumer };
  if (action === 'replay' && consumer !== undefined) return { action, which: { consumer } };
  if (action === 'replay' && rest.length === 1 && !rest[0].startsWith('--'))
    return { action, which: { id: rest[0] } };
  return undefined;
}

/**
 * The body of each service's `dead-letters` command, for operators (`kubectl exec … -- node
 * dist/dead-letters.js list`): lists the messages its consumers failed on, one JSON object per
 * line (ids, consumer, subject, attempts, last error, times; never the message's bytes), and
 * replays parked ones to their consumer. Reads DATABASE_URL and NATS_URL.
 */
export function runDeadLettersCommand(
  service: string,
  createDatabase: (databaseUrl: string) => Database,
  args: string[] = process.argv.slice(2),
): void {
  const command = parseDeadLettersCommand(args);
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  run(service, createDatabase, command).then(
    (exitCode) => process.exit(exitCode),
    (error: unknown) => {
      process.stderr.write(
        `${service} dead-letters: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}

async function run(
  service: string,
  createDatabase: (databaseUrl: string) => Database,
  command: Command,
): Promise<number> {
  const env = parseEnv(commandEnv);
  const database = createDatabase(env.DATABASE_URL);
  try {
    if (command.action === 'list') {
      for (const deadLetter of await new DeadLetterStore(database, service).list(command.consumer))
        process.stdout.write(`${JSON.stringify(deadLetter)}\n`);
      return 0;
    }
    const connection = await connect({ servers: env.NATS_URL, name: `${service}-dead-letters` });
    try {
      const replayed = await replayDeadLetters(
        database,
        jetstream(connection),
        service,
        command.which,
      );
      for (const message of replayed)
        process.stdout.write(`replayed ${message.id} (${message.consumer}, ${message.subject})\n`);
      if (replayed.length > 0) return 0;
      process.stderr.write(`${service} dead-letters: no parked message matches\n`);
      return 1;
    } finally {
      await connection.drain();
    }
  } finally {
    await database.$disconnect();
  }
}
