/**
 * A sentence of a policy clause, with the figures written in it: money, percentages, counts, ranks.
 * Shape recognisers (./shapes/) read these instead of re-scanning the text.
 */
import { FACTS, type FactName } from "../facts.js";
import { parseMoney } from "../money.js";

export interface Figure {
  /** As written, e.g. "20万元", "50%", "10人", "5万" (a money list item written without 元). */
  literal: string;
  kind: "money" | "percent" | "count";
  /** Money as "2万元" (the rule-file literal), percent digits "50", or the count as a number string. */
  value: string;
  /** Offset in the sentence. */
  at: number;
  end: number;
}

export interface Sentence {
  clause: string;
  /** Verbatim sentence of the clause text (its final 。/；/, kept). */
  text: string;
  figures: Figure[];
  /** It starts a line of the clause (a row of a table written one per line), not right after the previous sentence. */
  lineStart?: boolean;
}

const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "3", "三", "十" → 3, 3, 10 (small numbers of ranks and years). */
export function smallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text in CN_SMALL) return CN_SMALL[text]!;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? CN_SMALL[m[1]]! : 1) * 10 + (m[2] ? CN_SMALL[m[2]]! : 0);
  return null;
}

// Money with 元; 万/亿 without 元 only inside a list or before 以上 ("5万、20万、100万以上").
const FIGURE = /(\d+(?:\.\d+)?)\s*(?:(亿元|万元|千元|元)|(亿|万)(?=[、，,至]|以上|元)|(%)|(个|人次|人|家|件|吨|笔|平方米|㎡|间|名|位|个月|年|天|户|万(?:粉丝|人|件|吨|人次)?))/g;

/** Figures of a sentence, left to right. */
export function figuresOf(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [literal, digits, moneyUnit, bareUnit, percent, countUnit] = m;
    const at = m.index;
    if (bareUnit === "万" && countsBefore(text, at)) {
      // "粉丝数达到50万、100万、500万以上": a bare 万 after a count's words counts, it is no money.
      out.push({ literal, kind: "count", value: String(Number(digits) * 10_000), at, end: at + literal.length });
    } else if (moneyUnit || bareUnit) {
      const unit = (moneyUnit ?? bareUnit)!.replace(/元$/, "");
      const value = `${digits}${unit}元`;
      try {
        parseMoney(value);
      } catch {
        continue;
      }
      out.push({ literal, kind: "money", value, at, end: at + literal.length });
    } else if (percent) {
      out.push({ literal, kind: "percent", value: digits!, at, end: at + literal.length });
    } else if (countUnit) {
      const times = countUnit.startsWith("万") ? 10_000 : 1;
      out.push({ literal, kind: "count", value: String(Number(digits) * times), at, end: at + literal.length });
    }
  }
  return out;
}

/** The nearest fact named just before `at` is a count (粉丝数, 人次), not money (销售额). */
function countsBefore(text: string, at: number): boolean {
  const probe = (kind: Figure["kind"]): Figure => ({ literal: "", kind, value: "0", at, end: at });
  const near = text.slice(0, at).replace(/(?:\d+(?:\.\d+)?万?[、，,]?)+$/, "");
  const count = guessFact(near, { ...probe("count"), at: near.length, end: near.length }, 10, ["count"], false);
  const money = guessFact(near, { ...probe("money"), at: near.length, end: near.length }, 10, ["fen"], false);
  return count !== null && money === null;
}

const GIVES_MONEY = /(?:给予|奖励|补贴|补助)[^，,]*\d/;
/**
 * A phrase that names a new subject: 对…, or a noun ("十佳网店每家…"), not a figure continuing a table
 * ("10名以后的") nor a rank band of the same ranking ("第6至10名每家奖励3万元").
 */
const NEW_SUBJECT = /^(?:对|(?!并|且|再|另|其中|按|最高|每|以上|以下|第[\d一二三四五六七八九十]+(?:[至到\-—～~]第?[\d一二三四五六七八九十]+)?名)[\u4e00-\u9fff])/;
/** A phrase that limits the award before it ("补助金额最高不超过50万元"), not a new award. */
const CAP_PART = /最高|最多|不超过|不得超过|上限|累计|封顶/;

/**
 * Splits a clause's own text into sentences at 。；; and line breaks, keeping the end mark; a comma
 * splits too when both halves give money and the second is no cap of the first ("…给予20万元奖励,对认定的…
 * 给予10万元奖励", "十佳电商企业每家奖励2万元，十佳网店每家奖励1万元").
 */
export function sentencesOf(clause: string, text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(/[^。；;\n]+[。；;]?/g)) {
    const parts = m[0].trim().split(/(?<=[，,])/);
    let lineStart = m.index > 0 && /\n\s*$/.test(text.slice(0, m.index));
    let current = "";
    const push = (t: string) => {
      out.push({ clause, text: t, figures: figuresOf(t), ...(lineStart ? { lineStart } : {}) });
      lineStart = false;
    };
    for (const part of parts) {
      if (current && GIVES_MONEY.test(current) && GIVES_MONEY.test(part) && NEW_SUBJECT.test(part) && !CAP_PART.test(part)) {
        push(current);
        current = part;
      } else current += part;
    }
    if (current) push(current);
  }
  return out;
}

/** Units of the vocabulary's facts that a figure of this kind can fill. */
const UNITS: Record<Figure["kind"], string[]> = { money: ["fen"], percent: [], count: ["count", "sqm", "day"] };

/** Words that name each fact: its label (with and without 年) and its aliases of two or more characters. */
const FACT_WORDS: Array<{ fact: FactName; word: string }> = (Object.keys(FACTS) as FactName[]).flatMap((fact) => {
  const spec = FACTS[fact];
  // A label's parenthesis is a note on the unit ("培训人数（人次）"): the words before it name the fact.
  const label = spec.label.replace(/（[^）]*）$/, "");
  const words = new Set([label, label.replace(/^年/, ""), ...spec.aliases].filter((w) => w.length >= 2 && !/[（）]/.test(w)));
  return [...words].map((word) => ({ fact, word }));
});

/**
 * The fact a figure measures, from the vocabulary's words around it: a word just after the number
 * ("10万粉丝") or the nearest word before it within the phrase ("年跨境电商零售额达到2000万元"); the
 * longer word wins a tie. Null when no word of a fact of the right unit is there.
 */
export function guessFact(sentence: string, figure: Figure, before = 24, units: readonly string[] = UNITS[figure.kind], stems = true): FactName | null {
  const rest = sentence.slice(figure.end);
  const after = rest.slice(0, Math.max(0, rest.search(/[，,。；;]|$/)));
  const left = sentence.slice(Math.max(0, figure.at - before), figure.at);
  // "不少于10家" counts firms, not square metres: a count's unit must be one its fact is written with.
  const unit = figure.kind === "count" ? figure.literal.replace(/^[\d.]+万?/, "") : "";
  const find = (words: Array<{ fact: FactName; word: string }>) => {
    let best: { fact: FactName; distance: number; length: number; phrase: number } | null = null;
    for (const { fact, word } of words) {
      if (!units.includes(FACTS[fact].unit)) continue;
      if (unit && FACTS[fact].written && !FACTS[fact].written!.includes(unit)) continue;
      let distance: number | null = null;
      if (after.startsWith(word) || figure.literal.endsWith(word)) distance = 0;
      else {
        const i = left.lastIndexOf(word);
        // A stem standing inside another fact's own word ("安排" of 安排就餐) is that word, not the stem.
        if (i >= 0 && word.length === 2 && FACT_WORDS.some((w) => w.fact !== fact && left.startsWith(w.word, i))) continue;
        if (i >= 0) distance = left.length - (i + word.length) + 1;
        else if (after.includes(word)) distance = after.indexOf(word) + before;
      }
      if (distance === null) continue;
      // Within one phrase the more specific (longer) word wins; across a comma the nearer phrase does.
      const phrase = distance === 0 ? -1 : (left.slice(left.length - distance + 1).match(/[，,；]/g)?.length ?? 0);
      const better =
        !best || phrase < best.phrase || (phrase === best.phrase && (word.length > best.length || (word.length === best.length && distance < best.distance)));
      if (better) best = { fact, distance, length: word.length, phrase };
    }
    return best?.fact ?? null;
  };
  // A word of the vocabulary, else its first two characters ("销售收入" is near "销售额").
  return find(FACT_WORDS) ?? (stems ? find(FACT_STEMS) : null);
}

/** Applicant words (企业, 公司…) say who, not what is measured: no stem of a fact ("企业对地方贡献数"). */
const APPLICANT_STEMS = new Set([...FACTS.entityType.aliases, ...Object.values(FACTS.entityType.values ?? {})]);
// Every fact a stem can name, so a unit can choose among them ("培训" + 人 is trainees, + 天 trainingDays);
// of those with the same unit the one with the shortest label, the most general, comes first and wins a tie.
const FACT_STEMS = [
  ...new Map(
    FACT_WORDS.filter((w) => w.word.length >= 3 && !APPLICANT_STEMS.has(w.word.slice(0, 2)))
      .map((w) => ({ fact: w.fact, word: w.word.slice(0, 2) }))
      .sort((a, b) => FACTS[a.fact].label.length - FACTS[b.fact].label.length)
      .map((w) => [`${w.word} ${w.fact}`, w]),
  ).values(),
];

/** The fact whose word ends `phrase`, its head noun ("村级电子商务服务站点" → sites); the longest word wins. */
export function factEndingPhrase(phrase: string, units: readonly string[]): FactName | null {
  let best: { fact: FactName; word: string } | null = null;
  for (const w of FACT_WORDS) {
    if (units.includes(FACTS[w.fact].unit) && phrase.endsWith(w.word) && (!best || w.word.length > best.word.length)) best = w;
  }
  return best?.fact ?? null;
}
