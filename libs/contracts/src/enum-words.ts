/**
 * The words an API speaks for a protobuf enum: each value's name in lower case (the generated
 * names have the enum's prefix taken off: IMPORT_STATUS_READY is READY, "ready"), both ways. The
 * unspecified value (0) has no word.
 */
export function enumWords<Value extends number>(enumeration: Record<string, string | number>) {
  const pairs = Object.entries(enumeration).filter(
    (entry): entry is [string, Value] => typeof entry[1] === 'number' && entry[1] !== 0,
  );
  const byValue = new Map(pairs.map(([name, value]) => [value, name.toLowerCase()]));
  const byWord = new Map(pairs.map(([name, value]) => [name.toLowerCase(), value]));
  return {
    /** Every word, for a schema's enumeration. */
    words: [...byWord.keys()] as [string, ...string[]],
    /** "" for a value without a word (unspecified, or newer than this code). */
    word: (value: Value): string => byValue.get(value) ?? '',
    /** The unspecified value (0) for a word that names none. */
    value: (word: string): Value => byWord.get(word) ?? (0 as Value),
  };
}
