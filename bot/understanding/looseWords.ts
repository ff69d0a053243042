/**
 * A vocabulary word written loosely: with a few characters inserted ("直播带货大赛" for 直播大赛) or without its
 * trailing general noun ("物流配送" for 物流配送体系). Too loose to state a fact by itself (物流配送 also stands in
 * 物流配送中心); the bot reads it only for the values of the provision its selection already chose.
 */
import { FACTS, type FactName, type Facts } from "../../rules/facts.js";
import { namesProvision } from "./conditions.js";
import { literal } from "./literalPattern.js";

/** General nouns a word may end with that merchants leave out ("物流配送体系" → "做物流配送"). */
const GENERAL_TAILS = ["体系", "系统", "中心", "平台", "活动", "项目", "建设"];
/** What the part of a word left after dropping its tail must keep, so it still says something specific. */
const MIN_CORE = 3;
/** At most this many characters inserted, none a break, space, digit or Latin letter. */
const INSERTED = "[^\\s，,。！!？?；;、\\dA-Za-z]{1,3}";
/** A negation just before the word ("没办直播大赛"): the word then says what the user did not do. */
const NEGATED = /(没有|没|未|不是|不|无|尚未|还没)[^，,。！!？?；;\s]{0,2}$/;

const patterns = new Map<string, RegExp>();

/** The word itself, its core without a general tail, and every split with a short insertion. */
function patternOf(word: string): RegExp {
  let re = patterns.get(word);
  if (re) return re;
  const forms = [literal(word)];
  const tail = GENERAL_TAILS.find((t) => word.endsWith(t));
  if (tail && word.length - tail.length >= MIN_CORE) forms.push(literal(word.slice(0, -tail.length)));
  for (let k = 2; k <= word.length - 2; k++) forms.push(`${literal(word.slice(0, k))}${INSERTED}${literal(word.slice(k))}`);
  re = new RegExp(forms.join("|"), "i");
  patterns.set(word, re);
  return re;
}

/**
 * Where `text` names `word` loosely (or exactly), not negated and not as the provision asked about
 * ("电商示范村的奖励能拿吗" states nothing about the asker): the user's words, or undefined. Words shorter
 * than four characters are only found as written (a two-character word has no loose form worth trusting).
 */
export function findLoosely(text: string, word: string): string | undefined {
  const m = (word.length >= 4 ? patternOf(word) : new RegExp(literal(word), "i")).exec(text);
  if (!m || NEGATED.test(text.slice(Math.max(0, m.index - 5), m.index)) || namesProvision(text, m.index, m.index + m[0].length)) return undefined;
  return m[0];
}

/** A value of an enum fact the user named loosely, with their words. */
export interface LooseValue {
  fact: FactName;
  value: string;
  said: string;
}

/**
 * The one enum value that `rules` (the provisions chosen for the question) ask for and `text` names loosely (not as
 * written) by one of its vocabulary words (rules/facts.yaml `words`), for a fact not yet known. Undefined when none, or when the
 * words name several values (then the bot asks as before).
 */
export function looselyNamed(text: string, rules: ReadonlyArray<{ accepts?: Partial<Record<FactName, readonly string[]>> }>, known: Facts): LooseValue | undefined {
  const found = new Map<string, LooseValue>();
  for (const rule of rules) {
    for (const [fact, values] of Object.entries(rule.accepts ?? {}) as Array<[FactName, readonly string[]]>) {
      if (known[fact] !== undefined) continue;
      for (const value of values) {
        for (const word of FACTS[fact].words?.[value] ?? []) {
          const said = findLoosely(text, word);
          // The word as written was the vocabulary reader's to read, question or statement: only a looser form adds.
          if (said && said !== word) found.set(`${fact}=${value}`, { fact, value, said });
        }
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}
