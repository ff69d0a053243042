/**
 * Finds and reads the policy rule files: every `<policy-id>.yaml` in rules/policies/ is one policy's
 * rules as data. Adding a policy is adding a file; there is no registry to edit. A file that cannot be
 * read as YAML fails with one line naming the file and the line.
 *
 * Any YAML data file (rule files, the fact vocabulary) is read with {@link readYamlFile}: parsing YAML
 * was about a third of `ask`'s start-up, so the parsed data is cached by the hash of the file's text and
 * the YAML is parsed again only when the text changed or an error needs its line number. Validating the
 * data with zod cost as much again, so valid data is cached too ({@link RuleFileEntry.validated}), keyed
 * also by the code that validates it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { deserialize, serialize } from "node:v8";
import type { Document } from "yaml";
import { RuleSchemaError } from "./ruleSchemaError.js";

/** The folder of the rule files that answer users: RULES_DIR/policies/ when that setting is given, else rules/policies/. */
export const RULES_DIR = process.env.RULES_DIR ? join(process.env.RULES_DIR, "policies") : fileURLToPath(new URL("./policies/", import.meta.url));

/** Rule data with where it came from, for error messages. */
export interface RuleFileEntry {
  /** Path of the file, for error messages (relative to the working directory when inside it). */
  source: string;
  data: unknown;
  /** The line of a field (path as zod reports it), when the data came from a file. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
  /**
   * `validate()`'s result, from the cache when this text was validated before under the same `key` (say what
   * else the result depends on: {@link codeStamp} of the validating code, other data). Only a result is
   * cached, never an error. Absent when the data came from no cached file: then call `validate` directly.
   */
  validated?: <T>(key: string, validate: () => T) => T;
}

/** `validate()`'s result for this entry, cached when the entry can (see {@link RuleFileEntry.validated}). */
export function validateOnce<T>(entry: RuleFileEntry, key: string, validate: () => T): T {
  return entry.validated ? entry.validated(key, validate) : validate();
}

const EXTENSION = ".yaml";

/** A path as error messages show it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

/** Where parsed YAML data is cached (one file per distinct text); safe to delete at any time. */
export const YAML_CACHE_DIR = fileURLToPath(new URL("../node_modules/.cache/huishang-yaml/", import.meta.url));

/** Entries kept in the cache; older ones (by time written) go when a new text is parsed. */
const CACHE_ENTRIES = 200;

const require = createRequire(import.meta.url);
/** The YAML parser, loaded on first parse: a start with every file cached never loads it. */
const yaml = (): typeof import("yaml") => require("yaml") as typeof import("yaml");

/** Part of every key, so a new yaml release or other parse options never serve an old result. */
const PARSER = `yaml@${(require("yaml/package.json") as { version: string }).version} uniqueKeys v1`;

const sha256 = (...parts: (string | Buffer)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest();
};

const RULES_CODE = fileURLToPath(new URL("./", import.meta.url));
let rulesCode: Buffer | undefined;

/**
 * A stamp of code that validates data: the text of the given modules (file URLs, e.g. the caller's
 * `import.meta.url`), of every .ts file of rules/ (the schemas and what they import), and zod's version.
 * A cached validation under another stamp is never used.
 */
export function codeStamp(...modules: string[]): string {
  rulesCode ??= sha256(
    `zod@${(require("zod/package.json") as { version: string }).version}`,
    ...readdirSync(RULES_CODE, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts"))
      .sort()
      .flatMap((name) => [name, readFileSync(join(RULES_CODE, name))]),
  );
  return sha256(rulesCode, ...modules.map((url) => readFileSync(fileURLToPath(url)))).toString("hex");
}

export interface ReadYamlOptions {
  /** Path shown in error messages (default: relative to the working directory when inside it). */
  source?: string;
  /** Cache folder (default {@link YAML_CACHE_DIR}); `false` parses every time. */
  cacheDir?: string | false;
}

/**
 * Reads a YAML data file. The data comes from the cache when this exact text was parsed before (the
 * key is a hash of the text and the parser), otherwise from parsing, which then fills the cache. The
 * returned `lineOf` parses the text only when called, i.e. when a validation error needs a line.
 * A syntax error or duplicate key is one line naming file and line, and is never cached. A cache that
 * cannot be read or written (read-only install) only costs the parse.
 */
export function readYamlFile(file: string, options: ReadYamlOptions = {}): RuleFileEntry {
  const source = options.source ?? displayPath(file);
  const text = readFileSync(file, "utf8");
  const cacheDir = options.cacheDir ?? YAML_CACHE_DIR;
  if (cacheDir === false) return parseRuleYaml(text, source);
  let parsed: RuleFileEntry | undefined;
  const parse = () => (parsed ??= parseRuleYaml(text, source));
  const cachedData = () => {
    const cached = join(cacheDir, `${sha256(PARSER, text).toString("hex")}.v8`);
    try {
      return deserialize(readFileSync(cached)) as unknown;
    } catch {
      // not cached yet (or unreadable): parse below
    }
    const { data } = parse();
    writeCacheEntry(cacheDir, cached, serialize(data));
    return data;
  };
  let data: { value: unknown } | undefined;
  return {
    source,
    // Read when asked for: a start whose every validation is cached needs no data at all.
    get data() {
      data ??= { value: cachedData() };
      return data.value;
    },
    lineOf: (path) => parse().lineOf?.(path),
    validated<T>(key: string, validate: () => T): T {
      const cached = join(cacheDir, `${sha256(PARSER, "validated", key, text).toString("hex")}.valid.v8`);
      try {
        // A checksum guards the entry: a damaged or truncated one is validated again, never trusted.
        const entry = readFileSync(cached);
        const payload = entry.subarray(32);
        if (sha256(payload).equals(entry.subarray(0, 32))) return deserialize(payload) as T;
      } catch {
        // not cached yet (or unreadable): validate below
      }
      const result = validate();
      // Only plain data is kept: what comes back from the cache must be exactly what validate returned.
      const payload = plainData(result);
      if (payload) writeCacheEntry(cacheDir, cached, Buffer.concat([sha256(payload), payload]));
      return result;
    },
  };
}

/** `value` serialized, when deserializing gives it back exactly (no functions, no class instances); else undefined. */
function plainData(value: unknown): Buffer | undefined {
  try {
    const bytes = serialize(value);
    return isDeepStrictEqual(deserialize(bytes), value) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one cache entry; a cache that cannot be written only costs the work next time. */
function writeCacheEntry(dir: string, path: string, bytes: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path); // atomic: a concurrent reader sees the whole entry or none
    pruneCache(dir);
  } catch {
    // read-only or full disk: the data is still right, only the next start does the work again
  }
}

function pruneCache(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith(".v8"));
  if (names.length <= CACHE_ENTRIES) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - CACHE_ENTRIES)) rmSync(join(dir, n), { force: true });
}

/** Parses YAML text of a rule file; a syntax error or duplicate key is one line naming file and line. */
export function parseRuleYaml(text: string, source: string): RuleFileEntry {
  const { LineCounter, parseDocument, isNode } = yaml();
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
export function readRuleFiles(dir: string = RULES_DIR, options: Pick<ReadYamlOptions, "cacheDir"> = {}): RuleFileEntry[] {
  const names = readdirSync(dir).filter((n) => !n.startsWith(".") && n !== "README.md").sort();
  return names.map((name) => {
    const file = join(dir, name);
    const source = displayPath(file);
    if (!name.endsWith(EXTENSION)) throw new RuleSchemaError(`${source}: not a rule file (rule files are <policy-id>${EXTENSION})`);
    const entry = readYamlFile(file, { ...options, source });
    const policy = (entry.data as { policy?: unknown } | null)?.policy;
    const expected = name.slice(0, -EXTENSION.length);
    if (typeof policy === "string" && policy !== expected) {
      throw new RuleSchemaError(`${source}: policy "${policy}" must be in a file named ${policy}${EXTENSION}`);
    }
    return entry;
  });
}
