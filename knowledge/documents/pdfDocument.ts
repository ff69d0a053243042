/**
 * PDFs with a text layer, read with unpdf (a build of PDF.js that needs no worker, canvas or network).
 * Lines are rebuilt from the positions of the text pieces; page numbers ("— 3 —", "第 3 页") are dropped.
 */
import { getDocumentProxy } from "unpdf";
import { DocumentError } from "./documentError.js";

interface TextPiece {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

const PAGE_NUMBER = /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d+)$/;

/** The lines of one page, top to bottom: a new line where the baseline moves by half a line or more. */
function pageLines(pieces: TextPiece[]): string[] {
  const lines: string[] = [];
  let current = "";
  let lastY: number | null = null;
  for (const piece of pieces) {
    const y = piece.transform[5]!;
    const size = piece.height || Math.abs(piece.transform[3]!) || 10;
    if (lastY !== null && Math.abs(y - lastY) >= size / 2) {
      lines.push(current);
      current = "";
    }
    current += piece.str;
    lastY = y;
    if (piece.hasEOL) {
      lines.push(current);
      current = "";
      lastY = null;
    }
  }
  lines.push(current);
  return lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== "" && !PAGE_NUMBER.test(l.trim()));
}

/**
 * The text of a PDF. Throws DocumentError when it needs a password, is damaged, or has no text layer
 * (a scan: the text must be recognised first).
 */
export async function readPdfDocument(bytes: Uint8Array): Promise<string> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const e = error as Error;
    if (e.name === "PasswordException") throw new DocumentError("the PDF is encrypted (it needs a password to open); ask for an unprotected copy");
    throw new DocumentError(`not a readable PDF (${e.message.split("\n")[0]})`);
  }
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    lines.push(...pageLines((content.items as unknown[]).filter((i): i is TextPiece => typeof i === "object" && i !== null && "str" in i)));
  }
  await pdf.destroy();
  const text = lines.join("\n");
  if (!/[\u4e00-\u9fff]/.test(text)) {
    throw new DocumentError("the PDF has no text layer (a scanned image?); recognise the text (OCR) or ask for the text version");
  }
  return text;
}
