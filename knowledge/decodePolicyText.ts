import iconv from "iconv-lite";

/** A policy file whose bytes are not Chinese text in UTF-8 or GBK. */
export class PolicyEncodingError extends Error {
  override name = "PolicyEncodingError";
}

export type PolicyEncoding = "utf-8" | "gbk";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Share of CJK ideographs among non-space characters: Chinese policy text is mostly ideographs. */
function cjkShare(text: string): number {
  const visible = text.replace(/\s/g, "");
  if (visible.length === 0) return 0;
  const cjk = visible.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return cjk / visible.length;
}

/** Below this share the bytes are not taken for Chinese text (policy files run at ~0.8). */
const MIN_CJK_SHARE = 0.3;

/**
 * Decodes a policy file's bytes: valid UTF-8 first, else GBK (common for Chinese government files).
 * Strips a byte-order mark and turns CRLF / CR into LF; clause offsets refer to the returned text.
 * Throws {@link PolicyEncodingError} (one line) when neither decoding looks like Chinese text.
 */
export function decodePolicyText(bytes: Uint8Array): { text: string; encoding: PolicyEncoding } {
  let text: string | undefined;
  let encoding: PolicyEncoding = "utf-8";
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text === undefined || cjkShare(text) < MIN_CJK_SHARE) {
    const gbk = iconv.decode(Buffer.from(bytes), "gbk");
    // GBK decoding never fails outright; replacement characters and a low ideograph share mean "not GBK".
    if (!gbk.includes("\ufffd") && cjkShare(gbk) >= MIN_CJK_SHARE) {
      text = gbk;
      encoding = "gbk";
    } else if (text === undefined) {
      throw new PolicyEncodingError("neither valid UTF-8 nor GBK Chinese text; save the file as UTF-8");
    } else {
      throw new PolicyEncodingError("does not look like Chinese policy text (too few Chinese characters)");
    }
  }
  return { text: text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n"), encoding };
}
