/**
 * Topics: the line of business a text speaks of ("在快手带货" → livestream, "速卖通上做推广" → cross-border
 * and promotion), read with the word families of rules/topics.yaml. The same reader runs over a user's
 * message and over a provision's clause, so a new policy's clauses get their topics with no code change.
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { readYamlFile } from "../../rules/ruleFiles.js";

/** The topics file the running bot reads. */
export const TOPICS_FILE = fileURLToPath(new URL("../../rules/topics.yaml", import.meta.url));

/** One family of words for a line of business. */
export interface Topic {
  id: string;
  label: string;
  words: readonly string[];
}

/** A bad topics file: one line naming the file and the field. */
export class TopicsError extends Error {
  override name = "TopicsError";
}

const word = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1, "empty word"));
const TopicsFileSchema = z.strictObject({
  topics: z.record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/, "topic names are camelCase letters and digits"),
    z.strictObject({ label: z.string().trim().min(1, "label must not be empty"), words: z.array(word).min(1, "a topic lists its words") }),
  ),
});

/** Reads and checks a topics file (default rules/topics.yaml); a bad file throws one line naming file, line and field. */
export function loadTopics(file: string = TOPICS_FILE): Topic[] {
  const entry = readYamlFile(file);
  const parsed = TopicsFileSchema.safeParse(entry.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const line = entry.lineOf?.(issue.path);
    throw new TopicsError(`${entry.source}${line ? `:${line}` : ""}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  }
  return Object.entries(parsed.data.topics).map(([id, t]) => ({ id, label: t.label, words: t.words }));
}

let loaded: Topic[] | null = null;

/** The topics of rules/topics.yaml, read once. */
export function topics(): readonly Topic[] {
  loaded ??= loadTopics();
  return loaded;
}

/**
 * A word inside a longer name in quotation marks is part of that name: “中国淘宝镇（村）” is an honour, not
 * selling on 淘宝. A quoted name that is itself a topic word (“一事一议”) still counts.
 */
const LONGER_QUOTED_NAME = /“([^”]*)”/g;

/** Each family's words in upper case, made once per topic list (topicsIn runs several times a turn). */
const upperWords = new WeakMap<readonly Topic[], string[][]>();

/** Ids of the topics whose words stand in `text` (Latin letters in any case), in file order. */
export function topicsIn(text: string, families: readonly Topic[] = topics()): string[] {
  const upper = text.replace(LONGER_QUOTED_NAME, (name, inner: string) => (families.some((t) => t.words.includes(inner)) ? name : "“”")).toUpperCase();
  let words = upperWords.get(families);
  if (!words) upperWords.set(families, (words = families.map((t) => t.words.map((w) => w.toUpperCase()))));
  return families.filter((_, i) => words[i]!.some((w) => upper.includes(w))).map((t) => t.id);
}
