/**
 * Split a reply into messages a channel accepts. Breaks at line boundaries so a quoted clause or an
 * amount is never cut in half; only a single line longer than the limit is cut, and never inside a
 * surrogate pair (emoji).
 */
export function splitReply(text: string, maxChars: number): string[] {
  if (maxChars < 1) throw new RangeError("maxChars must be positive");
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") chunks.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if ([...candidate].length <= maxChars) {
      current = candidate;
      continue;
    }
    flush();
    // A single over-long line: cut by code points.
    const points = [...line];
    while (points.length > maxChars) chunks.push(points.splice(0, maxChars).join(""));
    current = points.join("");
  }
  flush();
  return chunks;
}
