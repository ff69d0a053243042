/**
 * Facts from outside (chat extraction, CLI, tests) are validated before any rule reads them, so a bad
 * value becomes a one-line error naming the fact, never a wrong amount.
 */
import { FACTS, factsSchemaFor, isValidated, type FactName, type Facts } from "./facts.js";

/** Bad facts: `fact` is the offending name; the message is one line. */
export class FactsError extends Error {
  override name = "FactsError";
  constructor(
    readonly fact: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Validates facts with the vocabulary's zod schema; throws {@link FactsError} naming the first bad fact.
 * Facts that parseFacts returned passed that schema already and are frozen: they are returned as they are.
 */
export function validateFacts(input: unknown): Facts {
  if (isValidated(input)) return input;
  const parsed = factsSchemaFor(input).safeParse(input);
  if (parsed.success) return parsed.data as Facts;
  const issue = parsed.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const fact = issue.keys[0]!;
    throw new FactsError(fact, `unknown fact "${fact}" (not in rules/facts.yaml)`);
  }
  const fact = String(issue.path[0] ?? "(facts)");
  const spec = FACTS[fact as FactName];
  const label = spec ? `（${spec.label}）` : "";
  const message = issue.code === "invalid_type" && issue.expected === "number" ? `${fact}${label}: expected a number, got ${describe(input, fact)}` : `${fact}${label}: ${issue.message}`;
  throw new FactsError(fact, message);
}

function describe(input: unknown, fact: string): string {
  const v = (input as Record<string, unknown> | null)?.[fact];
  return typeof v === "string" ? `"${v}"` : String(v);
}

