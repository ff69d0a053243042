/**
 * A policy's draft rules as data: `rules/drafts/<policy-id>.yaml`, written by `npm run policy:draft`
 * and worked through by staff on the 政策 page. Each drafted rule carries its status: 待确认 until a staff
 * member confirms it (it then moves into rules/policies/<policy-id>.yaml and answers users), edits it
 * or rejects it. Validated by zod; the rules themselves by the rule-file schema.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { z } from "zod";
import { buildRuleBook, type RuleBook } from "../evaluatePolicy.js";
import { parseRuleYaml } from "../ruleFiles.js";
import { parsePolicyRuleFile, RuleSchemaError, type NotAward, type Rule } from "../ruleSchema.js";
import type { PolicyDraft, Undrafted } from "./draftPolicy.js";

/** YAML of a draft file; the yaml package is loaded only when a draft is written (not on every start). */
const yamlText = (file: unknown): string =>
  (createRequire(import.meta.url)("yaml") as typeof import("yaml")).stringify(file, { lineWidth: 0, aliasDuplicateObjects: false });

/** The folder of draft rule files: RULES_DIR/drafts/ when that setting is given, else rules/drafts/. */
export const DRAFTS_DIR = process.env.RULES_DIR ? join(process.env.RULES_DIR, "drafts") : fileURLToPath(new URL("../drafts/", import.meta.url));

export const DRAFT_STATUSES = ["待确认", "已确认", "已驳回"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

const DraftEntrySchema = z.strictObject({
  status: z.enum(DRAFT_STATUSES),
  shape: z.string().min(1),
  /** Who confirmed or rejected it, and when (ISO time). */
  by: z.string().min(1).optional(),
  at: z.string().min(1).optional(),
  rule: z.unknown(),
});

const DraftFileSchema = z.strictObject({
  policy: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The document the rules were drafted from. */
  source: z.string().min(1),
  rules: z.array(DraftEntrySchema),
  notAwards: z.array(z.strictObject({ clause: z.string().min(1), amount: z.string().min(1), reason: z.string().min(1) })),
  undrafted: z.array(z.strictObject({ clause: z.string().min(1), title: z.string().min(1).optional(), keywords: z.array(z.string().min(1)).optional(), quote: z.string().min(1), reason: z.string().min(1) })),
});

export interface DraftEntry {
  status: DraftStatus;
  shape: string;
  by?: string;
  at?: string;
  rule: Rule;
}

export interface DraftFile {
  policy: string;
  source: string;
  rules: DraftEntry[];
  notAwards: NotAward[];
  undrafted: Undrafted[];
}

/** The draft file of a drafted policy, every entry 待确认. */
export function draftFileOf(draft: PolicyDraft, source: string): DraftFile {
  return {
    policy: draft.policy,
    source,
    rules: draft.rules.map((d) => ({ status: "待确认", shape: d.shape, rule: d.rule })),
    notAwards: draft.notAwards,
    undrafted: draft.undrafted,
  };
}

export function draftPath(policy: string, dir: string = DRAFTS_DIR): string {
  return join(dir, `${policy}.yaml`);
}

/** Validates draft data; errors are one line naming the file, the rule and the field. */
export function parseDraftFile(data: unknown, source: string): DraftFile {
  const top = DraftFileSchema.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw new RuleSchemaError(`${source}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const file = top.data;
  const parsed = parsePolicyRuleFile({ policy: file.policy, rules: file.rules.map((r) => r.rule) }, source);
  return { ...file, rules: file.rules.map((r, i) => ({ ...r, rule: parsed.rules[i]! })) };
}

export function readDraftFile(policy: string, dir: string = DRAFTS_DIR): DraftFile | null {
  const path = draftPath(policy, dir);
  if (!existsSync(path)) return null;
  const entry = parseRuleYaml(readFileSync(path, "utf8"), path);
  return parseDraftFile(entry.data, path);
}

/** A policy's drafted rules still 待确认: they answer users only with their quote, saying the amount is being checked. */
export function pendingRules(policy: string, dir: string = DRAFTS_DIR): Rule[] {
  return readDraftFile(policy, dir)?.rules.filter((r) => r.status === "待确认").map((r) => r.rule) ?? [];
}

/** Sentences with an amount the drafter could not draft: until staff write their rule they answer like pending drafts. */
export function undraftedSentences(policy: string, dir: string = DRAFTS_DIR): DraftFile["undrafted"] {
  return readDraftFile(policy, dir)?.undrafted ?? [];
}

export function writeDraftFile(file: DraftFile, dir: string = DRAFTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = draftPath(file.policy, dir);
  writeFileSync(path, `# Draft rules of ${file.policy}: 待确认 until staff confirm them on the 政策 page (rules/README.md).\n${yamlText(file)}`);
  return path;
}

/** A rule book holding the policy's drafted rules that are not rejected, to evaluate them before confirmation. */
export function draftRuleBook(file: DraftFile, policyDir?: string): RuleBook {
  const rules = file.rules.filter((r) => r.status !== "已驳回").map((r) => r.rule);
  return buildRuleBook([{ source: draftPath(file.policy), data: { policy: file.policy, rules } }], policyDir);
}
