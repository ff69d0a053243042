/**
 * A tagged template for server-rendered HTML that escapes every interpolated value unless it is
 * already SafeHtml: the only way to put markup in a page is to write it in a template.
 */

/** Markup that has been built by `html` (or escaped), safe to embed as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Build markup; interpolations are escaped, SafeHtml and arrays of it are embedded, null/false vanish. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Escape `text` and wrap each occurrence of the given substrings in <mark> (ungrounded numbers). */
export function highlight(text: string, needles: readonly string[]): SafeHtml {
  const wanted = [...new Set(needles.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return new SafeHtml(escapeHtml(text));
  const pattern = new RegExp(wanted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return new SafeHtml(out + escapeHtml(text.slice(last)));
}
