import type { FieldViolation } from '@onramp/errors';

/** Where in the request a text was found, named as the validation pipes name it. */
export type TextSource = 'body' | 'query' | 'path';

/**
 * Characters no text of Onramp may hold: NUL, which Postgres refuses in text and jsonb, and UTF-16
 * surrogates without their pair, which are no characters at all: UTF-8 cannot carry them, so they
 * would reach the services as U+FFFD and silently store something other than what was sent.
 */
const UNSTORABLE = /[\0\uD800-\uDFFF]/u;

const MESSAGE = 'must not contain NUL (U+0000) or an unpaired UTF-16 surrogate';
const KEY_MESSAGE = `has a field name that ${MESSAGE}`;

/** Enough to show what is wrong; a body full of them is not worth an answer as large. */
export const MAX_VIOLATIONS = 20;

/** A place in the walked value, linked to its parent so that deep nesting costs no copies. */
interface Place {
  key: string | number;
  parent: Place | undefined;
}

/**
 * Every place of a parsed body, query or set of path parameters (JSON values, query objects, form
 * fields) whose text holds an unstorable character, in the value or in a field name, in document
 * order (the first `MAX_VIOLATIONS`). The walk keeps its own stack, so that no nesting a 1 MiB body allows overflows the call
 * stack.
 */
export function unstorableText(value: unknown, source: TextSource): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const field = (place: Place | undefined) => {
    const keys: (string | number)[] = [];
    for (let at = place; at !== undefined; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.') || `(${source})`;
  };
  const pending: [unknown, Place | undefined][] = [[value, undefined]];
  for (
    let next = pending.pop();
    next !== undefined && violations.length < MAX_VIOLATIONS;
    next = pending.pop()
  ) {
    const [current, place] = next;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) violations.push({ field: field(place), message: MESSAGE });
    } else if (typeof current === 'object' && current !== null) {
      const children: [unknown, Place][] = [];
      for (const [key, child] of entriesOf(current)) {
        if (typeof key === 'string' && UNSTORABLE.test(key)) {
          violations.push({ field: field(place), message: KEY_MESSAGE });
        } else {
          children.push([child, { key, parent: place }]);
        }
      }
      // Pushed last first, so that they are walked in order (a loop: a spread of a long array
      // would exceed the arguments a call takes).
      for (const child of children.reverse()) pending.push(child);
    }
  }
  return violations;
}

function entriesOf(value: object): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((item: unknown, index) => [index, item]);
  if (value instanceof URLSearchParams) return [...value.entries()];
  return Object.entries(value);
}
