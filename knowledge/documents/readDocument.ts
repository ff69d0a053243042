/**
 * Reads a policy document in the forms governments publish it — .txt/.md (UTF-8 or GBK), .docx, .pdf with
 * a text layer, .html saved from a site — into plain text, one paragraph per line, ready for
 * parseClauses. The kind is told by the bytes, not only the file name. A document that cannot be read
 * throws DocumentError with one line naming the file and the reason.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { PolicyEncodingError } from "../decodePolicyText.js";
import { DocumentError } from "./documentError.js";
import { readDocxDocument } from "./docxDocument.js";
import { readHtmlDocument } from "./htmlDocument.js";
import { readPdfDocument } from "./pdfDocument.js";
import { readTextDocument } from "./textDocument.js";

export { DocumentError } from "./documentError.js";

export type DocumentFormat = "text" | "docx" | "pdf" | "html";

export interface PolicyDocument {
  format: DocumentFormat;
  text: string;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** What the bytes are, or why they cannot be read. */
function formatOf(bytes: Uint8Array, name: string): DocumentFormat {
  const ext = extname(name).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.startsWith("%PDF") || head.slice(0, 1024).includes("%PDF-")) return "pdf";
  if (startsWith(bytes, OLE)) {
    // Word saves a password-protected .docx inside an OLE container next to its EncryptionInfo.
    if (Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le"))) {
      throw new DocumentError("the file is encrypted (password-protected Word document); ask for an unprotected copy");
    }
    throw new DocumentError("unsupported format: old Word/WPS binary (.doc/.wps); save it as .docx or PDF");
  }
  if (startsWith(bytes, ZIP)) {
    if (ext === ".docx" || Buffer.from(bytes).includes(Buffer.from("word/document.xml"))) return "docx";
    throw new DocumentError(`unsupported format: a zip archive${ext ? ` (${ext})` : ""} that is not a Word document (.ofd, .xlsx and .wps are not read); save it as .docx or PDF`);
  }
  if ([".htm", ".html", ".shtml", ".xhtml"].includes(ext) || /^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head)) return "html";
  if ([".txt", ".md", ""].includes(ext)) return "text";
  throw new DocumentError(`unsupported format (${ext}); supported: .txt .md .docx .pdf .html`);
}

/** Reads bytes named `name` (for messages and the kind). Throws DocumentError naming `name`. */
export async function readDocumentBytes(bytes: Uint8Array, name: string): Promise<PolicyDocument> {
  const file = name;
  try {
    if (bytes.length === 0) throw new DocumentError("the file is empty");
    const format = formatOf(bytes, basename(name));
    const text =
      format === "pdf" ? await readPdfDocument(bytes)
      : format === "docx" ? await readDocxDocument(bytes)
      : format === "html" ? readHtmlDocument(bytes)
      : readTextDocument(bytes);
    return { format, text };
  } catch (error) {
    if (error instanceof DocumentError || error instanceof PolicyEncodingError) throw new DocumentError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Reads a policy document from disk. Throws DocumentError (one line naming the file) for bad input. */
export async function readPolicyDocument(path: string): Promise<PolicyDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DocumentError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return readDocumentBytes(bytes, path);
}
