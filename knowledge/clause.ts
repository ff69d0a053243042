/** One node of a policy's clause tree. */
export interface Clause {
  /** `<policy id>:<path>`, e.g. "pingyin-2020:三/(三)/3" (see shared/spec/ask.md). */
  id: string;
  policyId: string;
  /** The document's own heading numbers, normalised: ["三", "(三)", "3"]. */
  path: string[];
  /** Titles of the ancestors and this clause, outermost first. */
  headingPath: string[];
  /** This clause's own heading title, e.g. "支持带货达人线上销售" (may be "" when the text has none). */
  title: string;
  /** Full text of this clause including its children, whitespace-normalised (page breaks inside sentences joined). */
  text: string;
  parentId: string | null;
  childIds: string[];
  /** Character offsets of the clause in the source file's decoded text. */
  start: number;
  end: number;
}

/** A clause's own text: its text without its children's. */
export function ownText(clause: Clause, byId: ReadonlyMap<string, Clause>): string {
  let text = clause.text;
  for (const id of clause.childIds) text = text.replace(byId.get(id)?.text ?? "", "");
  return text;
}
