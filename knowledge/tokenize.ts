import { defaultSegmenter, type Segmenter } from "./segmenter.js";

/**
 * Lexical tokens for Chinese policy text and chat questions.
 *
 * Two views of the same text, both kept: jieba words of two or more characters (precise terms such
 * as 零售额, 旗舰店) and overlapping character bigrams of every Chinese run (robust where jieba splits
 * chat phrasing oddly: 带货达人 → 带/货/达/人, but bigrams still give 带货, 货达, 达人).
 * Numbers are dropped: a user's own figures (15万粉丝) say nothing about which clause applies.
 */

/** Function words and chat filler that carry no topic. */
const STOPWORDS = new Set(
  (
    "的 了 是 在 和 与 及 或 等 对 由 为 以 把 被 从 向 按 其 该 此 之 并 且 而 则 "
    + "我 我们 你 你们 他 他们 咱 咱们 本人 自己 这 那 这个 那个 这些 那些 这样 那样 "
    + "吗 呢 啊 吧 呀 哦 嘛 么 啦 哈 呗 "
    + "什么 怎么 怎么样 怎样 如何 多少 几 哪些 哪个 哪里 是否 有没有 能不能 可不可以 请问 一下 一些 "
    + "能 能够 可以 可 会 要 想 就 都 也 还 又 再 很 太 更 最 刚好 正好 已经 现在 今年 去年 "
    + "有 没有 没 不 个 上 下 里 中 内 外 之后 以后 以前 以内 以上 以下 "
    + "元 万 万元 亿 亿元 年 月 日 家 人 次 位 名"
  ).split(/\s+/),
);

const HAN_RUN = /[\u4e00-\u9fff]+/g;
/** Particles and pronouns that end a bigram run: "淘宝村是怎么认定的" gives no 村是 / 是怎 / 定的. */
const PARTICLES = /[的了吗呢啊吧么呀哦嘛啦呗我你怎什哪是]/g;
const HAN = /[\u4e00-\u9fff]/;
/** Latin words with optional digits: B2B, C2C, MCN, LED; a bare number is not a term. */
const LATIN_TERM = /^(?=.*[a-z])[a-z0-9]+$/;

const forQuestions = defaultSegmenter();

/**
 * Tokens for BM25 (see module comment). Deterministic; safe to call on queries and documents. The
 * default segmenter suits questions; pass `fullSegmenter()` when cutting many texts at once.
 */
export function tokenize(text: string, segment: Segmenter = forQuestions): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  for (const word of segment(lower)) {
    if (STOPWORDS.has(word)) continue;
    if (HAN.test(word) ? word.length >= 2 : LATIN_TERM.test(word)) tokens.push(word);
  }
  for (const run of lower.replace(PARTICLES, " ").match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOPWORDS.has(bigram) && !(STOPWORDS.has(bigram[0]!) && STOPWORDS.has(bigram[1]!))) tokens.push(bigram);
    }
  }
  return tokens;
}
