/**
 * Scoring of one evaluation case, as shared/eval/README.md defines it. Used by `npm run eval` and tests.
 */
import { z } from "zod";
import { awardAmountsOf, type Answer } from "./answer.js";
import { numberGuard, restatedUserFigures } from "./numberGuard.js";

export const EvalCaseSchema = z.strictObject({
  id: z.string(),
  turns: z.array(z.string()).min(1),
  /** The clause's words and arithmetic behind the expectation; informational, not scored. */
  why: z.string().optional(),
  /** The phenomena the case exercises; informational, not scored. */
  tags: z.array(z.string()).optional(),
  expect: z
    .strictObject({
      status: z.string().optional(),
      award: z.strictObject({ clause: z.string(), amountYuan: z.number() }).optional(),
      notEligible: z.string().optional(),
      noAmount: z.string().optional(),
      notAmountYuan: z.number().optional(),
      missingAny: z.array(z.string()).optional(),
      policy: z.string().optional(),
      textIncludesAny: z.array(z.string()).optional(),
    })
    .default({}),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export interface CaseScore {
  pass: boolean;
  /** Why the case failed, one short phrase per failed expectation. */
  failures: string[];
  /** Numbers in the text that are not grounded. */
  ungrounded: string[];
  /** The user's own figures restated in a form they did not write ("9万" as "90000"). */
  restated: string[];
}

/** Score the answer to a case's last turn. */
export function scoreCase(c: EvalCase, answer: Answer): CaseScore {
  const e = c.expect;
  const failures: string[] = [];
  const byClause = (clause: string) => answer.awards.filter((a) => a.clause === clause);

  if (e.status !== undefined && answer.status !== e.status) failures.push(`status ${answer.status} ≠ ${e.status}`);
  if (e.award) {
    const want = Math.round(e.award.amountYuan * 100);
    const awards = byClause(e.award.clause).filter((a) => a.eligible === true);
    const single = awards.some((a) => a.amountFen === want);
    const total = awards.reduce((sum, a) => sum + (a.amountFen ?? 0), 0);
    if (!single && total !== want) {
      failures.push(`award ${e.award.clause}: got ${awards.map((a) => a.amountFen).join("+") || "none eligible"} fen, want ${want}`);
    }
  }
  if (e.notEligible) {
    const awards = byClause(e.notEligible);
    if (!awards.some((a) => a.eligible === false)) failures.push(`notEligible ${e.notEligible}: no ineligible award`);
    if (awards.some((a) => a.eligible === true && (a.amountFen ?? 0) > 0)) failures.push(`notEligible ${e.notEligible}: an award is eligible`);
  }
  if (e.noAmount && !byClause(e.noAmount).some((a) => a.amountFen === null)) failures.push(`noAmount ${e.noAmount}: not present with null amount`);
  if (e.notAmountYuan !== undefined) {
    const fen = Math.round(e.notAmountYuan * 100);
    if (answer.awards.some((a) => a.eligible === true && a.amountFen === fen)) failures.push(`an eligible award has the excluded amount ${e.notAmountYuan}元`);
  }
  if (e.missingAny && !e.missingAny.some((m) => answer.missing.includes(m))) failures.push(`missing ${JSON.stringify(answer.missing)} has none of ${e.missingAny.join("/")}`);
  if (e.policy && !answer.policies.includes(e.policy)) failures.push(`policies ${JSON.stringify(answer.policies)} lack ${e.policy}`);
  if (e.textIncludesAny && !e.textIncludesAny.some((s) => answer.text.includes(s))) failures.push(`text lacks ${e.textIncludesAny.join(" / ")}`);

  const grounding = {
    userTexts: c.turns,
    quotes: answer.citations.map((q) => q.quote),
    amountsFen: answer.awards.flatMap((a) => (a.amountFen === null ? [] : [a.amountFen])),
    extraTexts: answer.awards.flatMap((a) => [...a.trace, ...a.conditions]),
    // The template's own amounts are held to the same role rule as a model's or a staff member's.
    awardAmountsFen: answer.awards.flatMap(awardAmountsOf),
  };
  const ungrounded = numberGuard(answer.text, grounding).ungrounded.map((u) => u.raw);
  if (ungrounded.length > 0) failures.push(`ungrounded numbers: ${ungrounded.join(", ")}`);
  const restated = restatedUserFigures(answer.text, grounding).map((m) => m.raw);
  if (restated.length > 0) failures.push(`user figures restated in another form: ${restated.join(", ")}`);
  return { pass: failures.length === 0, failures, ungrounded, restated };
}
