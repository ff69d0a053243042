/**
 * The answer object of one turn: what every channel posts and what `ask --json` prints.
 * The contract is shared/spec/ask.md; this schema is its executable form.
 */
import { z } from "zod";

export const AwardSchema = z.strictObject({
  policy: z.string(),
  clause: z.string(),
  title: z.string(),
  eligible: z.boolean().nullable(),
  amountFen: z.number().int().nonnegative().nullable(),
  /** The amount is a range because the user's figure is approximate (amountFen is then null); highFen null = open. */
  amountRange: z.strictObject({ lowFen: z.number().int().nonnegative(), highFen: z.number().int().nonnegative().nullable() }).optional(),
  upTo: z.boolean(),
  inForce: z.boolean().nullable(),
  conditions: z.array(z.string()),
  trace: z.array(z.string()),
});

export const CitationSchema = z.strictObject({ clause: z.string(), quote: z.string() });

export const AnswerStatus = z.enum(["answered", "needs_info", "out_of_scope", "pending_review"]);

export const AnswerSchema = z.strictObject({
  status: AnswerStatus,
  text: z.string(),
  policies: z.array(z.string()),
  awards: z.array(AwardSchema),
  missing: z.array(z.string()),
  citations: z.array(CitationSchema),
});

export type Answer = z.infer<typeof AnswerSchema>;
export type Award = z.infer<typeof AwardSchema>;
export type Citation = z.infer<typeof CitationSchema>;

/**
 * Engine amounts an eligible award states, for the number guard: its amount, or the ends of its range (the
 * open end as written, "不足70万元").
 */
export function awardAmountsOf(a: Award): number[] {
  if (a.eligible !== true) return [];
  if (a.amountFen !== null) return [a.amountFen];
  const r = a.amountRange;
  return r ? [r.lowFen, ...(r.highFen === null ? [] : [r.highFen, r.highFen + 1])] : [];
}
