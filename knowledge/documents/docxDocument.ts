/** Word 2007+ documents (.docx), read with mammoth: one line per paragraph. */
import mammoth from "mammoth";
import { DocumentError } from "./documentError.js";

/** The paragraphs of a .docx, one per line. Throws DocumentError for a zip that is not a Word document. */
export async function readDocxDocument(bytes: Uint8Array): Promise<string> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new DocumentError(`not a readable Word document (${(error as Error).message.split("\n")[0]})`);
  }
  // mammoth ends every paragraph with a blank line; a paragraph is a line here.
  return raw.replace(/\r\n?/g, "\n").replace(/\n{2,}/g, "\n").trim();
}
