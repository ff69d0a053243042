/** A rule or data file that does not validate; the message is one line naming the file, rule and field. */
export class RuleSchemaError extends Error {
  override name = "RuleSchemaError";
}
