/**
 * Web pages saved from a government site (.html/.htm, UTF-8 or GBK). The policy text is the block
 * that holds most of the page's Chinese text outside links; menus, headers and footers fall away.
 */
import iconv from "iconv-lite";
import { parseDocument } from "htmlparser2";
import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { DocumentError } from "./documentError.js";

const SKIP = new Set(["script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "select", "button", "head", "title"]);
const BLOCK = new Set(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "blockquote", "pre", "ul", "ol", "dd", "dt"]);

/** The page's declared charset (meta charset / http-equiv), else UTF-8 when valid, else GBK. */
function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== "utf-8" && declared !== "utf8" && iconv.encodingExists(declared)) {
    return iconv.decode(Buffer.from(bytes), declared);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "gb18030");
  }
}

const cjk = (s: string) => s.match(/[\u4e00-\u9fff]/g)?.length ?? 0;

/** Chinese characters of an element's text outside links and skipped elements. */
function weight(node: ChildNode, cache: Map<ChildNode, number>): number {
  const known = cache.get(node);
  if (known !== undefined) return known;
  let w = 0;
  if (isText(node)) w = cjk(node.data);
  else if (isTag(node) && !SKIP.has(node.name) && node.name !== "a") w = node.children.reduce((sum, c) => sum + weight(c, cache), 0);
  cache.set(node, w);
  return w;
}

const INLINE = new Set(["p", "span", "font", "strong", "b", "em", "i", "u", "br", "center", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** Text an element holds as its own paragraphs (text, <p>, inline runs, leaf <div>s), not in nested blocks. */
function paragraphWeight(el: Element, cache: Map<ChildNode, number>): number {
  return el.children.reduce((sum, c) => {
    if (isText(c)) return sum + cjk(c.data);
    if (!isTag(c)) return sum;
    const leafDiv = c.name === "div" && !c.children.some((g) => isTag(g) && BLOCK.has(g.name) && g.name !== "br");
    return INLINE.has(c.name) || leafDiv ? sum + weight(c, cache) : sum;
  }, 0);
}

/** The element that holds the most text as its own paragraphs: the article, not the menus around it. */
function contentRoot(root: Element, cache: Map<ChildNode, number>): Element {
  let best = root;
  let bestWeight = paragraphWeight(root, cache);
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isTag(c) || SKIP.has(c.name)) continue;
      const w = paragraphWeight(c, cache);
      if (w > bestWeight) [best, bestWeight] = [c, w];
      visit(c);
    }
  };
  visit(root);
  return best;
}

function toText(node: ChildNode, out: string[]): void {
  if (isText(node)) {
    out.push(node.data.replace(/&nbsp;/g, " "));
    return;
  }
  if (!isTag(node) || SKIP.has(node.name)) return;
  const block = BLOCK.has(node.name);
  if (block) out.push("\n");
  node.children.forEach((c) => toText(c, out));
  if (node.name === "td" || node.name === "th") out.push("  ");
  if (block) out.push("\n");
}

/** The policy text of a saved web page, one line per paragraph. */
export function readHtmlDocument(bytes: Uint8Array): string {
  const doc = parseDocument(decodeHtml(bytes), { decodeEntities: true });
  const cache = new Map<ChildNode, number>();
  const body = (doc.children.filter(isTag).flatMap((h) => (h.name === "html" ? h.children.filter(isTag) : [h])).find((e) => e.name === "body") ??
    doc.children.find(isTag)) as Element | undefined;
  if (!body) throw new DocumentError("the page has no content");
  const out: string[] = [];
  toText(contentRoot(body, cache), out);
  const text = out
    .join("")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .filter((l) => l.trim() !== "")
    .join("\n");
  if (cjk(text) === 0) throw new DocumentError("the page holds no Chinese text");
  return text;
}
