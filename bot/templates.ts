/**
 * The answer templates from prompts/answer.zh.yaml, validated at load so that a missing or misspelt
 * template is an operator error naming the key, not a blank reply in a merchants' group.
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { codeStamp, readYamlFile, validateOnce } from "../rules/ruleFiles.js";
import { CLAUSE_KINDS } from "../rules/ruleSchema.js";

const s = z.string().min(1);
const group = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, s])) as Record<K, typeof s>);

/** The templates' schema, built only when the file is validated (not when its validation is cached). */
const buildTemplatesSchema = () => z.strictObject({
  award: group(["eligible", "eligibleOutOfForce", "eligibleNoAmount", "eligibleNeedsFacts", "eligibleRange", "notEligible", "undecided", "upTo", "exact", "noAmountReason", "noAmountBecause", "excluded", "stated", "perPeriod"] as const),
  heading: group(["one", "several"] as const),
  conditions: s,
  status: group(["inForceYear", "expiredYear", "notYetYear", "inForceNow", "expiredNow", "nowExpiredNote", "noPeriod", "draft", "draftExpired", "now", "period", "periodFrom", "periodOpen"] as const),
  citation: s,
  citationList: s,
  disclaimer: s,
  needsInfo: group(["ask", "otherRoute", "straddle", "rangeTooWide", "askRegion", "askRegionAll", "alsoKnown", "topicFallback", "askSituation", "noCounterpart", "implausible", "unitless", "cases", "case", "unreadNegated", "unreadDoubted", "askAbove"] as const),
  explain: group(["award", "awardNoAmount", "awardFormula", "rule", "who", "conditions", "amount", "amountUpTo", "example", "applicant", "askFacts", "limits", "overview", "overviewTheme", "overviewAsk"] as const),
  clauseKind: group(CLAUSE_KINDS),
  inform: group(["heading", "notStated", "pending", "unchecked", "sanction", "alsoProvisions"] as const),
  apply: group(["heading", "noProcedure", "contact", "provision"] as const),
  validity: group(["final", "draft", "draftNoPeriod", "today", "stateInForce", "stateExpired", "stateUnknown", "noPeriod"] as const),
  compare: group(["intro", "none", "noneFor"] as const),
  claim: group(["matches", "differs", "exampleMatches", "exampleDiffers", "undecidedMatches", "undecidedDiffers", "limit", "fixed", "notEligible", "undecided", "noAmount"] as const),
  outOfScope: s,
  place: group(["understood", "shared", "reused", "nearby", "outside"] as const),
  help: s,
  thanks: s,
  nonText: s,
  empty: s,
  truncated: s,
  rateLimited: s,
  rejectedFact: s,
  correction: s,
  stacking: s,
  excludedNamed: s,
  noProvision: s,
  provisionElsewhere: s,
  injection: s,
  internalError: s,
  factsNone: s,
  factsHeader: s,
  reset: s,
});

export type Templates = z.infer<ReturnType<typeof buildTemplatesSchema>>;

const DEFAULT_FILE = fileURLToPath(new URL("../prompts/answer.zh.yaml", import.meta.url));

/** Load and validate the templates; throws one line naming the file and the bad key. */
export function loadTemplates(file = DEFAULT_FILE): Templates {
  // Through the parsed-YAML cache, and validated once per text of the file (and of this module).
  const entry = readYamlFile(file);
  return validateOnce(entry, `templates ${codeStamp(import.meta.url)}`, () => {
    const result = buildTemplatesSchema().safeParse(entry.data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`${file}: template "${issue.path.join(".")}" ${issue.message}`);
    }
    return result.data;
  });
}

/**
 * A template split at its placeholders: text, name, text, name…, text (odd positions are names). The templates
 * are a few dozen fixed strings, rendered on every turn.
 */
const parsed = new Map<string, readonly string[]>();
/** Templates remembered at most (render is also given texts built at run time); past it the cache starts again. */
const PARSED_AT_MOST = 1000;
const PLACEHOLDER = /\{(\w+)\}/g;

function partsOf(template: string): readonly string[] {
  let parts = parsed.get(template);
  if (!parts) {
    if (parsed.size >= PARSED_AT_MOST) parsed.clear();
    parts = template.split(PLACEHOLDER);
    parsed.set(template, parts);
  }
  return parts;
}

/** Fill `{name}` placeholders; an unknown placeholder is left visible so a test catches it. */
export function render(template: string, vars: Record<string, string | number>): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in vars ? String(vars[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}
