/**
 * Word 2007+ documents (.docx), read with mammoth as HTML: one line per paragraph, and a table's row as one
 * line of cells apart by tabs (as a table copied from a web page), so a tier table stays rows for the drafter
 * (mammoth's raw text put every cell on a line of its own).
 */
import { parseDocument } from "htmlparser2";
import { type ChildNode, isTag, isText } from "domhandler";
import mammoth from "mammoth";
import { DocumentError } from "./documentError.js";

/** Elements mammoth writes that end a line of their own. */
const LINE = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol"]);

/** The text of a node: lines for paragraphs and rows, a tab between a row's cells, a cell's paragraphs run together. */
function toText(node: ChildNode, out: string[], inCell: boolean): void {
  if (isText(node)) {
    out.push(node.data);
    return;
  }
  if (!isTag(node)) return;
  if (node.name === "br") {
    out.push(inCell ? " " : "\n");
    return;
  }
  const cell = node.name === "td" || node.name === "th";
  const line = LINE.has(node.name) && !inCell;
  if (line) out.push("\n");
  node.children.forEach((c) => toText(c, out, inCell || cell));
  if (cell) out.push("\t");
  if (line) out.push("\n");
}

/** The paragraphs of a .docx, one per line. Throws DocumentError for a zip that is not a Word document. */
export async function readDocxDocument(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    // Images are left out: only the text is read.
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) })).value;
  } catch (error) {
    throw new DocumentError(`not a readable Word document (${(error as Error).message.split("\n")[0]})`);
  }
  const out: string[] = [];
  parseDocument(html, { decodeEntities: true }).children.forEach((c) => toText(c, out, false));
  return out
    .join("")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\t+$/, "").trimEnd())
    .filter((l) => l.trim() !== "")
    .join("\n");
}
