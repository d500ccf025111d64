import {
  getOption,
  hasOption,
  type DescMessage,
  type DescMethod,
  type Message,
} from '@bufbuild/protobuf';
import type { GenMessage } from '@bufbuild/protobuf/codegenv2';
import { event_subject, subject } from './gen/onramp/options/v1/options_pb';

/** An event message declared in `proto/` with an `event_subject` option. */
export type EventSchema<Event extends Message = Message> = GenMessage<Event>;

export function rpcSubject(method: DescMethod): string {
  if (!hasOption(method, subject)) {
    throw new Error(
      `${method.parent.typeName}.${method.name} declares no (onramp.options.v1.subject)`,
    );
  }
  return getOption(method, subject);
}

export function eventSubject(schema: DescMessage): string {
  if (!hasOption(schema, event_subject)) {
    throw new Error(`${schema.typeName} declares no (onramp.options.v1.event_subject)`);
  }
  return getOption(schema, event_subject);
}
