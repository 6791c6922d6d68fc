const NON_ASCII = /[^\x00-\x7f]/;

/** Lowercase words of letters and digits, accents stripped: how both the index and a query split text. */
export function tokenize(text: string): string[] {
  // Most text is ASCII: skip Unicode normalisation there (it is most of the indexing time).
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
