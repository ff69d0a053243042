/**
 * The checks a policy passes before it answers users (`npm run policy:check -- --id ID`):
 * every quote stands in the text; every amount of the text is used by a rule or listed as not an award
 * with a reason (coverage 100%); every rule has a data test case; the metadata is complete (region and
 * the places it covers, dates, status). Drafted rules not yet rejected count as rules here, so the check
 * can be run while staff work through the drafts; it says how many still wait.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadCorpus } from "../knowledge/loadCorpus.js";
import { normaliseClauseText } from "../knowledge/parseClauses.js";
import { checkCoverage } from "./coverage.js";
import { readDraftFile, DRAFTS_DIR } from "./draft/draftFile.js";
import { readRuleFiles, RULES_DIR } from "./ruleFiles.js";
import { parsePolicyRuleFile, type PolicyRuleFile, type Rule } from "./ruleSchema.js";

export interface CheckDirs {
  policyDir: string;
  rulesDir: string;
  draftsDir: string;
  casesDir: string;
}

export const DEFAULT_DIRS: CheckDirs = {
  policyDir: fileURLToPath(new URL("../knowledge/policies/", import.meta.url)),
  rulesDir: RULES_DIR,
  draftsDir: DRAFTS_DIR,
  casesDir: fileURLToPath(new URL("../test/rules/cases/", import.meta.url)),
};

export interface CheckLine {
  ok: boolean;
  check: "quotes" | "coverage" | "cases" | "metadata" | "drafts";
  message: string;
}

/** Every quote of a rule (its own, its caps', its exceptions') with the clause it must stand in. */
function quotesOf(rule: Rule): Array<{ clause: string; quote: string; what: string }> {
  const out = [{ clause: rule.clause, quote: rule.quote, what: `rule ${rule.id}` }];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === "object") {
      const o = n as { quote?: unknown; clause?: unknown; label?: unknown };
      if (typeof o.quote === "string") out.push({ clause: typeof o.clause === "string" ? o.clause : rule.clause, quote: o.quote, what: `rule ${rule.id} (${String(o.label ?? "cap")})` });
      Object.values(n).forEach(visit);
    }
  };
  visit(rule.amount);
  for (const e of rule.exceptions ?? []) out.push({ clause: e.clause, quote: e.quote, what: `rule ${rule.id} exception ${e.id}` });
  return out;
}

/** Runs every check for one policy. */
export function checkPolicy(id: string, dirs: CheckDirs = DEFAULT_DIRS): CheckLine[] {
  const lines: CheckLine[] = [];
  const corpus = loadCorpus(dirs.policyDir);
  const policy = corpus.policies.find((p) => p.meta.id === id);
  if (!policy) {
    const problem = corpus.problems.find((p) => p.includes(`"${id}"`));
    return [{ ok: false, check: "metadata", message: problem ?? `no policy "${id}" in ${dirs.policyDir}policies.json (add its entry and its text file)` }];
  }
  const live = readRuleFiles(dirs.rulesDir).find((e) => (e.data as { policy?: string } | null)?.policy === id);
  const confirmed: PolicyRuleFile = live ? parsePolicyRuleFile(live.data, live.source, live.lineOf) : { policy: id, rules: [] };
  const draft = readDraftFile(id, dirs.draftsDir);
  const pending = draft?.rules.filter((r) => r.status === "待确认") ?? [];
  const rules = [...confirmed.rules, ...pending.map((r) => r.rule)];
  const file: PolicyRuleFile = { ...confirmed, notAwards: [...(confirmed.notAwards ?? []), ...(draft?.notAwards ?? [])], rules };

  // Quotes.
  const clauses = new Map(policy.clauses.map((c) => [c.id, c]));
  const quotes = [
    ...rules.flatMap(quotesOf),
    ...(confirmed.exceptions ?? []).map((e) => ({ clause: e.clause, quote: e.quote, what: `exception ${e.id}` })),
    ...(confirmed.exclusive ?? []).map((g) => ({ clause: g.clause, quote: g.quote, what: `exclusive ${g.id}` })),
  ];
  // A quote taken from clause text stands as it is (a table gap kept as one space would not survive normalising twice).
  const stands = (text: string | undefined, quote: string) => !!text && (text.includes(quote) || text.includes(normaliseClauseText(quote)));
  const badQuotes = quotes.filter((q) => !stands(clauses.get(q.clause)?.text, q.quote));
  for (const q of badQuotes) lines.push({ ok: false, check: "quotes", message: `${q.what}: quote does not stand in ${q.clause}: “${q.quote.slice(0, 40)}”` });
  if (badQuotes.length === 0) lines.push({ ok: true, check: "quotes", message: `${quotes.length} quotes stand in the text` });

  // Coverage.
  const coverage = checkCoverage(policy.clauses, new Map([[id, file]]));
  for (const l of coverage.lines.filter((x) => !x.coveredBy)) {
    lines.push({ ok: false, check: "coverage", message: `${l.mention.clause} ${l.mention.literal}: used by no rule and not listed in notAwards with a reason` });
  }
  lines.push({ ok: coverage.covered === coverage.total, check: "coverage", message: `${coverage.covered}/${coverage.total} amounts covered` });

  // Test cases.
  const casesFile = join(dirs.casesDir, `${id}.yaml`);
  const cased = new Set<string>();
  if (existsSync(casesFile)) for (const c of (parse(readFileSync(casesFile, "utf8")) as { cases?: Array<{ rule?: string }> }).cases ?? []) if (c.rule) cased.add(c.rule);
  const uncased = rules.filter((r) => !cased.has(r.id));
  for (const r of uncased) lines.push({ ok: false, check: "cases", message: `rule ${r.id} (${r.clause}) has no test case in ${casesFile}` });
  if (uncased.length === 0) lines.push({ ok: true, check: "cases", message: `every rule has a test case (${rules.length} rules)` });

  // Metadata.
  const m = policy.meta;
  // A date the document does not state may stay null when the notes say so.
  const explained = /\b(?:not|no|neither)\b[^.;]*\bstated\b|\bstates no\b|未写明|未注明|未载明/i.test(m.notes);
  const missing = [
    !m.region.province && "region.province",
    !m.region.city && !m.region.county && "region.city or region.county",
    m.places.length === 0 && "places (the towns, districts or zones it covers)",
  ].filter((x): x is string => typeof x === "string");
  for (const f of missing) lines.push({ ok: false, check: "metadata", message: `policies.json ${id}: ${f} is not stated` });
  for (const [field, value] of [["issued or effectiveFrom", m.issued ?? m.effectiveFrom], ["validUntil", m.validUntil]] as const) {
    if (value) continue;
    lines.push({ ok: explained, check: "metadata", message: `policies.json ${id}: ${field} is null${explained ? " (notes say the document does not state it)" : " — state it, or say in notes that the document does not"}` });
  }
  if (missing.length === 0) lines.push({ ok: true, check: "metadata", message: `region ${[m.region.province, m.region.city, m.region.county].filter(Boolean).join("")}, ${m.places.length} places, status ${m.status}` });

  // Drafts still waiting.
  if (pending.length) lines.push({ ok: false, check: "drafts", message: `${pending.length} drafted rules still 待确认 (staff console → 政策)` });
  return lines;
}
