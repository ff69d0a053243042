/**
 * What the engine says about one provision for one set of facts.
 * This is the shape the bot composes answers from and `ask --json` prints in `awards`.
 */
import type { FactName } from "./facts.js";
import type { PeriodAmount, Straddle } from "./mechanisms/mechanism.js";

export type { Straddle } from "./mechanisms/mechanism.js";

export interface AwardResult {
  /** Policy id from policies.json, e.g. "pingyin-2020". */
  policy: string;
  /** Rule id, unique within the policy, e.g. "influencer-sales". */
  rule: string;
  /** Clause id as in shared/spec/ask.md, e.g. "pingyin-2020:三/(三)/3". */
  clause: string;
  /** Short Chinese name of the provision, e.g. "带货达人线上销售奖励". */
  title: string;
  /** true = conditions met; false = a condition failed (trace says which); null = undecided, see `missing`. */
  eligible: boolean | null;
  /** Integer fen, or null when the text gives no computable figure (or only a range, see `amountRange`). */
  amountFen: number | null;
  /** The amount is a range because the user's figure is approximate: both ends in fen, `highFen` null = open. */
  amountRange?: { lowFen: number; highFen: number | null; facts: FactName[]; words: string[] };
  /** Approximate figures that lie across a line of the text: the exact figure decides. */
  straddles?: Straddle[];
  /** The text says 最高 / 不超过: a ceiling, not a promise. */
  upTo: boolean;
  /** In force for the activity year named, else on the as-of date; null when the document states no period. */
  inForce: boolean | null;
  /** Conditions the bot cannot check and the applicant must meet. */
  conditions: string[];
  /** Facts still needed to decide. */
  missing: FactName[];
  /** Human-readable steps: each comparison with its source word and reading. */
  trace: string[];
  /** Verbatim quote of the clause sentence(s) the rule encodes. */
  quote: string;
  /** Not paid because a larger award of the same "不重复奖励" group is kept: that award's rule id. */
  keptInstead?: string;
  /** A support paid over time: its amount for one month and one year (engine amounts, in the trace too). */
  perPeriod?: PeriodAmount[];
  /** Worded conditions (旗舰店, 市级, 正常经营…) that a known fact decided; the bot shows them beside the user's words. */
  checks?: StatedCheck[];
}

/** One worded condition decided by a fact: the clause's words and whether the fact meets them. */
export interface StatedCheck {
  /** The known facts that decided it. */
  facts: FactName[];
  text: string;
  holds: boolean;
}
