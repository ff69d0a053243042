/**
 * The title an asker holds who says they were recognised without naming it: "东营这边村里搞电商 评上了有没有钱" is about
 * 市级电商小镇 (for a 镇) and 市级电商村 (for a 村); "河口区孤岛镇的一个村 2021年市里认定的" holds the one title of the
 * provisions asked about that a 村 can hold. Used by bot/policyBot.ts with the provisions in focus.
 */
import { FACTS, type FactName } from "../../rules/facts.js";

/** A provision asked about: the values its `when` accepts, by fact, and the applicants it is for (empty = anyone). */
export interface AskedProvision {
  accepts: Partial<Record<FactName, readonly string[]>>;
  entityTypes: readonly string[];
}

/** Facts naming a title the applicant holds (a value that implies an applicant kind: 淘宝村 → village). */
export const isTitleFact = (fact: FactName): boolean => FACTS[fact].unit === "enum" && FACTS[fact].applicant !== undefined;

/**
 * The one value of the title fact `fact` that the provisions asked about accept for this applicant kind, or undefined
 * when none or several remain (the asker is then asked again, never guessed for).
 */
export function titleAsked(fact: FactName, asked: readonly AskedProvision[], entity: string | undefined): string | undefined {
  const values = new Set<string>();
  for (const p of asked) {
    const accepted = p.accepts[fact];
    if (!accepted) continue;
    if (entity !== undefined && p.entityTypes.length > 0 && !p.entityTypes.includes(entity)) continue;
    for (const v of accepted) if (entity === undefined || (FACTS[fact].applicant?.[v] ?? entity) === entity) values.add(v);
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/**
 * "2021年市里认定的", "被评上了", "评为了…": the asker says they were recognised, naming no title. The words as written,
 * else undefined ("怎么认定的", "还没评上", "认定标准").
 */
export function statesRecognition(text: string): string | undefined {
  const m = RECOGNISED.exec(text);
  if (!m || ASKS_OR_DENIES.test(text.slice(Math.max(0, m.index - 4), m.index))) return undefined;
  return m[0];
}
const RECOGNISED = /(?:\d{4}年)?(?:被|已经?)?(?:市里|县里|区里|省里|市级|县级|区级|省级)?(?:认定|评上|评定|命名|授予)(?:了|的|过)/;
const ASKS_OR_DENIES = /怎么|如何|咋|没|未|不|要|想|能/;
