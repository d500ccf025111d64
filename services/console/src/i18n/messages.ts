/**
 * The console's texts: English is the source, and every other language must give each of its
 * keys (the compiler checks), so that no screen shows a key instead of a text.
 */
export type Messages<Source> = {
  [Key in keyof Source]: Source[Key] extends string ? string : Messages<Source[Key]>;
};
