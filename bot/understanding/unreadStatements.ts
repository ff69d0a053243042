/**
 * A safety net under the condition readers: a condition the user said nothing about is counted as met and listed
 * as 还需满足, but one they did say something about in words no reader understood ("园区那边我们没去", "特产这块
 * 说不准算不算", "注册不在东营") must not be: the bot asks about it, quoting them, and gives no ✅.
 *
 * Only the conditions the engine would assume are looked for, in their own words from the vocabulary: the fact's
 * aliases and denials (rules/facts.yaml), the words its label shares with them ("建档立卡" of 开店人为建档立卡贫困人员
 * and 我是建档立卡), and the word family of rules/topics.yaml those words belong to (园区, 产业园 for 入驻电商产业园).
 * A word of several facts ("注册": 在本地注册登记, 当年新注册登记) counts for those the answer assumes. Each word then
 * counts only with a negation or a doubt right beside it in its clause (not 不到, 不光, 没想到…, which qualify
 * something else).
 */
import { FACT_NAMES, FACTS, type FactName, type FactSpec } from "../../rules/facts.js";
import { namesProvision } from "./conditions.js";
import { topics } from "./topics.js";
import { WordFinder } from "./wordFinder.js";

/** What the user said of a condition that no reader understood. */
export interface UnreadStatement {
  fact: FactName;
  /** The user's words: the clause holding the condition's word and the negation or doubt. */
  said: string;
  /** A negation ("没去") reads as "not met"; a doubt ("不清楚", "算不算", "…吧") as "not sure". */
  kind: "negated" | "doubted";
}

/** Shortest word that may name a condition (one character names nothing on its own). */
const MIN_WORD = 2;

/**
 * The stretches of 2–4 characters of `label` that stand in at least two of `words`, outside the label's generic
 * words (电商, 企业), and not inside a longer such stretch that stands in the same words ("建档立卡", not "建档";
 * "贫困" too, as 贫困户 holds it).
 */
function sharedStretches(label: string, words: readonly string[], generic: readonly string[]): string[] {
  const blocked = new Uint8Array(label.length);
  for (const g of generic) for (let at = label.indexOf(g); at >= 0; at = label.indexOf(g, at + 1)) blocked.fill(1, at, at + g.length);
  const found: { s: string; holders: string }[] = [];
  for (let i = 0; i < label.length; i++) {
    for (let n = MIN_WORD; n <= 4 && i + n <= label.length; n++) {
      if (blocked.subarray(i, i + n).some((b) => b === 1)) break;
      const s = label.slice(i, i + n);
      const holders = words.filter((w) => w.includes(s));
      if (holders.length >= 2) found.push({ s, holders: holders.join("|") });
    }
  }
  return found.filter((f) => !found.some((g) => g.s.length > f.s.length && g.s.includes(f.s) && g.holders === f.holders)).map((f) => f.s);
}

/** The words that state a fact in chat: its aliases and denials (yes/no) or its value words (category). */
function statingWords(spec: FactSpec): string[] {
  if (spec.unit === "bool") return [...spec.aliases, ...(spec.denies ?? [])];
  if (spec.unit === "enum" && spec.words && !spec.pick) return Object.values(spec.words).flat() as string[];
  return [];
}

/** Words of every business and of who applies (电商, 企业, 网店…): a stretch holding one names no condition. */
function genericWords(): string[] {
  const entity = FACTS.entityType;
  return ["电商", "电子商务", ...entity.aliases, ...(Object.values(entity.words ?? {}).flat() as string[])];
}

/** Per fact that a condition may assume (yes/no, worded category), the words naming it. */
function vocabulary(): Map<string, FactName[]> {
  const generic = genericWords();
  const own = new Map<FactName, Set<string>>();
  const derived = new Map<FactName, Set<string>>();
  for (const fact of FACT_NAMES) {
    const spec: FactSpec = FACTS[fact];
    const stating = statingWords(spec);
    if (stating.length === 0) continue;
    own.set(fact, new Set(stating));
    derived.set(fact, new Set(sharedStretches(spec.label, stating, generic)));
    // A yes/no fact's line of business: every word of the family its statements use names the same thing.
    if (spec.unit === "bool") for (const t of topics()) if (t.words.some((tw) => tw.length >= MIN_WORD && stating.some((w) => w.includes(tw)))) t.words.forEach((tw) => own.get(fact)!.add(tw));
  }
  const byWord = new Map<string, FactName[]>();
  const add = (w: string, fact: FactName) => {
    const key = w.toUpperCase();
    const list = byWord.get(key) ?? [];
    if (!list.includes(fact)) list.push(fact);
    byWord.set(key, list);
  };
  for (const [fact, words] of own) for (const w of words) if (w.length >= MIN_WORD) add(w, fact);
  for (const [fact, words] of derived) for (const w of words) add(w, fact);
  return byWord;
}

let prepared: { finder: WordFinder; facts: Map<string, FactName[]> } | null = null;
function prepare() {
  if (prepared) return prepared;
  const facts = vocabulary();
  prepared = { finder: new WordFinder(facts.keys()), facts };
  return prepared;
}

/** Characters that end a statement: punctuation and, in chat, a blank. */
const STATEMENT_BREAK = /[，,。！!？?；;\s]/y;
/** How far from the word a negation or doubt may stand, in characters. */
const REACH_BEFORE = 8;
const REACH_AFTER = 8;

/**
 * A negation of the thing named: not 不到/没到/不满/不足 (a figure's bound), 不光/不仅/不止 (and more), 没想到,
 * 不少/不多, 不错, 不过, 差不多, 不管/不论, 不用, 不会 (算), 不懂, 没多久, 没几…, 非常, 无论.
 */
const NEGATION = /(?<!差|要|了|忍|受|对)(?:没有|还没|并未|尚未|没|未|不是|不算|不在|不|非(?!常)|无(?!论))(?!到|满|足|少于|低于|高于|超过|止|光|仅|但|只|想到|错|过|管|论|用|然|久|少|多|断|会|懂|好意思|容易|一会|几|问题|毛病|关系|起|得了)/;
/** A doubt: the user is not sure ("不知道算不算园区", "好像不算", "说不准", "是不是特产"). */
const DOUBT = /好像|不清楚|不知道|不确定|不一定|说不准|说不好|不好说|拿不准|搞不清|算不算|是不是|有没有|属不属于|在不在/;

/**
 * What the message says of `facts` (the conditions an answer would assume) that no reader read: each fact's
 * word with a negation or doubt beside it in one statement. The first such statement per fact.
 */
export function unreadStatements(text: string, facts: readonly FactName[]): UnreadStatement[] {
  if (facts.length === 0) return [];
  const { finder, facts: byWord } = prepare();
  const out: (UnreadStatement & { from: number })[] = [];
  for (let start = finder.find(text, 0), end = finder.end; start >= 0; start = finder.find(text, end), end = finder.end) {
    const named = byWord.get(finder.key(text, start))!;
    if (!named.some((f) => facts.includes(f) && !out.some((u) => u.fact === f))) continue;
    const from = statementStart(text, start);
    // One statement speaks of one condition: "不是失业登记的" is about whom they hired, not also about 登记.
    if (out.length > 0 && out[out.length - 1]!.from === from) continue;
    const to = statementEnd(text, end);
    const lo = Math.max(from, start - REACH_BEFORE);
    const hi = Math.min(to, end + REACH_AFTER);
    // Most words have no negation or doubt near them: the words around are copied only when one may stand there.
    if (!hasCue(text, lo, start) && !hasCue(text, end, hi) && text.charCodeAt(to - 1) !== BA) continue;
    // "园区那个补贴还没申请": the word names the provision asked about, not the asker's situation.
    if (namesProvision(text, start, end)) continue;
    const before = text.slice(lo, start);
    const after = text.slice(end, hi);
    const doubted = DOUBT.test(before) || DOUBT.test(after) || text.charCodeAt(to - 1) === BA;
    const negated = !doubted && (NEGATION.test(before) || NEGATION.test(after));
    if (!doubted && !negated) continue;
    const said = text.slice(from, to).trim();
    for (const fact of named) if (facts.includes(fact) && !out.some((u) => u.fact === fact)) out.push({ fact, said, kind: doubted ? "doubted" : "negated", from });
  }
  return out.map(({ fact, said, kind }) => ({ fact, said, kind }));
}

/** Every negation and doubt (NEGATION, DOUBT) holds one of these characters. */
const CUE_CHARS = new Set(Array.from("没未不非无好", (c) => c.charCodeAt(0)));
/** 吧, a doubt when it ends the statement ("…本地产的吧"). */
const BA = "吧".charCodeAt(0);

/** A character a negation or doubt starts with in text[from, to). */
function hasCue(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CUE_CHARS.has(text.charCodeAt(i))) return true;
  return false;
}

/** Where the statement holding `start` starts: after the break before it. */
function statementStart(text: string, start: number): number {
  let from = start;
  while (from > 0 && !isBreak(text, from - 1)) from--;
  return from;
}

/** Where the statement holding `end - 1` ends: at the break after it. */
function statementEnd(text: string, end: number): number {
  let to = end;
  while (to < text.length && !isBreak(text, to)) to++;
  return to;
}

/** text[at] ends a statement (read in place: no one-character string per position). */
function isBreak(text: string, at: number): boolean {
  STATEMENT_BREAK.lastIndex = at;
  return STATEMENT_BREAK.test(text);
}

/** The words the net looks for of one fact (for tests and for checking the vocabulary). */
export function conditionWords(fact: FactName): string[] {
  return [...prepare().facts].filter(([, fs]) => fs.includes(fact)).map(([w]) => w);
}
