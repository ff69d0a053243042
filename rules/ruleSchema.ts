/**
 * The shape of a policy's rule file (`rules/policies/<policy-id>.yaml`), validated with zod at load.
 *
 * A rule file is data: every rule cites its clause id and a verbatim quote, every comparison keeps the
 * word of the text (以上, 达到, 超过…) and every amount is written as the text writes it ("2万元").
 * Unknown keys, a missing citation, an unknown fact, a value that does not fit its fact's unit and an
 * unordered tier table all fail loudly, naming the file, the rule and the field.
 */
import { createHash } from "node:crypto";
import { serialize } from "node:v8";
import { z } from "zod";
import { COMPARISON_WORDS, COMPARISON_WORD_LIST, type ComparisonOp, type ComparisonWord } from "./comparisonWords.js";
import { ENTITY_TYPES, FACT_NAMES, FACTS, VOCABULARY, type EntityType, type FactName, type FactSpec } from "./facts.js";
import { fenAt, foreignMoneyLiteral, rateFor } from "./currency.js";
import { MONEY_LITERAL, parseMoney, parsePercent, parseQuantity } from "./money.js";
import { codeStamp } from "./ruleFiles.js";
import { RuleSchemaError } from "./ruleSchemaError.js";

// ---------------------------------------------------------------------------------------------
// Types of the rule data (rules/policies/<policy-id>.yaml), for the engine and for tests that build rules.

/** Money as the text writes it: "2万元", "2.4万元", "2000元", "1亿元". */
export type Money = string;
/** A comparison value: money literal for fen facts, number or "10万" for counts, "YYYY-MM-DD" for dates. */
export type Value = number | string;

/** A condition over facts (three-valued: true, false, unknown). */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      fact: FactName;
      /** The text's word; it fixes the reading unless ambiguous. */
      word: ComparisonWord;
      value: Value;
      /** Required for ambiguous words and for 含本数; must agree with the word otherwise. */
      op?: ComparisonOp;
      /** Why an ambiguous word is read this way. */
      interpretation?: string;
      /** The phrase of the text, e.g. "达到10万粉丝" (default: word + value). */
      text?: string;
      /**
       * A money value in another currency ("100万美元") states how it becomes 元: the policy's words when it
       * says (quoted), else the basis chosen. The rate is the vocabulary's for the activity year (rules/currency.ts).
       */
      conversion?: string;
    }
  | { fact: FactName; is: boolean; text?: string }
  | { fact: FactName; oneOf: string[]; text?: string };

/** A tier of a tier table: a threshold on the table's fact, or a condition of its own. */
export type Tier = { threshold: Value; amount: Amount } | { when: Condition; amount: Amount };

/**
 * A factor of a product: a fact, or a constant with what it counts ("36个月"). A constant the text sets as a
 * most ("连续补助3年") may be `limitedBy` a fact the user states shorter (租期两年): then the fact counts, and
 * `note` (the rule's words) is listed while the fact is unknown.
 */
export type Factor = { fact: FactName } | { constant: number; label: string; limitedBy?: { fact: FactName; note: string }; period?: Period };

/**
 * What one unit of a constant is, when it counts time ("连续补助3年" = 36 个月 → 月): the engine then also gives
 * the amount for one month and one year of it (“每月每平方米15元”: 每月, and ×12 每年), never a period the
 * text's unit cannot make whole (a constant in 年 has no month).
 */
export const PERIODS = ["月", "年"] as const;
export type Period = (typeof PERIODS)[number];

/**
 * Where a cap applies, as the text says: to each event (每次活动不超过5万元), to each site (每个站点不超过2万元),
 * to each year (每年最高、年内累计不超过10万元), or to the whole amount (最高不超过50万元, 每家企业最高40万元).
 * The engine caps each instance a user states, then each year's sum, then the total.
 */
export const CAP_SCOPES = ["event", "site", "year", "total"] as const;
export type CapScope = (typeof CAP_SCOPES)[number];

/** A cap with its own citation (min of all caps applies). */
export interface Cap {
  amount: Amount;
  /** What the cap applies to: each event, each site, each year, or the total. */
  per: CapScope;
  /** What the cap is, e.g. "每家企业最高补贴". */
  label: string;
  /** Verbatim words of the cap; must stand in `clause` (default: the rule's clause). */
  quote: string;
  clause?: string;
}

/** An amount expression: a tree of mechanisms (one file each in rules/mechanisms/). A string is a fixed amount. */
export type Amount =
  | Money
  | { mechanism: "fixed"; amount: Money }
  | {
      mechanism: "tierTable";
      /** Shorthand tables compare one fact with each tier's threshold using one word. */
      fact?: FactName;
      word?: ComparisonWord;
      op?: ComparisonOp;
      interpretation?: string;
      /**
       * "首次突破": the fact holding the best value of earlier years (the vocabulary's `earlierOf` the table's
       * fact). A tier that value already reached gives nothing again. Threshold tables only.
       */
      earlier?: FactName;
      /**
       * A fact that is at most this one when the table's own is not stated (全国性电商平台销售额 ≤ 年网络零售额): a tier
       * it does not reach is not reached; a tier it reaches asks for the table's fact. Threshold tables only.
       */
      boundedBy?: FactName;
      /** Lowest tier first; the highest tier reached wins. */
      tiers: Tier[];
    }
  | { mechanism: "perUnit"; fact: FactName; unit: Value; amountPerUnit: Money; rounding: "wholeUnits" | "proRata" }
  | { mechanism: "percentOf"; percent: number | string; of: FactName | Exclude<Amount, Money> }
  | { mechanism: "product"; of: Amount; times: Factor[] }
  | {
      mechanism: "sum";
      parts: Amount[];
      /**
       * While this holds (the user asks about this very provision), a part fed by a part of a whole (rules/facts.yaml
       * partOf) that the user left out, stating a sibling part, counts as none — as a text says "只有一部分投入的，另一部分
       * 按0元填报". Otherwise such a part is asked for.
       */
      leftOutAsNone?: Condition;
    }
  | { mechanism: "capMin"; of: Amount; caps: Cap[] }
  | {
      mechanism: "rankTable";
      fact?: FactName;
      /** Bands by rank: "前3位分别…" → [{through:1},{through:2},{through:3}]; rank ≤ through, first match. */
      places: Array<{ through: number; amount: Amount }>;
      /** Ranks after the last band ("10名以后"); without it they get nothing. */
      after?: { amount: Amount; interpretation: string };
      /** How the ranking is defined (who ranks, among whom): always an interpretation. */
      interpretation?: string;
    }
  | {
      mechanism: "when";
      when: Condition;
      then: Amount;
      else?: Amount;
      label?: string;
      /**
       * `then`: a condition users seldom state ("签订1年及以上期限劳动合同" of a job subsidy) does not hold the
       * amount up while unknown; the part counts and the rule's conditions say it is still to be met. Stated
       * false, the part is 0 and the reply says why. Without it, an unknown condition is asked for.
       */
      unknown?: "then";
      /**
       * An add-on of a sum ("安排就餐的，再给予30元/人补助"): a user who tells another add-on of the same sum (管了饭)
       * and is silent on this one (上机) had not this one; it counts as none, said so. Otherwise it is asked for.
       */
      extra?: true;
    }
  | { mechanism: "notComputable"; reason: string };

/** An exception with priority (Catala-style): when its condition holds, the rule does not apply. */
export interface Exception {
  id: string;
  when: Condition;
  /** Higher first; the first exception that holds decides. */
  priority: number;
  /** Chinese explanation shown in the trace, e.g. "年度内已获得上级扶持资金，不再重复享受". */
  reason: string;
  clause: string;
  quote: string;
}

/**
 * A condition of the text. Plain text when no user could state it; with `when`, a user's words decide it
 * ("不是旗舰店", "公司已经停业") and it stays a condition to meet while nobody has said.
 */
export type RuleCondition = string | { text: string; when: Condition };

/** The words of a condition as the text states them. */
export function conditionText(c: RuleCondition): string {
  return typeof c === "string" ? c : c.text;
}

export interface Rule {
  /** Unique within the policy, kebab-case, e.g. "influencer-sales". */
  id: string;
  /** Short Chinese name, e.g. "带货达人线上销售奖励". */
  title: string;
  /** Clause id as in shared/spec/ask.md, e.g. "pingyin-2020:三/(三)/3". */
  clause: string;
  /** Verbatim sentence(s) of the clause that this rule encodes. */
  quote: string;
  /** Applicants the rule is for (empty = anyone). Unknown entity type is not a missing fact. */
  entityTypes: EntityType[];
  /** Words of the clause text that signal this provision (the bot matches them). */
  keywords: string[];
  /** "award" (default) pays or states an amount; "gate" only decides eligibility (扶持范围). */
  kind?: "award" | "gate";
  /** Applicability. Absent = applies. */
  when?: Condition;
  /** Required for awards, forbidden for gates. */
  amount?: Amount;
  /** The text says 最高 / 不超过. */
  upTo: boolean;
  /** Conditions beyond `when`: plain text the bot cannot check (ranking, 审核…), or text with a fact a user may state. */
  conditions?: RuleCondition[];
  /** Ids of gate rules of this policy that must also hold. */
  gates?: string[];
  exceptions?: Exception[];
  /** Reading notes (interpretations not tied to one comparison). */
  notes?: string[];
}

/** "Only one of these per year": keep the largest eligible amount and say so. */
export interface ExclusiveGroup {
  id: string;
  /** Rule ids in the group, or "all" (every award rule of the policy). */
  rules: string[] | "all";
  clause: string;
  quote: string;
}

/** An amount of the text that is not an award (budget, target, loan limit, threshold of a non-award). */
export interface NotAward {
  clause: string;
  /** As the text writes it: "1000万元", "80%", "10亿元". */
  amount: string;
  reason: string;
}

/**
 * What a clause that grants no award of its own says, in kinds a shop owner tells apart: how to apply
 * (procedure), whom the text names (contact), a yearly fund, a loan, praise only, a target, land, a benefit
 * in kind (free office space), government purchase of services, a reference to another document, a
 * definition, organisation, who is excluded (不予扶持 list), an earlier document repealed. The bot's plain sentence for each kind is a template.
 */
export const CLAUSE_KINDS = ["procedure", "contact", "fund", "loan", "praise", "target", "land", "inKind", "service", "reference", "definition", "organisation", "direction", "exclusion", "repeal"] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** One clause (or sentence of it) that carries no award: answered with its quote and a plain sentence. */
export interface ClauseNote {
  clause: string;
  kind: ClauseKind;
  /** Short Chinese name, e.g. "电商产业发展专项扶持资金"; for a contact, the department the text names. */
  title: string;
  /** Verbatim sentence(s) of the clause the note is about. */
  quote: string;
  /** Words of the clause a question about it uses (the bot matches them as it does rule keywords). */
  keywords: string[];
  /** A plainer sentence than the kind's own, when that one does not fit. No digits: figures stay in the quote. */
  plain?: string;
  /** For a procedure: what an applicant wants to know that the text does not state ("申报材料"). */
  notStated?: string[];
  /**
   * What the grant requires that a user's facts can decide ("一次性投资2000万元以上" for land): a user whose
   * facts fail it is told so beside the clause. Each comparison names its phrase of the text (`text`).
   */
  when?: Condition;
}

export interface PolicyRuleFile {
  /** Policy id from policies.json. */
  policy: string;
  /** Conditions for every award rule (扶持范围: 无不良信用记录…), as for a rule. */
  conditions?: RuleCondition[];
  /** Exceptions for every award rule (年度内已获得上级扶持资金的，不再重复享受). */
  exceptions?: Exception[];
  exclusive?: ExclusiveGroup[];
  notAwards?: NotAward[];
  clauseNotes?: ClauseNote[];
  rules: Rule[];
}

// ---------------------------------------------------------------------------------------------
// zod schemas

const text = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} must not be empty`);
const factName = z.enum(FACT_NAMES as [FactName, ...FactName[]], { error: (i) => `unknown fact "${String(i.input)}"` });
const word = z.enum(COMPARISON_WORD_LIST as [ComparisonWord, ...ComparisonWord[]], {
  error: (i) => `unknown comparison word "${String(i.input)}" (known: ${COMPARISON_WORD_LIST.join(" ")})`,
});
const op = z.enum(["gte", "gt", "lte", "lt"]);
const money = z.string().regex(MONEY_LITERAL, 'expected money as the text writes it, e.g. "2万元" or "2000元"');
const clauseId = z.string().regex(/^[a-z0-9-]+:\S+$/, 'expected a clause id like "pingyin-2020:三/(三)/3"');
const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected kebab-case like influencer-sales");

/**
 * Converts a comparison value to the fact's unit: money → fen, quantities → count, dates stay strings.
 * Throws a message for the schema when it does not fit.
 */
export function valueForFact(fact: FactName, value: Value): number | string {
  const spec: FactSpec = FACTS[fact];
  switch (spec.unit) {
    case "fen": {
      if (typeof value !== "string") throw new Error(`${fact} is money: write the value as the text does, e.g. "100万元"`);
      // In another currency: at the latest rate here (ordering checks, examples); a condition converts at the activity year's.
      const foreign = foreignMoneyLiteral(value);
      return foreign ? fenAt(foreign.amount, rateFor(foreign.code, undefined).yuanPer) : parseMoney(value);
    }
    case "date":
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${fact} is a date: write YYYY-MM-DD`);
      return value;
    case "bool":
    case "enum":
      throw new Error(`${fact} is ${spec.unit}: use "is" or "oneOf", not a comparison`);
    default:
      return typeof value === "number" ? value : parseQuantity(value);
  }
}

/** A value outside conditions must be in 元: only a condition says how another currency converts (conversion). */
function inYuan(value: Value): Value {
  const foreign = typeof value === "string" ? foreignMoneyLiteral(value) : null;
  if (foreign) throw new Error(`"${value}" is in ${foreign.name}: write it as a condition tier (when: … conversion: …), which converts at the activity year's rate`);
  return value;
}

/** Adds an issue at `path` when `check` throws. */
function tryValue(ctx: z.RefinementCtx, path: PropertyKey[], check: () => unknown): void {
  try {
    check();
  } catch (error) {
    ctx.addIssue({ code: "custom", path, message: (error as Error).message });
  }
}

/** A comparison's word, op and interpretation must agree. */
function checkReading(ctx: z.RefinementCtx, w: ComparisonWord, o: ComparisonOp | undefined, interpretation: string | undefined): void {
  const reading = COMPARISON_WORDS[w] as { op?: ComparisonOp; ambiguous?: true };
  if (reading.ambiguous) {
    if (!o) ctx.addIssue({ code: "custom", path: ["op"], message: `"${w}" is ambiguous: state the reading chosen (op)` });
    if (!interpretation) ctx.addIssue({ code: "custom", path: ["interpretation"], message: `"${w}" is ambiguous: say why it is read this way (interpretation)` });
  } else if (!reading.op) {
    if (!o) ctx.addIssue({ code: "custom", path: ["op"], message: `"${w}" needs op (gte or lte) for the direction` });
    else if (o === "gt" || o === "lt") ctx.addIssue({ code: "custom", path: ["op"], message: `"${w}" includes the number; op ${o} contradicts it` });
  } else if (o && o !== reading.op) {
    ctx.addIssue({ code: "custom", path: ["op"], message: `"${w}" reads as ${reading.op}; op ${o} contradicts the text` });
  }
}

const CONDITION_SHAPES = ["all", "any", "not", "word", "is", "oneOf"] as const;

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ConditionSchema).min(1).optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
      fact: factName.optional(),
      word: word.optional(),
      value: z.union([z.number().nonnegative(), z.string()]).optional(),
      op: op.optional(),
      interpretation: text("interpretation").optional(),
      text: text("text").optional(),
      conversion: text("conversion").optional(),
      is: z.boolean().optional(),
      oneOf: z.array(z.string()).min(1).optional(),
    })
    .superRefine((c, ctx) => {
      const shapes = CONDITION_SHAPES.filter((k) => c[k] !== undefined);
      if (shapes.length !== 1) {
        ctx.addIssue({ code: "custom", message: `a condition has exactly one of ${CONDITION_SHAPES.join("/")} (found: ${shapes.join(", ") || "none"})` });
        return;
      }
      const shape = shapes[0]!;
      const group = shape === "all" || shape === "any" || shape === "not";
      const extra = (["fact", "value", "op", "interpretation", "text", "conversion"] as const).filter((k) => c[k] !== undefined);
      if (group) {
        if (extra.length) ctx.addIssue({ code: "custom", message: `"${shape}" takes no ${extra.join(", ")}` });
        return;
      }
      if (!c.fact) {
        ctx.addIssue({ code: "custom", path: ["fact"], message: "fact is required" });
        return;
      }
      const unit = FACTS[c.fact].unit as string;
      if (shape === "word") {
        if (c.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "value is required" });
        else tryValue(ctx, ["value"], () => valueForFact(c.fact!, c.value!));
        checkReading(ctx, c.word!, c.op, c.interpretation);
        const foreign = unit === "fen" && typeof c.value === "string" ? foreignMoneyLiteral(c.value) : null;
        if (foreign && !c.conversion) ctx.addIssue({ code: "custom", path: ["conversion"], message: `"${c.value}" is in ${foreign.name}: state how it becomes 元 (conversion: the policy's words, or the basis chosen)` });
        if (!foreign && c.conversion) ctx.addIssue({ code: "custom", path: ["conversion"], message: "conversion belongs to a money value in another currency (100万美元)" });
      } else if (shape === "is") {
        if (unit !== "bool") ctx.addIssue({ code: "custom", path: ["is"], message: `${c.fact} is not a yes/no fact` });
      } else {
        const values = (FACTS[c.fact] as FactSpec).values;
        if (!values) ctx.addIssue({ code: "custom", path: ["oneOf"], message: `${c.fact} is not an enum fact` });
        else c.oneOf!.forEach((v, i) => {
          if (!(v in values)) ctx.addIssue({ code: "custom", path: ["oneOf", i], message: `"${v}" is not a value of ${c.fact} (${Object.keys(values).join(", ")})` });
        });
      }
      if (shape !== "word" && (c.value !== undefined || c.op || c.interpretation || c.conversion)) {
        ctx.addIssue({ code: "custom", message: `value/op/interpretation/conversion belong to comparisons with "word"` });
      }
    }),
) as unknown as z.ZodType<Condition>;

/** Thresholds a tier condition puts on each fact (for the ordering check). */
function tierThresholds(c: Condition, out: Map<string, number | string>): void {
  if ("all" in c) c.all.forEach((x) => tierThresholds(x, out));
  else if ("any" in c) c.any.forEach((x) => tierThresholds(x, out));
  else if ("word" in c) {
    try {
      if (!out.has(c.fact)) out.set(c.fact, valueForFact(c.fact, c.value));
    } catch {
      // reported by the condition schema
    }
  }
}

/** Fixed amount of an amount node, when it is one (for the non-decreasing check). */
function fixedFen(a: Amount): number | null {
  const m = typeof a === "string" ? a : a.mechanism === "fixed" ? a.amount : null;
  if (m === null) return null;
  try {
    return parseMoney(m);
  } catch {
    return null;
  }
}

const toFixed = (v: unknown) => (typeof v === "string" ? { mechanism: "fixed", amount: v } : v);

const CapSchema = z.strictObject({
  amount: z.lazy(() => AmountSchema),
  per: z.enum(CAP_SCOPES, {
    error: (i) => `cap "per" is ${i.input === undefined ? "required" : `"${String(i.input)}", not known`}: where the text applies it (${CAP_SCOPES.join(" ")})`,
  }),
  label: text("label"),
  quote: text("quote"),
  clause: clauseId.optional(),
});

export const AmountSchema: z.ZodType<Amount> = z.lazy(() =>
  z.preprocess(
    toFixed,
    z.discriminatedUnion("mechanism", [
      z.strictObject({ mechanism: z.literal("fixed"), amount: money }),
      z
        .strictObject({
          mechanism: z.literal("tierTable"),
          fact: factName.optional(),
          word: word.optional(),
          op: op.optional(),
          interpretation: text("interpretation").optional(),
          earlier: factName.optional(),
          boundedBy: factName.optional(),
          tiers: z
            .array(
              z.union([
                z.strictObject({ threshold: z.union([z.number().nonnegative(), z.string()]), amount: AmountSchema }),
                z.strictObject({ when: ConditionSchema, amount: AmountSchema }),
              ]),
            )
            .min(1),
        })
        .superRefine((t, ctx) => {
          const shorthand = t.tiers.filter((x) => "threshold" in x).length;
          if (shorthand > 0 && shorthand < t.tiers.length) {
            ctx.addIssue({ code: "custom", path: ["tiers"], message: "tiers are either all thresholds or all conditions" });
            return;
          }
          if (shorthand > 0) {
            if (!t.fact || !t.word) {
              ctx.addIssue({ code: "custom", message: "a threshold table needs fact and word" });
              return;
            }
            checkReading(ctx, t.word, t.op, t.interpretation);
          } else if (t.fact || t.word || t.op || t.earlier || t.boundedBy) {
            ctx.addIssue({ code: "custom", message: "fact/word/op/earlier/boundedBy belong to threshold tables; condition tiers carry their own" });
          }
          if (t.earlier && t.fact && (FACTS[t.earlier] as FactSpec).earlierOf !== t.fact) {
            ctx.addIssue({ code: "custom", path: ["earlier"], message: `"${t.earlier}" is not the earlier years' value of ${t.fact} (its earlierOf in rules/facts.yaml)` });
          }
          // Ordering: thresholds strictly ascending per fact, fixed amounts non-decreasing.
          let prevFen: number | null = null;
          const prevThreshold = new Map<string, number | string>();
          t.tiers.forEach((tier, i) => {
            const thresholds = new Map<string, number | string>();
            if ("threshold" in tier) tryValue(ctx, ["tiers", i, "threshold"], () => thresholds.set(t.fact!, valueForFact(t.fact!, inYuan(tier.threshold))));
            else tierThresholds(tier.when, thresholds);
            for (const [f, v] of thresholds) {
              const prev = prevThreshold.get(f);
              if (prev !== undefined && !(v > prev)) {
                ctx.addIssue({ code: "custom", path: ["tiers", i], message: `tier table is not ordered: ${f} threshold of tier ${i + 1} is not above tier ${i}'s (lowest tier first)` });
              }
              prevThreshold.set(f, v);
            }
            const fen = fixedFen(tier.amount);
            if (fen !== null && prevFen !== null && fen < prevFen) {
              ctx.addIssue({ code: "custom", path: ["tiers", i, "amount"], message: `tier table is not ordered: amount of tier ${i + 1} is below tier ${i}'s` });
            }
            if (fen !== null) prevFen = fen;
          });
        }),
      z
        .strictObject({
          mechanism: z.literal("perUnit"),
          fact: factName,
          unit: z.union([z.number().positive(), z.string()]),
          amountPerUnit: money,
          rounding: z.enum(["wholeUnits", "proRata"]),
        })
        .superRefine((p, ctx) => tryValue(ctx, ["unit"], () => {
          if (valueForFact(p.fact, inYuan(p.unit)) === 0) throw new Error("unit must be positive");
        })),
      z
        .strictObject({
          mechanism: z.literal("percentOf"),
          percent: z.union([z.number().nonnegative(), z.string()]),
          of: z.union([factName, AmountSchema]),
        })
        .superRefine((p, ctx) => {
          tryValue(ctx, ["percent"], () => parsePercent(p.percent));
          if (typeof p.of === "string" && FACTS[p.of as FactName]?.unit !== "fen") {
            ctx.addIssue({ code: "custom", path: ["of"], message: `percentOf needs a money fact, ${p.of} is not` });
          }
        }),
      z.strictObject({
        mechanism: z.literal("product"),
        of: AmountSchema,
        times: z
          .array(
            z.union([
              z.strictObject({ fact: factName }).refine((f) => ["count", "sqm", "day"].includes(FACTS[f.fact].unit), {
                message: "product factors are counts, areas or days",
              }),
              z.strictObject({
                constant: z.number().int().positive(),
                label: text("label"),
                limitedBy: z
                  .strictObject({ fact: factName, note: text("note") })
                  .refine((l) => FACTS[l.fact].unit === "count", { message: "a constant is limited by a count" })
                  .optional(),
                period: z.enum(PERIODS).optional(),
              }),
            ]),
          )
          .min(1),
      }),
      z.strictObject({ mechanism: z.literal("sum"), parts: z.array(AmountSchema).min(2), leftOutAsNone: ConditionSchema.optional() }),
      z.strictObject({ mechanism: z.literal("capMin"), of: AmountSchema, caps: z.array(CapSchema).min(1) }),
      z
        .strictObject({
          mechanism: z.literal("rankTable"),
          fact: factName.optional(),
          places: z.array(z.strictObject({ through: z.number().int().positive(), amount: AmountSchema })).min(1),
          after: z.strictObject({ amount: AmountSchema, interpretation: text("interpretation") }).optional(),
          interpretation: text("interpretation").optional(),
        })
        .superRefine((r, ctx) => {
          if (r.fact && FACTS[r.fact].unit !== "rank") ctx.addIssue({ code: "custom", path: ["fact"], message: `${r.fact} is not a rank` });
          r.places.forEach((p, i) => {
            if (i > 0 && p.through <= r.places[i - 1]!.through) {
              ctx.addIssue({ code: "custom", path: ["places", i], message: "rank table is not ordered: places must ascend (1st first)" });
            }
            const fen = fixedFen(p.amount);
            const prev = i > 0 ? fixedFen(r.places[i - 1]!.amount) : null;
            if (fen !== null && prev !== null && fen > prev) {
              ctx.addIssue({ code: "custom", path: ["places", i, "amount"], message: "rank table is not ordered: a lower place pays more than a higher one" });
            }
          });
        }),
      z.strictObject({
        mechanism: z.literal("when"),
        when: ConditionSchema,
        then: AmountSchema,
        else: AmountSchema.optional(),
        label: text("label").optional(),
        unknown: z.literal("then").optional(),
        extra: z.literal(true).optional(),
      }),
      z.strictObject({ mechanism: z.literal("notComputable"), reason: text("reason") }),
    ]),
  ),
) as unknown as z.ZodType<Amount>;

const RuleConditionSchema: z.ZodType<RuleCondition> = z.union([
  text("condition"),
  z.strictObject({ text: text("condition text"), when: ConditionSchema }),
]);

const ExceptionSchema = z.strictObject({
  id: ruleId,
  when: ConditionSchema,
  priority: z.number().int(),
  reason: text("reason"),
  clause: clauseId,
  quote: text("quote"),
});

const RuleSchema = z
  .strictObject({
    id: ruleId,
    title: text("title"),
    clause: clauseId,
    quote: text("quote (verbatim words of the clause)"),
    entityTypes: z.array(z.enum(Object.keys(ENTITY_TYPES) as [EntityType, ...EntityType[]])),
    keywords: z.array(text("keyword")).min(1, "at least one topic keyword from the clause text"),
    kind: z.enum(["award", "gate"]).optional(),
    when: ConditionSchema.optional(),
    amount: AmountSchema.optional(),
    upTo: z.boolean({ error: "upTo is required (does the text say 最高/不超过?)" }),
    conditions: z.array(RuleConditionSchema).optional(),
    gates: z.array(ruleId).optional(),
    exceptions: z.array(ExceptionSchema).optional(),
    notes: z.array(text("note")).optional(),
  })
  .superRefine((r, ctx) => {
    const gate = r.kind === "gate";
    if (!gate && !r.amount) ctx.addIssue({ code: "custom", path: ["amount"], message: "an award rule needs an amount (notComputable when the text gives none)" });
    if (gate && r.amount) ctx.addIssue({ code: "custom", path: ["amount"], message: "a gate rule decides eligibility only; remove amount" });
    if (gate && !r.when) ctx.addIssue({ code: "custom", path: ["when"], message: "a gate rule needs a condition" });
  });

const ExclusiveSchema = z.strictObject({
  id: ruleId,
  rules: z.union([z.literal("all"), z.array(ruleId).min(2)]),
  clause: clauseId,
  quote: text("quote"),
});

const NotAwardSchema = z.strictObject({ clause: clauseId, amount: text("amount"), reason: text("reason") });

const ClauseNoteSchema = z.strictObject({
  clause: clauseId,
  kind: z.enum(CLAUSE_KINDS, { error: (i) => `unknown clause kind "${String(i.input)}" (known: ${CLAUSE_KINDS.join(" ")})` }),
  title: text("title"),
  quote: text("quote (verbatim words of the clause)"),
  keywords: z.array(text("keyword")).min(1, "at least one topic keyword from the clause text"),
  plain: text("plain").regex(/^[^0-9０-９]*$/, "no digits in a plain sentence: figures stay in the quote").optional(),
  notStated: z.array(text("notStated")).optional(),
  when: ConditionSchema.optional(),
});

const PolicyFileSchema = z.strictObject({
  policy: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  conditions: z.array(RuleConditionSchema).optional(),
  exceptions: z.array(ExceptionSchema).optional(),
  exclusive: z.array(ExclusiveSchema).optional(),
  notAwards: z.array(NotAwardSchema).optional(),
  clauseNotes: z.array(ClauseNoteSchema).optional(),
  rules: z.array(z.unknown()),
});

// A leaf module, so that rules/ruleFiles.ts (which the fact vocabulary reads through) needs no schema.
export { RuleSchemaError };

/** The zod issue most worth reporting: inside a union, the branch that got furthest. */
function deepestIssue(issue: z.core.$ZodIssue, base: PropertyKey[] = []): { path: PropertyKey[]; message: string } {
  const path = [...base, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const candidates = issue.errors
      .map((branch) => branch[0])
      .filter((x): x is z.core.$ZodIssue => x !== undefined)
      .map((x) => deepestIssue(x, path));
    candidates.sort((a, b) => b.path.length - a.path.length);
    if (candidates[0]) return candidates[0];
  }
  if (issue.code === "unrecognized_keys") return { path, message: `unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}` };
  return { path, message: issue.message };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** Where a field sits in its file, when known: the path as zod reports it, from the top of the file. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function located(source: string, lineOf: LineOf | undefined, path: readonly PropertyKey[]): string {
  const line = lineOf?.(path);
  return line ? `${source}:${line}` : source;
}

function fail(source: string, where: string, error: z.ZodError, lineOf?: LineOf, base: PropertyKey[] = []): never {
  const { path, message } = deepestIssue(error.issues[0]!);
  const at = formatPath(path);
  throw new RuleSchemaError(`${located(source, lineOf, [...base, ...path])}: ${where}${at ? `: ${at}` : ""}: ${message}`);
}

let validationKey: string | undefined;

/**
 * What validating a rule file depends on besides its text: the code of rules/ and the fact vocabulary it is
 * checked against (the key under which a valid file's result is cached, see rules/ruleFiles.ts validateOnce).
 */
export function ruleFileKey(): string {
  const { source: _, ...vocabulary } = VOCABULARY;
  validationKey ??= `rule file ${codeStamp()} ${createHash("sha256").update(serialize(vocabulary)).digest("hex")}`;
  return validationKey;
}

/**
 * Validates a rule file. Throws {@link RuleSchemaError} with one line such as
 * `rules/policies/pingyin-2020.yaml:120: rule "influencer-sales": amount.tiers[1]: tier table is not ordered…`
 * (the line when `lineOf` can tell it). Also checks what zod cannot see alone: unique rule ids, clause
 * ids of this policy, gate and exclusivity references.
 */
export function parsePolicyRuleFile(input: unknown, source: string, lineOf?: LineOf): PolicyRuleFile {
  const top = PolicyFileSchema.safeParse(input);
  if (!top.success) fail(source, "policy", top.error, lineOf);
  const file = top.data;
  const rules: Rule[] = file.rules.map((raw, i) => {
    const id = (raw as { id?: unknown } | null)?.id;
    const where = `rule ${typeof id === "string" ? `"${id}"` : `#${i + 1}`}`;
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) fail(source, where, parsed.error, lineOf, ["rules", i]);
    return parsed.data as Rule;
  });
  const ids = new Set<string>();
  const problem = (where: string, message: string, path: PropertyKey[] = []): never => {
    throw new RuleSchemaError(`${located(source, lineOf, path)}: ${where}: ${message}`);
  };
  const ownClause = (where: string, clause: string, path: PropertyKey[]) => {
    if (!clause.startsWith(`${file.policy}:`)) problem(where, `clause "${clause}" is not a clause of ${file.policy}`, [...path, "clause"]);
  };
  rules.forEach((r, i) => {
    const where = `rule "${r.id}"`;
    if (ids.has(r.id)) problem(where, "duplicate rule id", ["rules", i, "id"]);
    ids.add(r.id);
    ownClause(where, r.clause, ["rules", i]);
    r.exceptions?.forEach((e, j) => ownClause(`${where}: exception "${e.id}"`, e.clause, ["rules", i, "exceptions", j]));
  });
  rules.forEach((r, i) => {
    for (const g of r.gates ?? []) {
      const gate = rules.find((x) => x.id === g);
      if (!gate) problem(`rule "${r.id}"`, `gates: no rule "${g}"`, ["rules", i, "gates"]);
      else if (gate.kind !== "gate") problem(`rule "${r.id}"`, `gates: rule "${g}" is not a gate (kind: "gate")`, ["rules", i, "gates"]);
    }
  });
  file.exclusive?.forEach((group, i) => {
    ownClause(`exclusive "${group.id}"`, group.clause, ["exclusive", i]);
    if (group.rules !== "all") {
      for (const id of group.rules) if (!ids.has(id)) problem(`exclusive "${group.id}"`, `no rule "${id}"`, ["exclusive", i, "rules"]);
    }
  });
  file.exceptions?.forEach((e, i) => ownClause(`exception "${e.id}"`, e.clause, ["exceptions", i]));
  file.notAwards?.forEach((n, i) => ownClause(`notAwards[${i}]`, n.clause, ["notAwards", i]));
  file.clauseNotes?.forEach((n, i) => ownClause(`clauseNotes[${i}]`, n.clause, ["clauseNotes", i]));
  return { ...(file as Omit<PolicyRuleFile, "rules">), rules };
}
