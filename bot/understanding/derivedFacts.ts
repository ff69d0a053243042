/**
 * Facts derived from other facts of the same message, as the vocabulary (rules/facts.yaml) relates them:
 * a whole from its parts (`partOf`: 设备投入 and 装修投入 are parts of 投资额) and a yes/no fact from a date
 * and the activity year (`sameYearAs`: registered in the activity year → 当年新注册登记).
 * The user's own words stay the source of each derived fact.
 */
import { FACT_NAMES, FACTS, type FactName, type Quantity } from "../../rules/facts.js";
import { boundsOf } from "../../rules/quantity.js";

/** The user's words per fact, as extractFacts keeps them (`Extraction.sources`). */
type Sources = Partial<Record<FactName, string>>;

/** Facts that are parts of another (`partOf`), by the whole. */
const PARTS_OF = new Map<FactName, FactName[]>();
for (const fact of FACT_NAMES) {
  const whole = (FACTS[fact] as { partOf?: string }).partOf as FactName | undefined;
  if (whole) PARTS_OF.set(whole, [...(PARTS_OF.get(whole) ?? []), fact]);
}

/**
 * "新增设备软件投了两百来万": parts of a whole the user did not state (设备投入 of 投资额) give the whole a lower
 * bound, their sum with an open top — enough for a threshold or a cap, otherwise the exact figure is asked.
 * Returns the notes telling the user so; `labelOf` names a fact in them.
 */
export function readWholes(facts: Record<string, unknown>, sources: Sources, labelOf: (fact: FactName) => string): string[] {
  const notes: string[] = [];
  for (const [whole, parts] of PARTS_OF) {
    const stated = parts.filter((p) => facts[p] !== undefined);
    if (facts[whole] !== undefined || stated.length === 0) continue;
    const low = stated.reduce((sum, p) => sum + boundsOf(facts[p] as Quantity).low, 0);
    // Parts said to be none ("设备投入没有") tell nothing of the whole.
    if (low === 0) continue;
    const words = stated.map((p) => sources[p] ?? "").filter(Boolean).join("、");
    facts[whole] = { low, high: null, words };
    sources[whole] = words;
    notes.push(`${labelOf(whole)}按你说的${stated.map(labelOf).join("、")}计，只是其中一部分，按不少于这个数计算。`);
  }
  return notes;
}

/** Yes/no facts true exactly when a date fact falls in the activity year (`sameYearAs`). */
export const SAME_YEAR_AS = FACT_NAMES.flatMap((fact) => {
  const of = (FACTS[fact] as { sameYearAs?: string }).sameYearAs;
  return of ? [{ fact, of: of as FactName }] : [];
});

/** What the conversation adds to one message: the facts just asked for, and the activity year already known. */
export interface SameYearContext {
  asked?: readonly FactName[];
  knownYear?: number;
}

/**
 * "2021年注册的 2022年纳统…": a date and the activity year, both named in the message (or the year known from
 * earlier turns), decide whether the date fell in that year (当年新注册登记), unless the user said so in words.
 * `datedWords` are the user's words for each date fact the message named ("2021年注册").
 */
export function readSameYear(facts: Record<string, unknown>, sources: Sources, datedWords: ReadonlyMap<FactName, string>, context: SameYearContext = {}): void {
  const year = typeof facts.activityYear === "number" ? facts.activityYear : context.knownYear;
  if (typeof year !== "number") {
    // "2021年新注册的公司 网上卖了六十来万": new that year, so that year is the one asked about. Asked "是否当年
    // 新注册登记", "2021年注册 网零一百三十万" answers it the same way: registered in the year it speaks of.
    const dated = SAME_YEAR_AS.find(({ fact, of }) =>
      (facts[fact] === true || (facts[fact] === undefined && context.asked?.includes(fact))) && typeof facts[of] === "string" && datedWords.has(of));
    if (dated) {
      facts.activityYear = Number((facts[dated.of] as string).slice(0, 4));
      sources.activityYear = datedWords.get(dated.of)!;
      if (facts[dated.fact] === undefined) {
        facts[dated.fact] = true;
        sources[dated.fact] = datedWords.get(dated.of)!;
      }
    }
    return;
  }
  for (const { fact, of } of SAME_YEAR_AS) {
    const date = facts[of];
    if (facts[fact] !== undefined || typeof date !== "string" || !datedWords.has(of)) continue;
    facts[fact] = Number(date.slice(0, 4)) === year;
    sources[fact] = `${datedWords.get(of)}，业绩年度${year}年`;
  }
}

/** The year an earlier turn named, for 当年 in a message naming none: the activity year, else a date's (`sameYearAs`). */
export interface EarlierYear {
  year: number;
  /** The date fact that year is of ("23年3月份成立的" → registrationDate), when not the activity year. */
  of?: FactName;
}

/** "23年3月份成立的" then "当年纳统…两千五百万": the year the conversation already named, if any. */
export function earlierYear(known: Record<string, unknown> | undefined): EarlierYear | undefined {
  if (!known) return undefined;
  if (typeof known.activityYear === "number") return { year: known.activityYear };
  for (const { of } of SAME_YEAR_AS) {
    const date = known[of];
    if (typeof date === "string") return { year: Number(date.slice(0, 4)), of };
  }
  return undefined;
}

/** Yes/no facts that hold for some years after a year fact (`withinYearsAfter`). */
const WITHIN_YEARS_AFTER = FACT_NAMES.flatMap((fact) => {
  const spec = (FACTS[fact] as { withinYearsAfter?: { of: string; years: number } }).withinYearsAfter;
  return spec ? [{ fact, of: spec.of as FactName, years: spec.years }] : [];
});

/**
 * "2021年卖了200万 不过2020年申报时虚报过": a year the user named and the activity year decide whether the activity
 * year lies in that year or the `years` after it (平阴 四/(一) "3年内不得享受"), unless the user said so in words.
 */
export function readYearsAfter(facts: Record<string, unknown>, sources: Sources): void {
  const year = facts.activityYear;
  if (typeof year !== "number") return;
  for (const { fact, of, years } of WITHIN_YEARS_AFTER) {
    const from = facts[of];
    if (facts[fact] !== undefined || typeof from !== "number") continue;
    facts[fact] = year >= from && year - from <= years;
    sources[fact] = `${sources[of] ?? `${from}年`}，业绩年度${year}年`;
  }
}
