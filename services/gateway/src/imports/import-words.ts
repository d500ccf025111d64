import { common, imports } from '@onramp/contracts';

/** The API's words for a proto enum's values (its names in lower case), both ways. */
function wordsOf<Value extends number>(enumeration: Record<string, string | number>) {
  const pairs = Object.entries(enumeration).filter(
    (entry): entry is [string, Value] => typeof entry[1] === 'number' && entry[1] !== 0,
  );
  const words = pairs.map(([name]) => name.toLowerCase()) as [string, ...string[]];
  const byValue = new Map(pairs.map(([name, value]) => [value, name.toLowerCase()]));
  const byWord = new Map(pairs.map(([name, value]) => [name.toLowerCase(), value]));
  return {
    words,
    word: (value: Value): string => byValue.get(value) ?? 'unknown',
    value: (word: string): Value => byWord.get(word) ?? (0 as Value),
  };
}

export const importKinds = wordsOf<imports.ImportKind>(imports.ImportKind);
export const importStatuses = wordsOf<imports.ImportStatus>(imports.ImportStatus);
export const conflictPolicies = wordsOf<common.ConflictPolicy>(common.ConflictPolicy);
