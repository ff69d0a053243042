/**
 * The fact vocabulary: every fact a rule may read and the bot may ask for, declared as data in
 * rules/facts.yaml (unit, label, the words that announce it, plausible range) and validated here.
 *
 * Money is always integer fen (1 元 = 100 fen) so that no floating point touches an amount.
 * The TypeScript names of the facts (`FactName`, `Facts`) come from rules/factTypes.ts, generated from
 * the YAML by `npm run facts:types`; a fact added only in the YAML is read, asked for and validated at
 * run time all the same, it just has no TypeScript name until the types are generated.
 */
import { z } from "zod";
import { FACT_UNITS, FACT_VALUES } from "./factTypes.js";
import { combineParts } from "./quantity.js";
import { loadVocabulary, VocabularyError, type FactSpec, type Vocabulary } from "./vocabulary.js";

export { VocabularyError, type Cue, type FactSpec, type FactUnit, type Vocabulary } from "./vocabulary.js";

/** The facts the code names (rules/factTypes.ts) must be in the file, with the unit and values the code expects. */
function checkCodeNames(vocabulary: Vocabulary): void {
  const source = vocabulary.source;
  for (const [name, unit] of Object.entries(FACT_UNITS)) {
    const spec = vocabulary.facts[name];
    const fail = (why: string) => new VocabularyError(`${source}: fact "${name}": ${why} (the code names it in rules/factTypes.ts; run npm run facts:types after changing it)`);
    if (!spec) throw fail("missing");
    if (spec.unit !== unit) throw fail(`unit is ${spec.unit}, the code expects ${unit}`);
    const missing = ((FACT_VALUES as Record<string, readonly string[]>)[name] ?? []).filter((v) => !spec.values?.[v]);
    if (missing.length) throw fail(`values lack ${missing.join(", ")}`);
  }
}

/** The vocabulary the bot runs with, read once at start-up. */
export const VOCABULARY: Vocabulary = loadVocabulary();
checkCodeNames(VOCABULARY);

type FactUnits = typeof FACT_UNITS;
type FactValues = { -readonly [K in keyof typeof FACT_VALUES]: (typeof FACT_VALUES)[K][number] };

/** Names of the facts the code knows. Keep them stable: they appear in `missing` of the `ask` output. */
export type FactName = keyof FactUnits;
/** The unit of a fact the code knows. */
export type FactUnitOf<K extends FactName> = FactUnits[K];

/** Every fact of the vocabulary, by name. Facts added only in the YAML are here too (by their string name). */
export const FACTS = VOCABULARY.facts as Readonly<Record<FactName, FactSpec>>;
/** Every fact name of the vocabulary, in file order. */
export const FACT_NAMES = Object.keys(VOCABULARY.facts) as FactName[];

/** Kinds of applicant the documents name. */
export type EntityType = FactValues["entityType"];
export const ENTITY_TYPES = FACTS.entityType.values as Readonly<Record<EntityType, string>>;
/** Applicants a provision for another kind may still cover, for the department to confirm (rules/facts.yaml). */
export const ENTITY_MAY_APPLY_AS = (FACTS.entityType.mayApplyAs ?? {}) as Readonly<Partial<Record<EntityType, { as: readonly EntityType[]; note: string }>>>;
/** Trade modes that Yeji's item 14 distinguishes. */
export type TradeMode = FactValues["tradeMode"];
export const TRADE_MODES = FACTS.tradeMode.values as Readonly<Record<TradeMode, string>>;

const nonNegativeInt = (label: string) =>
  z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).nonnegative(`${label}不能为负数`).max(Number.MAX_SAFE_INTEGER, `${label}超出范围`);

/**
 * A figure the user gave approximately ("80来万", "七八个", "超过30人"): every value from `low` to `high`,
 * both included, in the fact's unit (fen, count…); `high` null = no upper bound. `words` are the user's
 * own, so traces and replies quote them instead of a figure the user never wrote. Exact figures stay
 * plain numbers.
 */
export interface ApproxValue {
  low: number;
  high: number | null;
  words: string;
  /**
   * Several instances of the fact in one message ("一场花了5w 一场花了8w", "2021年花了三十来万 2022年花了16万",
   * "3期 每期40人"): `low`/`high` are their sum, or for a fact whose instances do not add up (the days of two
   * sessions) the span of them all. Caps per event, per site or per year apply to each.
   */
  parts?: QuantityPart[];
  /**
   * The parts are items of one sum, each named by its own word ("设备买了70万 软件10万"): no cap applies per item
   * (the engine sees one value); a correction naming one of them replaces that one only ("不对 设备是60万").
   */
  items?: true;
}

/** One instance of a fact stated several times: its interval, the user's words, and its year when said. */
export interface QuantityPart {
  low: number;
  high: number | null;
  words: string;
  year?: number;
  /** The word that named this item of a sum ("设备", "软件"). */
  cue?: string;
}

/** A numeric fact's value: exact, or approximate. */
export type Quantity = number | ApproxValue;

/** zod schema of an approximate value whose bounds pass `bound`; its parts, if any, make it up (see combineParts). */
function approxSchema(label: string, bound: z.ZodNumber, adds: boolean) {
  const interval = { low: bound, high: bound.nullable(), words: z.string().min(1, `${label}缺原话`).max(80) };
  const ordered = (v: { low: number; high: number | null }) => v.high === null || v.low <= v.high;
  const part = z
    .strictObject({ ...interval, year: z.number().int().min(1990).max(2100).optional(), cue: z.string().min(1).max(20).optional() })
    .refine(ordered, `${label}的范围下限大于上限`);
  const madeUp = (v: { low: number; high: number | null; parts?: QuantityPart[] }) => {
    if (!v.parts) return true;
    const whole = combineParts(v.parts, adds);
    return whole.low === v.low && whole.high === v.high;
  };
  return z
    .strictObject({ ...interval, words: interval.words.max(160), parts: z.array(part).min(1).max(100).optional(), items: z.literal(true).optional() })
    .refine(ordered, `${label}的范围下限大于上限`)
    .refine(madeUp, adds ? `${label}的各项之和与合计不符` : `${label}的范围与各项不符`);
}

/** zod schema of one fact's value, derived from its unit ({@link FactsSchema} builds each on first use). */
export function factValueSchema(name: FactName): z.ZodType {
  const spec: FactSpec = FACTS[name];
  switch (spec.unit) {
    case "fen":
    case "count":
    case "sqm":
      return z.union([nonNegativeInt(spec.label), approxSchema(spec.label, nonNegativeInt(spec.label), spec.adds !== undefined)], { error: `${spec.label}必须是数字` });
    case "rank":
      return nonNegativeInt(spec.label).min(1, `${spec.label}从第1名算起`);
    case "year":
      return z.number().int().min(1990, `${spec.label}不合理`).max(2100, `${spec.label}不合理`);
    case "day": {
      const day = z.number().positive(`${spec.label}必须大于0`).max(3650).refine((d) => Number.isInteger(d * 2), `${spec.label}按半天计`);
      return z.union([day, approxSchema(spec.label, z.number().positive().max(3650), spec.adds !== undefined)]);
    }
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${spec.label}应为 YYYY-MM-DD`);
    case "bool":
      return z.boolean();
    case "enum":
      return z.enum(Object.keys(spec.values ?? {}) as [string, ...string[]]);
  }
}

/**
 * A fact's value schema, built when a value of that fact is first checked: building all of them cost
 * ~70 ms of every start, and a question states a few facts. zod asks an optional field's inner schema
 * whether it has a default (`optin`) even when the field is absent, which would build a lazy one; no
 * fact's value has a default (a value schema's optin is undefined), so that answer is given here.
 */
function lazyFactSchema(name: FactName): z.ZodOptional<z.ZodType> {
  const lazy = z.lazy(() => factValueSchema(name));
  Object.defineProperty(lazy._zod, "optin", { value: undefined, configurable: true, writable: true });
  return lazy.optional();
}

/**
 * The facts schema: every key optional (unknown until the user says it), unknown keys rejected.
 * Error messages name the fact, so a bad value never turns into a wrong amount.
 */
export const FactsSchema = z.strictObject(Object.fromEntries(FACT_NAMES.map((n) => [n, lazyFactSchema(n)])) as Record<FactName, z.ZodOptional<z.ZodType>>);

const narrowed = new Map<string, z.ZodType>();
/** Key sets remembered at most; past it the cache starts again (each entry is a small schema). */
const NARROWED_AT_MOST = 500;

/**
 * {@link FactsSchema} narrowed to the facts `input` names (a few of ~80): the same fact schemas, order and
 * strictness, so the same result or issues, without a pass over every absent fact. Cached per key set.
 */
export function factsSchemaFor(input: unknown): z.ZodType {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return FactsSchema;
  const names = FACT_NAMES.filter((n) => n in input);
  const key = names.join(" ");
  let schema = narrowed.get(key);
  if (!schema) {
    if (narrowed.size >= NARROWED_AT_MOST) narrowed.clear();
    schema = FactsSchema.pick(Object.fromEntries(names.map((n) => [n, true])) as Partial<Record<FactName, true>>);
    narrowed.set(key, schema);
  }
  return schema;
}

/** Facts known about one applicant; absent = unknown. */
export type Facts = {
  [K in FactName]?: FactUnits[K] extends "bool"
    ? boolean
    : FactUnits[K] extends "date"
      ? string
      : K extends keyof FactValues
        ? FactValues[K]
        : FactUnits[K] extends "fen" | "count" | "sqm" | "day"
          ? Quantity
          : number;
};

/** What {@link parseFacts} returned: frozen, so each still holds exactly what the schema passed. */
const validated = new WeakSet<object>();

/**
 * Validate untrusted facts; throws a ZodError whose issues name the offending fact. The result is a
 * deep-frozen copy, so the engine need not validate it again (see {@link isValidated}).
 */
export function parseFacts(input: unknown): Facts {
  const facts = deepFreeze((checkedValues(input) ?? factsSchemaFor(input).parse(input)) as Facts);
  validated.add(facts);
  return facts;
}

/** Each fact's value schema, built once: the one {@link FactsSchema} reads the fact's value with. */
const valueSchemas = new Map<FactName, z.ZodType>();
/**
 * The members of a fact's union schema that can take an object (all but its number members), by fact: an
 * object never passes a number member, so these alone decide whether an interval passes.
 */
const objectMembers = new Map<FactName, readonly z.ZodType[]>();
/** Verdicts on plain values (numbers, words, yes/no) by fact, null = passes: the schemas are pure, and the values recur turn after turn. */
const plainVerdicts = new Map<FactName, Map<number | string | boolean, string | null>>();
/** Values remembered per fact at most; past it that fact's verdicts start again. */
const VERDICTS_AT_MOST = 256;
/** Object values (intervals) that passed their fact's schema, deep-frozen so that they still do: {@link parseFacts} takes them as they are. */
const checkedObjects = new WeakSet<object>();

/**
 * Why `value` cannot be `fact`'s value (the schema's first message), or null when it can: the check of one
 * fact with the fact's own schema (the one {@link FactsSchema} reads it with), for a caller handing its value
 * over (the facts a message states, bot/extractFacts.ts admitFacts). A plain value's verdict is remembered; an
 * object that passes is deep-frozen and remembered, so that {@link parseFacts} merging it into a session takes
 * it as it is instead of parsing it a second time.
 */
export function factValueError(fact: FactName, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return plainVerdict(fact, value);
  if (typeof value === "object" && value !== null && checkedObjects.has(value)) return null;
  const verdict = issueOf(fact, value);
  if (verdict === null && typeof value === "object" && value !== null) checkedObjects.add(deepFreeze(value));
  return verdict;
}

/** The verdict on a plain value, remembered per fact. */
function plainVerdict(fact: FactName, value: number | string | boolean): string | null {
  let verdicts = plainVerdicts.get(fact);
  if (!verdicts) plainVerdicts.set(fact, (verdicts = new Map()));
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    if (verdicts.size >= VERDICTS_AT_MOST) verdicts.clear();
    verdicts.set(value, (verdict = issueOf(fact, value)));
  }
  return verdict;
}

/** The schema's first message on `value`, or null when it passes. */
function issueOf(fact: FactName, value: unknown): string | null {
  const schema = valueSchema(fact);
  // A union passes a value when one of its members does. An object (an interval) never passes a number member,
  // so its other members alone decide a pass, without the number member's failed attempt; a failure is asked
  // of the whole union, for the union's own message.
  if (typeof value === "object" && objectMembers.get(fact)!.some((o) => o.safeParse(value).success)) return null;
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? `${FACTS[fact].label}不合理`);
}

/**
 * What {@link FactsSchema} would return for `input`, fact by fact with each fact's own value schema (a plain
 * value's verdict remembered, an object {@link factValueError} passed taken as it is): the same values in the
 * same key order, without the object schema's pass. null when a key is no fact or a value fails, so that the
 * object schema throws its own error. Other objects are parsed into copies: the caller's own stay unfrozen.
 */
function checkedValues(input: unknown): Record<string, unknown> | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  for (const key in input) if (!Object.hasOwn(FACTS, key)) return null;
  const out: Record<string, unknown> = {};
  const given = input as Record<string, unknown>;
  for (const name of FACT_NAMES) {
    if (!(name in given)) continue;
    const value = given[name];
    if (value === undefined || (typeof value === "object" && value !== null && checkedObjects.has(value))) out[name] = value;
    else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
      if (plainVerdict(name, value) !== null) return null;
      out[name] = value;
    } else {
      const parsed = valueSchema(name).safeParse(value);
      if (!parsed.success) return null;
      out[name] = parsed.data;
    }
  }
  return out;
}

function valueSchema(name: FactName): z.ZodType {
  let schema = valueSchemas.get(name);
  if (!schema) {
    valueSchemas.set(name, (schema = factValueSchema(name)));
    const members = schema instanceof z.ZodUnion ? (schema.options as readonly z.ZodType[]) : [];
    objectMembers.set(name, members.filter((o) => !(o instanceof z.ZodNumber)));
  }
  return schema;
}

/** true for facts {@link parseFacts} returned: they passed the schema and cannot have changed since. */
export function isValidated(input: unknown): input is Facts {
  return typeof input === "object" && input !== null && validated.has(input);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The Chinese label of a fact, for questions and traces. */
export function factLabel(name: FactName): string {
  return FACTS[name].label;
}
