/**
 * The words right after a position, read by a /^…/ pattern as it would read text.slice(at, at + window), without
 * the slice (a short copy per look, for every figure of a long message). The pattern runs as a sticky copy from
 * `at`; the slice is read only when that match runs past the window. The same result for a pattern that does
 * not look past its window (a look-ahead stays inside it): a match inside the window is a match in the text.
 */
export function tailReader(anchored: RegExp): (text: string, at: number, window: number) => RegExpExecArray | null {
  const sticky = stickyCopy(anchored);
  return (text, at, window) => {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    return m === null || m[0].length <= window ? m : anchored.exec(text.slice(at, at + window));
  };
}

/** `tailReader` for a yes/no look: no match array when the pattern does not match (most of the time). */
export function tailTester(anchored: RegExp): (text: string, at: number, window: number) => boolean {
  const sticky = stickyCopy(anchored);
  return (text, at, window) => {
    sticky.lastIndex = at;
    return sticky.test(text) && anchored.test(text.slice(at, at + window));
  };
}

function stickyCopy(anchored: RegExp): RegExp {
  if (!anchored.source.startsWith("^") || anchored.global || anchored.sticky) throw new Error(`tailReader: /${anchored.source}/ must start with ^ and have neither g nor y`);
  return new RegExp(anchored.source.slice(1), `${anchored.flags}y`);
}
