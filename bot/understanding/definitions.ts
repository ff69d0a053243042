/**
 * Questions about what a term of the document means ("两中心一站点是指啥", "淘宝村要够啥标准"), and the terms a
 * document defines or names in quotes: a definition list ("2.“中国淘宝村”：…", "电商企业是指…") or a coined
 * name ("推进全区电子商务“两中心、一站点”建设"). The answer is the clause that defines the term, not a
 * provision that merely shares a word with it.
 */

/** A term of one clause. */
export interface DocumentTerm {
  /** As the document writes it ("两中心、一站点", "电商示范镇(村)"). */
  term: string;
  /** Written forms a user may type: marks dropped, "(村)" read both ways ("电商示范镇", "电商示范村"). */
  forms: string[];
  clauseId: string;
  /** The clause opens by defining it ("2.“中国淘宝村”：", "电商企业是指"), rather than naming it in passing. */
  defines: boolean;
}

/** "X是指啥", "X是什么意思", "X是哪三个", "X都包括哪些": the meaning of X. */
export const ASKS_MEANING = /是指|指的是|指的?(?:什么|啥|哪)|(?:什么|啥)意思|意思是|是(?:什么|啥)(?:东西)?[？?吗呢。!！\s]*$|是哪(?:几|一|二|两|三|四|五|六|些)|包括(?:哪些|什么|啥)|都有(?:哪些|啥)/;
/** "要够啥标准", "认定条件是什么", "怎么评", "这够淘宝镇的条件不": the standard a defined title sets. */
const ASKS_STANDARD = /(?:啥|什么|哪些)(?:标准|条件|要求)|(?:标准|条件|要求)是|(?:怎么|咋|如何|怎样)(?:认定|评)|认定标准|够(?:啥|什么)|(?:够|符合|达到|满足|算)[^，。？?\s]{0,12}(?:标准|条件)/;

/** Marks a user leaves out of a term ("两中心、一站点" → 两中心一站点). */
const MARKS = /[、·“”"‘’'\s]/g;
/** A term opening its clause: "2.“中国淘宝村”：", "电商企业：", "电商企业是指". */
const OPENS_WITH_TERM = /^\s*(?:\d+[.．、]\s*)?“?([^“”：:，,。；;\s]{2,14}?)”?(?:[：:]|是指)/;
/** A coined name in quotes: "“两中心、一站点”", "“三个全覆盖”". */
const QUOTED = /“([^“”，,。；;：:]{2,14})”/g;
/** A head noun of at least this many characters still names the term ("淘宝村" for 中国淘宝村). */
const HEAD_AT_LEAST = 3;

export function formsOf(term: string): string[] {
  const plain = term.replace(MARKS, "");
  // "电商示范镇(村)": 镇 or 村.
  const alt = /^(.+)(.)[(（](.)[)）]$/.exec(plain);
  return alt ? [alt[1]! + alt[2]!, alt[1]! + alt[3]!] : [plain];
}

/** The terms of these clauses; a term found in several keeps the shortest clause (the most specific). */
export function termsOf(clauses: ReadonlyArray<{ id: string; text: string }>): DocumentTerm[] {
  const byTerm = new Map<string, DocumentTerm & { length: number }>();
  const keep = (term: string, clause: { id: string; text: string }, defines: boolean) => {
    const old = byTerm.get(term);
    if (old && (old.defines && !defines || (old.defines === defines && old.length <= clause.text.length))) return;
    byTerm.set(term, { term, forms: formsOf(term), clauseId: clause.id, defines, length: clause.text.length });
  };
  for (const clause of clauses) {
    const opening = OPENS_WITH_TERM.exec(clause.text)?.[1];
    if (opening) keep(opening, clause, true);
    for (const m of clause.text.matchAll(QUOTED)) keep(m[1]!, clause, m[1] === opening);
  }
  return [...byTerm.values()].map(({ length: _, ...t }) => t);
}

/**
 * The term a question asks the meaning or the standard of, or undefined. A user may name a term by its head
 * ("淘宝村" for 中国淘宝村); a standard question counts only for a term the document defines. `standardOnly`:
 * only a standard question counts ("目标是啥" beside "培育多少家电商企业" asks a target, not what 电商企业 means).
 */
export function termAsked(text: string, terms: readonly DocumentTerm[], standardOnly = false): DocumentTerm | undefined {
  const meaning = !standardOnly && ASKS_MEANING.test(text);
  if (!meaning && !ASKS_STANDARD.test(text)) return undefined;
  const plain = text.replace(MARKS, "");
  let best: { term: DocumentTerm; length: number; at: number } | undefined;
  for (const term of terms) {
    if (!meaning && !term.defines) continue;
    for (const form of term.forms) {
      const { length, at } = longestHeadIn(plain, form);
      if (length < Math.min(form.length, HEAD_AT_LEAST)) continue;
      // Equally named terms: the one named first is the subject ("淘宝镇咋认定的 一个镇得有几个淘宝村").
      const better = !best || length > best.length ||
        (length === best.length && (term.defines && !best.term.defines || term.defines === best.term.defines && at < best.at));
      if (better) best = { term, length, at };
    }
  }
  return best?.term;
}

/** The longest ending of `form` that stands in `text` (the whole form, or its head noun), and where. */
function longestHeadIn(text: string, form: string): { length: number; at: number } {
  for (let from = 0; from < form.length; from++) {
    const at = text.indexOf(form.slice(from));
    if (at >= 0) return { length: form.length - from, at };
  }
  return { length: 0, at: -1 };
}

/**
 * What to quote for a term, verbatim: the sentence that defines it ("“中国淘宝村”：…", "“三个全覆盖”的要求，即：…"),
 * else the sentence of its last mention and the next one (the title "加快…“两中心、一站点”建设。" and
 * "推进…“两中心、一站点”建设。" are followed by what the two centres and the site are).
 */
export function definingPassage(clauseText: string, term: DocumentTerm): string {
  const sentenceEnd = (from: number) => {
    const stop = clauseText.indexOf("。", from);
    return stop < 0 ? clauseText.length : stop + 1;
  };
  const sentenceStart = (at: number) => clauseText.lastIndexOf("。", at) + 1;
  let last = -1;
  for (let at = clauseText.indexOf(term.term); at >= 0; at = clauseText.indexOf(term.term, at + 1)) {
    if (DEFINED_AFTER.test(clauseText.slice(at + term.term.length))) return clauseText.slice(sentenceStart(at), sentenceEnd(at)).trim();
    last = at;
  }
  if (last < 0) return clauseText;
  return clauseText.slice(sentenceStart(last), sentenceEnd(sentenceEnd(last))).trim();
}

/** Right after a term: its definition follows ("”：", "”的要求，即：", "是指"). */
const DEFINED_AFTER = /^[”"]?[^。；;]{0,6}?(?:[：:]|即|是指)/;
