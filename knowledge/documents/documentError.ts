/** A document the bot cannot read; the message is one line naming the file and the reason. */
export class DocumentError extends Error {
  override name = "DocumentError";
}
