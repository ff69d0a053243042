/**
 * One figure over several items named before it, items of the vocabulary's wholes and parts (rules/facts.yaml
 * `partOf`: 设备投入 and 装修投入 are parts of 投资额):
 *  - items of different parts, or a part and its whole, joined ("装修和设备一共投了80万", "新增固定资产加软件两百万"):
 *    the figure is the whole, no part's;
 *  - items all of one part, totalled ("分拣设备和软件 一共投了100万"): the figure is that part, and, being all
 *    that was put in, the whole as well.
 * A single item ("设备一共投了100万"), or items listed with no total word and not right before the figure
 * ("买了设备和软件 花了60万"), leave the figure to the fact its cue chose.
 */
import { FACT_NAMES, FACTS, VOCABULARY, type FactName } from "../../rules/facts.js";
import { literal } from "./literalPattern.js";


/** The whole of each part, and the fact each item word names (a part's or a whole's aliases and cue words). */
const WHOLE_OF = new Map<FactName, FactName>();
const ITEM_FACT = new Map<string, FactName>();
for (const part of FACT_NAMES) {
  const whole = (FACTS[part] as { partOf?: FactName }).partOf;
  if (whole) WHOLE_OF.set(part, whole);
}
const FAMILY = new Set<FactName>([...WHOLE_OF.keys(), ...WHOLE_OF.values()]);
/** Verbs of putting money in (投了, 购置, 新增投入) name no item. */
const VERB = /^(?:新增)?(?:投|购|买|采购|花)/;
for (const fact of FAMILY) {
  for (const w of [...FACTS[fact].aliases, ...(VOCABULARY.facts[fact]?.cues ?? []).flatMap((c) => c.words)]) {
    if (VERB.test(w)) continue;
    // A word under two facts names the more specific one (a part before its whole).
    if (!ITEM_FACT.has(w) || WHOLE_OF.has(fact)) ITEM_FACT.set(w, fact);
  }
}
const ITEM_RE = new RegExp([...ITEM_FACT.keys()].sort((a, b) => b.length - a.length).map(literal).join("|") || "(?!)", "g");
/** Between two items of one list: a conjunction, with blanks. */
const JOINING = /^\s*(?:和|加|及|与|跟|、|加上|以及|还有)\s*$/;
/** After the last item, a word of a total before the figure: "…一共投了", "…总共投入了", "…加起来". */
const TOTAL_AFTER = /^[^，,。；;\d]{0,10}?\s?(?:一共|总共|共计|合计|总计|加起来|加一起|算下来)[^，,。；;\d]{0,6}$/;
/** After the last item, only a verb of putting money in: "固定资产加软件两百万", "装修和设备投了80万". */
const FIGURE_AFTER = /^\s?(?:新增)?(?:投入|投资|投了|花了|用了|花费)?(?:了)?\s?$/;

/** The fact both facts belong to: one's whole when the other is it, or their common whole. */
function commonWhole(a: FactName, b: FactName): FactName | undefined {
  if (a === b) return a;
  if (WHOLE_OF.get(b) === a) return a;
  if (WHOLE_OF.get(a) === b) return b;
  const whole = WHOLE_OF.get(a);
  return whole !== undefined && whole === WHOLE_OF.get(b) ? whole : undefined;
}

/** Is `fact` one of the vocabulary's wholes or parts (the only facts this reader speaks of)? */
export const inPartFamily = (fact: FactName): boolean => FAMILY.has(fact);

/**
 * What the figure right after `words` (the words since the previous figure or the sentence's start) is, when it
 * is stated over items listed in them: `fact` (a part or the whole), and `whole` when the figure is the whole too.
 * Undefined when the words list no items joined before the figure.
 */
export function totalOverParts(words: string): { fact: FactName; whole?: FactName } | undefined {
  // The last run of items joined by conjunctions.
  let run: FactName[] = [];
  let runEnd = -1;
  ITEM_RE.lastIndex = 0;
  for (let hit = ITEM_RE.exec(words); hit !== null; hit = ITEM_RE.exec(words)) {
    const fact = ITEM_FACT.get(hit[0])!;
    // "软硬件设备": words side by side name one item.
    if (run.length > 0 && runEnd === hit.index) {
      runEnd += hit[0].length;
      continue;
    }
    if (run.length > 0 && JOINING.test(words.slice(runEnd, hit.index))) run.push(fact);
    else run = [fact];
    runEnd = hit.index + hit[0].length;
  }
  if (run.length < 2) return undefined;
  const after = words.slice(runEnd);
  const totalled = TOTAL_AFTER.test(after);
  if (!totalled && !FIGURE_AFTER.test(after)) return undefined;
  let fact: FactName | undefined = run[0];
  for (const f of run.slice(1)) fact = fact && commonWhole(fact, f);
  if (fact === undefined) return undefined;
  if (new Set(run).size > 1) return { fact };
  const whole = WHOLE_OF.get(fact);
  return totalled && whole ? { fact, whole } : undefined;
}
