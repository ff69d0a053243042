/** .txt and .md files, UTF-8 or GBK (common for Chinese government files). */
import { decodePolicyText, PolicyEncodingError } from "../decodePolicyText.js";

/** The text of a plain-text file; a file that is neither UTF-8 nor GBK Chinese text throws PolicyEncodingError. */
export function readTextDocument(bytes: Uint8Array): string {
  if (new TextDecoder().decode(bytes).trim() === "") throw new PolicyEncodingError("the file is empty");
  return decodePolicyText(bytes).text;
}
