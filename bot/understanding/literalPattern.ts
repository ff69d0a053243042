/** A vocabulary word as regex source that matches it literally (words may hold "+", "(", "." …). */
export function literal(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
