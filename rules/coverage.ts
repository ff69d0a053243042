/**
 * Coverage lint: every amount in every clause of the documents (a number followed by 元/万元/亿元, a
 * 万/亿 figure in a money list such as "5万、20万、100万以上", or a percentage) must be used by a rule citing
 * that clause (as an award, threshold or cap; or named in one of its unchecked conditions), or be listed
 * in the policy's `notAwards` with a reason (budget, target, loan limit, definition).
 */
import type { Clause } from "../knowledge/clause.js";
import { parseMoney, parsePercent, type Ratio } from "./money.js";
import { conditionText, type PolicyRuleFile } from "./ruleSchema.js";

/** One amount written in a clause. */
export interface AmountMention {
  policy: string;
  /** The deepest clause whose own text holds it. */
  clause: string;
  /** As written (whitespace removed), e.g. "2万元", "50%". */
  literal: string;
  kind: "fen" | "percent";
  /** Fen, or the percentage as "num/den". */
  key: string;
  /** Offset in the clause's own text (to prefer the rule whose quote holds it). */
  offset: number;
}

export interface CoverageLine {
  mention: AmountMention;
  /** "rule influencer-sales", "rule x (condition)", "notAwards: reason"; null = uncovered. */
  coveredBy: string | null;
}

export interface CoverageReport {
  lines: CoverageLine[];
  covered: number;
  total: number;
}

// Money: a unit with 元; or 万/亿 followed by a list separator or 以上/至 (not 万粉丝, 万件, 万吨, 万人次, 万家).
const MONEY = /(\d+(?:\.\d+)?)\s*(亿元|万元|千元|元|亿(?=[、，,至]|以上)|万(?=[、，,至]|以上))/g;
const PERCENT = /(\d+(?:\.\d+)?)\s*%/g;

const ratioKey = (r: Ratio) => `${r.num}/${r.den}`;

/** Key of a money or percentage literal ("2万元" → fen, "20%" → ratio), or null when it is neither. */
export function amountKey(literal: string): { kind: "fen" | "percent"; key: string } | null {
  const text = literal.replace(/\s/g, "");
  if (/%$/.test(text)) return { kind: "percent", key: ratioKey(parsePercent(text)) };
  const m = /^(\d+(?:\.\d+)?)(亿|万|千)?元?$/.exec(text);
  if (!m) return null;
  return { kind: "fen", key: String(parseMoney(`${m[1]}${m[2] ?? ""}元`)) };
}

const ownTextCache = new WeakMap<Clause, string>();

/** A clause's own text, cached per clause object. */
function ownTexts(clause: Clause, byId: ReadonlyMap<string, Clause>): string {
  let t = ownTextCache.get(clause);
  if (t === undefined) ownTextCache.set(clause, (t = ownText(clause, byId)));
  return t;
}

/** A clause's own text: its text without its children's. */
function ownText(clause: Clause, byId: ReadonlyMap<string, Clause>): string {
  let text = clause.text;
  for (const id of clause.childIds) {
    const child = byId.get(id);
    if (child) text = text.replace(child.text, "");
  }
  return text;
}

/** Every amount mention of the given clauses, attributed to the deepest clause holding it. */
export function scanAmounts(clauses: readonly Clause[]): AmountMention[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const out: AmountMention[] = [];
  for (const clause of clauses) {
    const text = ownTexts(clause, byId);
    for (const re of [MONEY, PERCENT]) {
      for (const m of text.matchAll(re)) {
        const literal = m[0].replace(/\s/g, "");
        const key = amountKey(re === PERCENT ? literal : `${m[1]}${m[2]!.replace(/元$/, "")}元`);
        if (key) out.push({ policy: clause.policyId, clause: clause.id, literal, ...key, offset: m.index });
      }
    }
  }
  return out;
}

/** Money strings and percentages anywhere in a rule's data (amounts, thresholds, caps). */
function collectKeys(node: unknown, into: Set<string>, percentKey = false): void {
  if (typeof node === "string") {
    const k = percentKey ? amountKey(`${node.replace(/%$/, "")}%`) : /元$/.test(node) ? amountKey(node) : null;
    if (k) into.add(`${k.kind}:${k.key}`);
  } else if (typeof node === "number" && percentKey) {
    into.add(`percent:${ratioKey(parsePercent(node))}`);
  } else if (Array.isArray(node)) {
    node.forEach((n) => collectKeys(n, into));
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) if (k !== "quote") collectKeys(v, into, k === "percent");
  }
}

interface RuleUse {
  name: string;
  quote: string;
  clauses: Set<string>;
  keys: Set<string>;
  texts: string[];
}

/** What each rule of a file uses: its clauses, amount keys and the words of its unchecked conditions. */
function ruleUses(file: PolicyRuleFile): RuleUse[] {
  return file.rules.map((rule) => {
    const clauses = new Set([rule.clause]);
    const visit = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(visit);
      else if (n && typeof n === "object") {
        const c = (n as { clause?: unknown }).clause;
        if (typeof c === "string") clauses.add(c);
        Object.values(n).forEach(visit);
      }
    };
    visit(rule.amount);
    const keys = new Set<string>();
    collectKeys({ when: rule.when, amount: rule.amount }, keys);
    return { name: `rule ${rule.id}`, quote: rule.quote, clauses, keys, texts: [...(rule.conditions ?? []).map(conditionText), ...(rule.notes ?? [])].map((t) => t.replace(/\s/g, "")) };
  });
}

/** Checks every mention of `clauses` against the rule files; files absent from `files` cover nothing. */
export function checkCoverage(clauses: readonly Clause[], files: ReadonlyMap<string, PolicyRuleFile>): CoverageReport {
  const uses = new Map([...files].map(([id, f]) => [id, ruleUses(f)]));
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const lines: CoverageLine[] = scanAmounts(clauses).map((mention) => {
    const file = files.get(mention.policy);
    const key = `${mention.kind}:${mention.key}`;
    const own = ownTexts(byId.get(mention.clause)!, byId);
    const candidates = (uses.get(mention.policy) ?? []).filter((u) => u.clauses.has(mention.clause));
    // Prefer the rule whose quote spans the mention, so a shared figure is credited to its own sentence.
    const spans = (u: RuleUse) => {
      const at = own.indexOf(u.quote);
      return at >= 0 && at <= mention.offset && mention.offset < at + u.quote.length;
    };
    for (const use of [...candidates.filter(spans), ...candidates]) {
      if (use.keys.has(key)) return { mention, coveredBy: use.name };
      if (use.texts.some((t) => t.includes(mention.literal))) return { mention, coveredBy: `${use.name} (condition)` };
    }
    const listed = file?.notAwards?.find((n) => n.clause === mention.clause && `${amountKey(n.amount)?.kind}:${amountKey(n.amount)?.key}` === key);
    return { mention, coveredBy: listed ? `notAwards: ${listed.reason}` : null };
  });
  const covered = lines.filter((l) => l.coveredBy !== null).length;
  return { lines, covered, total: lines.length };
}
