/** Marks around the matched words in a search snippet (private-use characters: never in what people type). */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
