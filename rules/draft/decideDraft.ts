/**
 * Staff decisions on drafted rules: confirm (the rule moves into rules/policies/<id>.yaml and answers
 * users), edit (the edited rule, validated, is confirmed) or reject. The draft file keeps each rule's
 * status, who decided and when; the caller writes the audit log.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isSeq, parse, parseDocument, stringify } from "yaml";
import { reloadRuleBook } from "../evaluatePolicy.js";
import { RULES_DIR } from "../ruleFiles.js";
import { parsePolicyRuleFile, RuleSchemaError, type Rule } from "../ruleSchema.js";
import { DRAFTS_DIR, readDraftFile, writeDraftFile } from "./draftFile.js";

export interface DraftDirs {
  rulesDir: string;
  draftsDir: string;
}

export const DEFAULT_DRAFT_DIRS: DraftDirs = { rulesDir: RULES_DIR, draftsDir: DRAFTS_DIR };

export type Decision = { action: "confirm" } | { action: "reject" } | { action: "edit"; yaml: string };

export type DecisionOutcome = { ok: true; rule: Rule } | { ok: false; message: string };

/** Appends a confirmed rule to the policy's live rule file (created when absent), keeping its comments. */
function appendLiveRule(policy: string, rule: Rule, dirs: DraftDirs): void {
  const path = join(dirs.rulesDir, `${policy}.yaml`);
  const text = existsSync(path) ? readFileSync(path, "utf8") : `# Rules of ${policy}, confirmed by staff from drafted rules (rules/drafts/${policy}.yaml).\npolicy: ${policy}\nrules: []\n`;
  const doc = parseDocument(text);
  const current = parsePolicyRuleFile(doc.toJS(), path);
  if (current.rules.some((r) => r.id === rule.id)) throw new RuleSchemaError(`规则编号 ${rule.id} 已在 ${path} 中，请修改编号后确认`);
  parsePolicyRuleFile({ ...doc.toJS(), rules: [...current.rules, rule] }, path);
  const rules = doc.get("rules");
  if (isSeq(rules)) {
    rules.flow = false;
    rules.add(doc.createNode(rule));
  } else doc.set("rules", doc.createNode([rule]));
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

/**
 * Applies a staff decision to one drafted rule still 待确认. Returns a message (Chinese, one line) when it
 * cannot: no such rule, already decided, an edit that does not validate, an id already in use.
 */
export function decideDraftRule(policy: string, ruleId: string, decision: Decision, staff: string, at: Date, dirs: DraftDirs = DEFAULT_DRAFT_DIRS): DecisionOutcome {
  const file = readDraftFile(policy, dirs.draftsDir);
  const entry = file?.rules.find((r) => r.rule.id === ruleId);
  if (!file || !entry) return { ok: false, message: `没有起草规则 ${policy}/${ruleId}` };
  if (entry.status !== "待确认") return { ok: false, message: `规则 ${ruleId} 已${entry.status}（${entry.by ?? ""}）` };
  let rule = entry.rule;
  try {
    if (decision.action === "edit") {
      let data: unknown;
      try {
        data = parse(decision.yaml);
      } catch (error) {
        return { ok: false, message: `修改稿不是有效的 YAML：${(error as Error).message.split("\n")[0]}` };
      }
      rule = parsePolicyRuleFile({ policy, rules: [data] }, "修改稿").rules[0]!;
    }
    if (decision.action !== "reject") appendLiveRule(policy, rule, dirs);
  } catch (error) {
    if (error instanceof RuleSchemaError) return { ok: false, message: error.message };
    throw error;
  }
  entry.status = decision.action === "reject" ? "已驳回" : "已确认";
  entry.by = staff;
  entry.at = at.toISOString();
  entry.rule = rule;
  writeDraftFile(file, dirs.draftsDir);
  // Confirmed rules answer, rejected drafts stop being quoted as pending, from the next question on.
  reloadRuleBook();
  return { ok: true, rule };
}

/** A drafted rule as YAML, for the edit form. */
export function ruleYaml(rule: Rule): string {
  return stringify(rule, { lineWidth: 0, aliasDuplicateObjects: false });
}
