/**
 * Telegram HTML parse mode: everything the bot did not write as markup must be escaped, or a user's
 * "<" or "&" (or a clause quoting "《》" next to "<") breaks the message or injects formatting.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A mention that works without a username: `<a href="tg://user?id=…">name</a>`. */
export function mentionHtml(userId: string, name: string): string {
  return `<a href="tg://user?id=${encodeURIComponent(userId)}">${escapeHtml(name)}</a>`;
}
