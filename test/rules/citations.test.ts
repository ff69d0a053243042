/**
 * Every citation in the rule files is verbatim: quotes (of rules, caps, exceptions, exclusivity groups)
 * stand in their clause's text after whitespace normalisation, and topic keywords are words of the clause.
 * Also: every amount of the five documents is covered by a rule or listed as not an award.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../knowledge/loadCorpus.js";
import { normaliseClauseText } from "../../knowledge/parseClauses.js";
import { checkCoverage } from "../../rules/coverage.js";
import { ruleBook } from "../../rules/evaluatePolicy.js";

const corpus = loadCorpus(fileURLToPath(new URL("../../knowledge/policies/", import.meta.url)));
const clauseText = new Map(corpus.clauses.map((c) => [c.id, c.text]));
const files = [...ruleBook().files.values()];

/** Every (clause, quote) pair a rule file cites, with where it is cited. */
function citations() {
  const out: Array<{ where: string; clause: string; quote: string }> = [];
  for (const f of files) {
    for (const e of f.exceptions ?? []) out.push({ where: `${f.policy} exception ${e.id}`, clause: e.clause, quote: e.quote });
    for (const g of f.exclusive ?? []) out.push({ where: `${f.policy} exclusive ${g.id}`, clause: g.clause, quote: g.quote });
    for (const n of f.clauseNotes ?? []) out.push({ where: `${f.policy} clause note ${n.title}`, clause: n.clause, quote: n.quote });
    for (const r of f.rules) {
      out.push({ where: `${f.policy}/${r.id}`, clause: r.clause, quote: r.quote });
      for (const e of r.exceptions ?? []) out.push({ where: `${f.policy}/${r.id} exception ${e.id}`, clause: e.clause, quote: e.quote });
      const caps = JSON.stringify(r.amount ?? null).matchAll(/"label":"[^"]*","quote":"([^"]*)"(?:,"clause":"([^"]*)")?/g);
      for (const m of caps) out.push({ where: `${f.policy}/${r.id} cap`, clause: m[2] ?? r.clause, quote: m[1]! });
    }
  }
  return out;
}

describe("citations", () => {
  it("parses the policies without problems", () => {
    expect(corpus.problems).toEqual([]);
  });

  it("cite clauses that exist, with verbatim quotes", () => {
    const bad = citations().filter(({ clause, quote }) => !clauseText.get(clause)?.includes(normaliseClauseText(quote)));
    expect(bad.map((b) => `${b.where}: ${b.clause} does not contain “${b.quote}”`)).toEqual([]);
  });

  it("use topic keywords (rules and clause notes) that are words of the cited clause", () => {
    const topics = files.flatMap((f) => [...f.rules.map((r) => ({ where: `${f.policy}/${r.id}`, ...r })), ...(f.clauseNotes ?? []).map((n) => ({ where: `${f.policy} note ${n.title}`, ...n }))]);
    const bad = topics.flatMap((r) => r.keywords.filter((k) => !clauseText.get(r.clause)?.includes(k)).map((k) => `${r.where}: “${k}”`));
    expect(bad).toEqual([]);
  });
});

describe("coverage lint", () => {
  it("accounts for every amount of every encoded policy (rule or notAwards with a reason)", () => {
    const encoded = new Set(files.filter((f) => f.rules.length > 0).map((f) => f.policy));
    const report = checkCoverage(corpus.clauses.filter((c) => encoded.has(c.policyId)), ruleBook().files);
    const uncovered = report.lines.filter((l) => l.coveredBy === null).map((l) => `${l.mention.clause} ${l.mention.literal}`);
    expect(uncovered).toEqual([]);
    expect(report.total).toBeGreaterThan(100);
  });

  it("finds money in lists and percentages but not follower or parcel counts", async () => {
    const { scanAmounts } = await import("../../rules/coverage.js");
    const clause = { id: "x:一", policyId: "x", path: ["一"], headingPath: [""], title: "", parentId: null, childIds: [], start: 0, end: 0 };
    const found = scanAmounts([{ ...clause, text: "销售额达5万、20万、100万以上的，10万粉丝，500万件，按30%补助，最高 10 万元。" }]).map((m) => m.literal);
    expect(found).toEqual(["5万", "20万", "100万", "10万元", "30%"]);
  });
});
