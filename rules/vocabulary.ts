/**
 * Reading the fact vocabulary file (rules/facts.yaml): its zod schema and the one function that reads
 * it (through the parsed-YAML cache of rules/ruleFiles.ts). No file is read on import; rules/facts.ts loads
 * the running bot's vocabulary.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { codeStamp, displayPath, readYamlFile, validateOnce, type RuleFileEntry } from "./ruleFiles.js";
import { RuleSchemaError } from "./ruleSchemaError.js";

/** Units a fact can carry. `fen` is money; `bool` and `enum` are not numbers. */
export const FACT_UNIT_NAMES = ["fen", "count", "sqm", "day", "rank", "year", "date", "bool", "enum"] as const;
export type FactUnit = (typeof FACT_UNIT_NAMES)[number];
const NUMERIC_UNITS: ReadonlySet<FactUnit> = new Set(["fen", "count", "sqm", "day"]);

/** The vocabulary file the running bot reads: RULES_DIR/facts.yaml when that setting is given, else rules/facts.yaml. */
export const VOCABULARY_FILE = process.env.RULES_DIR ? join(process.env.RULES_DIR, "facts.yaml") : fileURLToPath(new URL("./facts.yaml", import.meta.url));

/** A bad vocabulary file: one line naming the file, the line, the fact and the field. */
export class VocabularyError extends Error {
  override name = "VocabularyError";
}

/** Enum facts read as phrases anywhere in a message (bot/extractFacts.ts), and how several stated values decide. */
const PICKS = ["last", "first", "applicant"] as const;

/** 电商 is short for 电子商务: a word written with 电商 is also understood written out ("跨境电子商务公共服务平台"). */
function spelledOut(ws: readonly string[]): string[] {
  return [...new Set(ws.flatMap((w) => (w.includes("电商") ? [w, w.replaceAll("电商", "电子商务")] : [w])))];
}

/**
 * The vocabulary file's zod schemas, built on first use: a start whose vocabulary comes from the validated
 * cache (rules/ruleFiles.ts) never builds them.
 */
function buildSchemas() {
  const word = z.string().trim().min(1, "empty word");
  const words = z.array(word);
  /** "bare" in the file is a number written without a unit; readers see it as "". */
  const writtenUnit = word.transform((u) => (u === "bare" ? "" : u));

  const CueSchema = z.strictObject({
    words: words.min(1),
    side: z.enum(["b", "a", "ba"]),
    weak: z.boolean().optional(),
    generic: z.boolean().optional(),
    units: z.array(writtenUnit).min(1).optional(),
  });

  const valueWords = z.record(z.string(), words);

  const FactSpecSchema = z
    .strictObject({
      unit: z.enum(FACT_UNIT_NAMES),
      label: word,
      aliases: words.default([]),
      denies: words.optional(),
      values: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "value names are letters and digits"), word).optional(),
      words: z.record(z.string(), words).optional(),
      near: z.strictObject({ words: words.min(1), within: z.number().int().positive() }).optional(),
      /**
       * Enum facts whose `words` are phrases read anywhere in the message: last = the last one stated counts;
       * first = the value listed first in `words` among those named (values in order of specificity);
       * applicant = who is asking (the one the speaker names as themselves, else the first named). Without it
       * an enum is read as a stated condition (bot/understanding/conditions.ts).
       */
      pick: z.enum(PICKS).optional(),
      /** pick applicant: words that only count when nothing more specific is named (个人, 我们县). */
      broad: valueWords.optional(),
      /** pick applicant: words that hint at the kind without naming it (在快手带货): the kind is then a guess. */
      hints: valueWords.optional(),
      /** A value that hints at the applicant's kind when none is named (淘宝村 → village). */
      applicant: z.record(z.string(), word).optional(),
      /** A value is not meant when one of these words stands in the same clause ("培训20名主播" is no training session). */
      notWith: valueWords.optional(),
      /** Date facts: a business opened in that year ("2021年3月回来办了个小微电商公司"): verb, then a measure word, then the thing. */
      opened: z.strictObject({ verbs: words.min(1), measures: words.min(1), things: words.min(1) }).optional(),
      ordinal: z.literal(true).optional(),
      mayApplyAs: z.record(z.string(), z.strictObject({ as: words.min(1), note: word })).optional(),
      /** The best value of another fact in the years before the activity year ("首次突破": what was crossed before). */
      earlierOf: word.optional(),
      /** Part of another fact of the same unit (设备投入 of 投资额): stated parts give the whole a lower bound. */
      partOf: word.optional(),
      /** Yes/no facts: true exactly when the year of this date fact is the activity year ("当年新注册登记"). */
      sameYearAs: word.optional(),
      /** Yes/no facts: true exactly when the activity year is that year of another fact or at most `years` after it ("3年内不得享受"). */
      /** Year facts: a year dating this fact ("2020年申报时虚报过") is never the year of the figures asked about. */
      notActivityYear: z.literal(true).optional(),
      withinYearsAfter: z.strictObject({ of: word, years: z.number().int().positive() }).optional(),
      /**
       * Yes/no facts that hold at or above a line the user compares with ("按月支付不低于当地最低工资标准"): "比当地最低工资
       * 低一点", "没到最低工资" state the fact false, "比最低工资高" true (bot/understanding/conditions.ts).
       */
      atLeast: words.optional(),
      /**
       * Enum facts of what the asker does (a mode of business, a matter), not a title they may lack: a question naming
       * a value ("B2B网商奖励", "服务中心装修补贴") followed by the asker's own figures is of one who does it.
       */
      askedMeansOwn: z.literal(true).optional(),
      /** Count facts: people other than the applicant ("不含创业者本人"), so the speaker alone ("就我自己一个人") counts none. */
      othersOnly: z.literal(true).optional(),
      /**
       * Count facts of which the policy counts only those of a kind, the yes/no fact whose words name the kind
       * ("招了5个 2个是登记失业人员 1个是应届毕业的大学生 另外俩是亲戚": 3 of the 5 are 登记失业人员 or 毕业年度高校毕业生).
       */
      qualifiedBy: word.optional(),
      /** Count facts counted at each session ("来了35个学员 … 2期"): a count of sessions said after the figure multiplies it. */
      perSession: z.literal(true).optional(),
      /** Several instances in one message add up ("一场花了5w 一场花了8w", "3期 每期40人"), or only within one year (sales): see bot/understanding/instances.ts. */
      adds: z.union([z.literal(true), z.literal("withinYear")]).optional(),
      written: z.array(writtenUnit).optional(),
      byUnit: words.optional(),
      cues: z.array(CueSchema).optional(),
      /** [min, max] in the fact's unit: a figure outside is asked back, never computed. */
      plausible: z.tuple([z.number().nonnegative(), z.number().positive()]).refine(([min, max]) => min <= max, "min is above max").optional(),
      /** A narrower plausible range while a yes/no fact holds ("首次创办小微型电商企业": a small business hires hundreds at most). */
      plausibleWhen: z
        .array(z.strictObject({ fact: word, is: z.boolean(), range: z.tuple([z.number().nonnegative(), z.number().positive()]), because: word }))
        .optional(),
    })
    .superRefine((spec, ctx) => {
      const numeric = NUMERIC_UNITS.has(spec.unit);
      if (spec.unit === "enum" && !spec.values) ctx.addIssue({ code: "custom", path: ["values"], message: "an enum fact lists its values" });
      if (spec.unit !== "enum" && (spec.values || spec.words)) ctx.addIssue({ code: "custom", path: [spec.values ? "values" : "words"], message: `only enum facts have values (unit is ${spec.unit})` });
      for (const field of ["words", "broad", "hints", "applicant", "notWith"] as const) {
        for (const value of Object.keys(spec[field] ?? {})) {
          if (!spec.values?.[value]) ctx.addIssue({ code: "custom", path: [field, value], message: `"${value}" is not one of the values` });
        }
      }
      if (spec.atLeast && spec.unit !== "bool") ctx.addIssue({ code: "custom", path: ["atLeast"], message: `only yes/no facts have atLeast (unit is ${spec.unit})` });
      if (spec.pick && !spec.words) ctx.addIssue({ code: "custom", path: ["pick"], message: "a fact read as phrases lists its words" });
      for (const field of ["broad", "hints"] as const) {
        if (spec[field] && spec.pick !== "applicant") ctx.addIssue({ code: "custom", path: [field], message: "only the applicant fact (pick: applicant) has broad words and hints" });
      }
      if (spec.near && spec.pick) ctx.addIssue({ code: "custom", path: ["near"], message: "near applies to stated conditions, not to facts read as phrases (pick)" });
      if (spec.opened && spec.unit !== "date") ctx.addIssue({ code: "custom", path: ["opened"], message: `only date facts have opened (unit is ${spec.unit})` });
      if (spec.cues && spec.unit === "date" && spec.cues.some((c) => c.weak || c.generic || c.units)) ctx.addIssue({ code: "custom", path: ["cues"], message: "a date fact's cues have words and side only" });
      for (const [value, { as }] of Object.entries(spec.mayApplyAs ?? {})) {
        for (const v of [value, ...as]) if (!spec.values?.[v]) ctx.addIssue({ code: "custom", path: ["mayApplyAs", value], message: `"${v}" is not one of the values` });
      }
      if (spec.denies && spec.unit !== "bool") ctx.addIssue({ code: "custom", path: ["denies"], message: `only yes/no facts have denies (unit is ${spec.unit})` });
      if (spec.unit === "count" && !spec.plausible) ctx.addIssue({ code: "custom", path: ["plausible"], message: "a count fact states its plausible range [min, max]" });
      if (spec.askedMeansOwn && spec.unit !== "enum") ctx.addIssue({ code: "custom", path: ["askedMeansOwn"], message: `only enum facts have askedMeansOwn (unit is ${spec.unit})` });
      if (spec.perSession && (spec.unit !== "count" || !spec.adds)) ctx.addIssue({ code: "custom", path: ["perSession"], message: "only count facts that add have perSession" });
      if (spec.qualifiedBy && (spec.unit !== "count" || !spec.adds)) ctx.addIssue({ code: "custom", path: ["qualifiedBy"], message: "only count facts that add have qualifiedBy" });
      if (spec.othersOnly && spec.unit !== "count") ctx.addIssue({ code: "custom", path: ["othersOnly"], message: `only count facts have othersOnly (unit is ${spec.unit})` });
      for (const field of ["written", "byUnit", "cues", "adds", "plausible"] as const) {
        if (spec[field] && !numeric && !(field === "cues" && spec.unit === "date")) ctx.addIssue({ code: "custom", path: [field], message: `only numeric facts (fen, count, sqm, day) have ${field} (unit is ${spec.unit})` });
      }
    })
    .transform((spec) => {
      const numeric = NUMERIC_UNITS.has(spec.unit);
      // Money and areas are written bare or with their one unit unless the file says otherwise.
      const written = spec.written ?? (spec.unit === "fen" ? ["", "元"] : spec.unit === "sqm" ? ["", "平方米"] : spec.unit === "day" ? ["天"] : numeric ? ["", "个"] : undefined);
      return {
        ...spec,
        ...(written ? { written } : {}),
        aliases: spelledOut(spec.aliases),
        ...(spec.denies ? { denies: spelledOut(spec.denies) } : {}),
        ...(spec.words ? { words: Object.fromEntries(Object.entries(spec.words).map(([v, ws]) => [v, spelledOut(ws)])) } : {}),
        ...(spec.cues ? { cues: spec.cues.map((c) => ({ ...c, words: spelledOut(c.words) })) } : {}),
      };
    });



  const VocabularySchema = z.strictObject({
    facts: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, "fact names are camelCase letters and digits"), FactSpecSchema),
    /** Money in other currencies: the words that name each, and its rate to 元 by year with the source. */
    currencies: z
      .record(
        z.string().regex(/^[A-Z]{3}$/, "currency codes are ISO 4217 (USD)"),
        z.strictObject({
          name: word,
          words: words.min(1),
          rates: z.array(z.strictObject({ year: z.number().int().min(1990).max(2100), yuanPer: z.string().regex(/^\d+(\.\d{1,6})?$/, "a decimal such as \"7.0467\""), source: word })).min(1),
        }),
      )
      .default({}),
    /** Where sales are made (天猫, 亚马逊, 独立站): figures each introduced by another one are parts of one year's sales. */
    channels: words.default([]),
    /** Words that contain a shorter phrase of an enum but mean something else (农村 is not a 村). */
    notPhrases: words.default([]),
    /** Words that make a number no fact about the applicant ("奖励是50万"). */
    notFacts: z.array(CueSchema.omit({ generic: true }).extend({ claim: z.boolean().optional() })).default([]),
  }).superRefine((vocabulary, ctx) => {
    const applicants = Object.entries(vocabulary.facts).filter(([, spec]) => spec.pick === "applicant");
    if (applicants.length > 1) ctx.addIssue({ code: "custom", path: ["facts", applicants[1]![0], "pick"], message: "only one fact is the applicant (pick: applicant)" });
    const kinds = applicants[0]?.[1].values ?? {};
    for (const [name, spec] of Object.entries(vocabulary.facts)) {
      for (const [value, kind] of Object.entries(spec.applicant ?? {})) {
        if (!kinds[kind]) ctx.addIssue({ code: "custom", path: ["facts", name, "applicant", value], message: `"${kind}" is no value of the applicant fact (pick: applicant)` });
      }
      const of = spec.earlierOf === undefined ? undefined : vocabulary.facts[spec.earlierOf];
      if (spec.earlierOf !== undefined && (!of || of.unit !== spec.unit)) ctx.addIssue({ code: "custom", path: ["facts", name, "earlierOf"], message: `"${spec.earlierOf}" is no fact of unit ${spec.unit}` });
      for (const [i, when] of (spec.plausibleWhen ?? []).entries()) {
        if (vocabulary.facts[when.fact]?.unit !== "bool") ctx.addIssue({ code: "custom", path: ["facts", name, "plausibleWhen", i, "fact"], message: `"${when.fact}" is no yes/no fact` });
      }
      const whole = spec.partOf === undefined ? undefined : vocabulary.facts[spec.partOf];
      if (spec.partOf !== undefined && (!whole || whole.unit !== spec.unit)) ctx.addIssue({ code: "custom", path: ["facts", name, "partOf"], message: `"${spec.partOf}" is no fact of unit ${spec.unit}` });
      const dated = spec.sameYearAs === undefined ? undefined : vocabulary.facts[spec.sameYearAs];
      if (spec.sameYearAs !== undefined && (spec.unit !== "bool" || dated?.unit !== "date")) ctx.addIssue({ code: "custom", path: ["facts", name, "sameYearAs"], message: `a yes/no fact is the same year as a date fact ("${spec.sameYearAs}" is not one, or this fact is no yes/no fact)` });
      const after = spec.withinYearsAfter === undefined ? undefined : vocabulary.facts[spec.withinYearsAfter.of];
      if (spec.withinYearsAfter !== undefined && (spec.unit !== "bool" || after?.unit !== "year")) ctx.addIssue({ code: "custom", path: ["facts", name, "withinYearsAfter"], message: `a yes/no fact counts years after a year fact ("${spec.withinYearsAfter.of}" is not one, or this fact is no yes/no fact)` });
    }
  });
  return { CueSchema, FactSpecSchema, VocabularySchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const vocabularySchema = () => (schemas ??= buildSchemas()).VocabularySchema;
type Schemas = ReturnType<typeof buildSchemas>;

/** Words that announce a number of a fact in chat, and where they stand (see rules/facts.yaml). */
export type Cue = z.infer<Schemas["CueSchema"]>;

/** One entry of the vocabulary (rules/facts.yaml documents each field). */
export type FactSpec = z.infer<Schemas["FactSpecSchema"]>;

/** A read vocabulary and the file it came from (as error messages name it). */
export type Vocabulary = z.infer<Schemas["VocabularySchema"]> & { source: string };

/**
 * Reads and validates a vocabulary file. Every problem is a {@link VocabularyError} of one line:
 * `rules/facts.yaml:88: fact "followers": cues.0.side: …`. The only place the vocabulary is read, so a
 * parsed-file cache belongs here.
 */
export function loadVocabulary(file: string = VOCABULARY_FILE): Vocabulary {
  const source = displayPath(file);
  const fail = (error: unknown): never => {
    if (error instanceof VocabularyError) throw error;
    if (error instanceof RuleSchemaError) throw new VocabularyError(error.message);
    throw new VocabularyError(`${source}: cannot read the fact vocabulary (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  };
  let entry: RuleFileEntry;
  try {
    entry = readYamlFile(file, { source });
    // Validated once per text of the file (and code of rules/): later starts skip zod.
    return { ...validateOnce(entry, `vocabulary ${codeStamp()}`, () => validVocabulary(entry)), source };
  } catch (error) {
    return fail(error);
  }
}

function validVocabulary(entry: RuleFileEntry): z.infer<Schemas["VocabularySchema"]> {
  const parsed = vocabularySchema().safeParse(entry.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String);
    const line = entry.lineOf?.(path);
    const where = path[0] === "facts" && path.length > 1 ? `fact "${path[1]}": ${path.slice(2).join(".") || "(entry)"}` : path.join(".") || "(file)";
    throw new VocabularyError(`${entry.source}${line ? `:${line}` : ""}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}

