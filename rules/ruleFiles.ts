/**
 * Finds and reads the policy rule files: every `<policy-id>.yaml` in rules/policies/ is one policy's
 * rules as data. Adding a policy is adding a file; there is no registry to edit. A file that cannot be
 * read as YAML fails with one line naming the file and the line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { RuleSchemaError } from "./ruleSchema.js";

/** The folder of the rule files that answer users. */
export const RULES_DIR = fileURLToPath(new URL("./policies/", import.meta.url));

/** Rule data with where it came from, for error messages. */
export interface RuleFileEntry {
  /** Path of the file, for error messages (relative to the working directory when inside it). */
  source: string;
  data: unknown;
  /** The line of a field (path as zod reports it), when the data came from a file. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

const EXTENSION = ".yaml";

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

/** Parses YAML text of a rule file; a syntax error or duplicate key is one line naming file and line. */
export function parseRuleYaml(text: string, source: string): RuleFileEntry {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    throw new RuleSchemaError(`${source}${line ? `:${line}` : ""}: not valid YAML: ${error.message.split("\n")[0]}`);
  }
  return {
    source,
    data: doc.toJS(),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/**
 * Reads every rule file of `dir` (default rules/policies/), in file-name order. A file's name must be
 * its policy id (`pingyin-2020.yaml` holds `policy: pingyin-2020`); any other file kind is an error, so a
 * stray `.yml` or `.json` is not silently ignored.
 */
export function readRuleFiles(dir: string = RULES_DIR): RuleFileEntry[] {
  const names = readdirSync(dir).filter((n) => !n.startsWith(".") && n !== "README.md").sort();
  return names.map((name) => {
    const file = join(dir, name);
    const source = displayPath(file);
    if (!name.endsWith(EXTENSION)) throw new RuleSchemaError(`${source}: not a rule file (rule files are <policy-id>${EXTENSION})`);
    const entry = parseRuleYaml(readFileSync(file, "utf8"), source);
    const policy = (entry.data as { policy?: unknown } | null)?.policy;
    const expected = name.slice(0, -EXTENSION.length);
    if (typeof policy === "string" && policy !== expected) {
      throw new RuleSchemaError(`${source}: policy "${policy}" must be in a file named ${policy}${EXTENSION}`);
    }
    return entry;
  });
}
