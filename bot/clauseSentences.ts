/**
 * Which sentence of a clause a question is about, by the two-character pieces they share. A clause often
 * says more than the provision's quote (who pays, how often, land for the same centre): the sentence the
 * question points at is quoted verbatim beside it.
 */

/** Pieces every question uses (asking words, pronouns): they point at no sentence. */
const ASKING = /^(?:怎么|么算|么样|多少|能拿|可以|是不|不是|有没|没有|有啥|啥说|说法|什么|么说|这个|那个|我们|你们|是啥|的是|政策|文件|电商|商务|电子|子商)$/;

/** The question's two-character pieces of Han script, asking words left out. */
export function pairsOf(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < text.length; i++) {
    const pair = text[i - 1]! + text[i]!;
    if (/^\p{Script=Han}{2}$/u.test(pair) && !ASKING.test(pair)) pairs.add(pair);
  }
  return pairs;
}

/** How many of `pairs` stand in `sentence`. */
export function overlap(sentence: string, pairs: ReadonlySet<string>): number {
  let n = 0;
  for (const pair of pairsOf(sentence)) if (pairs.has(pair)) n++;
  return n;
}

/** The clause's sentences, verbatim with their final punctuation. */
export function sentencesOf(clauseText: string): string[] {
  return clauseText.split(/(?<=[。；;])/).map((x) => x.trim()).filter(Boolean);
}

/**
 * The sentence of a clause that shares most two-character pieces with the question (the first on a tie):
 * what to quote when the whole clause is long. Verbatim, trailing punctuation kept.
 */
export function nearestSentence(clauseText: string, question: string): string {
  const pairs = pairsOf(question);
  const sentences = sentencesOf(clauseText);
  return sentences.reduce((best, x) => (overlap(x, pairs) > overlap(best, pairs) ? x : best), sentences[0] ?? clauseText);
}

/** "这钱是市里出还是县区出", "钱从哪出", "谁掏钱": who bears the cost. */
const ASKS_WHO_PAYS = /(?:市里|县里|区里|省里|财政|镇里|谁|哪(?:级|个|里|儿))(?:来)?(?:出钱|出|掏钱|负担|承担|拨)|钱从哪|谁(?:来)?(?:掏|给)钱/;
/** A sentence saying who bears the cost: "以上资金由市、县区…按现行财政体制分级负担。", "…列入…部门预算。" */
const FUNDING = /负担|承担|列入[^，。；]{0,16}预算|列支/;

/** true when the question asks who bears a provision's cost, not what the asker gets. */
export function asksWhoPays(question: string): boolean {
  return ASKS_WHO_PAYS.test(question);
}

/** At least this many of the question's own pieces must stand in a sentence beyond the quotes. */
const BEYOND_AT_LEAST = 2;

/**
 * The sentence of a clause, outside what `quoted` already shows, that the question's words beyond those
 * quotes point at ("综合评定多久搞一次" → "…每年进行综合考核"), or undefined when none does clearly.
 */
export function sentenceBeyond(clauseText: string, quoted: readonly string[], question: string): string | undefined {
  const shown = quoted.join("\n");
  // Who pays is said in a sentence of its own whatever words the question uses for it.
  const funding = asksWhoPays(question) ? sentencesOf(clauseText).find((x) => FUNDING.test(x) && !quoted.some((q) => q.includes(x) || x.includes(q))) : undefined;
  if (funding) return funding;
  const pairs = new Set([...pairsOf(question)].filter((p) => !shown.includes(p)));
  let best: string | undefined;
  let score = BEYOND_AT_LEAST - 1;
  for (const sentence of sentencesOf(clauseText)) {
    if (quoted.some((q) => q.includes(sentence) || sentence.includes(q))) continue;
    const n = overlap(sentence, pairs);
    if (n > score) [best, score] = [sentence, n];
  }
  return best;
}

/**
 * A sentence sharing this many pieces with a question is the one it points at; a short question (a third of
 * its pieces shared) may point with fewer when no other sentence shares as many ("电商村打算建多少个").
 */
const POINTS_AT = 2;
const SHORT_SHARE = 3;

/**
 * Of `candidates`, the sentence the question's pieces point at (the first on a tie), or undefined when none
 * does clearly. `shared` is set to the best number of pieces shared (0: the question names nothing they hold).
 */
export function sentencePointedAt<T extends { sentence: string }>(question: string, candidates: readonly T[]): { best: T | undefined; shared: number; pieces: number } {
  const pairs = pairsOf(question);
  let best: T | undefined;
  let shared = 0;
  let tied = 0;
  for (const c of candidates) {
    const n = overlap(c.sentence, pairs);
    if (n > shared) [best, shared, tied] = [c, n, 1];
    else if (n === shared && n > 0) tied++;
  }
  const clear = shared >= POINTS_AT || (tied === 1 && shared * SHORT_SHARE >= pairs.size);
  return { best: clear ? best : undefined, shared, pieces: pairs.size };
}

/** A sentence of a document, verbatim, with its clause. */
export interface ClauseSentence {
  clauseId: string;
  sentence: string;
}

/** A clause as the sentence readers see it. */
export interface SentenceSource {
  id: string;
  text: string;
  headingPath: readonly string[];
  childIds: readonly string[];
}

/** The sentences (and ；-parts) of these clauses' leaves in document order, a heading line left out. */
export function leafSentences(clauses: readonly SentenceSource[]): Array<ClauseSentence & { clause: SentenceSource }> {
  return clauses
    .filter((c) => c.childIds.length === 0)
    .flatMap((c) => sentencesOf(c.text).flatMap((x) => {
      const sentence = x.split("\n").at(-1)!.trim();
      return sentence ? [{ clauseId: c.id, sentence, clause: c }] : [];
    }));
}
