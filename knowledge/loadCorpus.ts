import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { Clause } from "./clause.js";
import { decodePolicyText, PolicyEncodingError, type PolicyEncoding } from "./decodePolicyText.js";
import { ClauseParseError, parseClauses } from "./parseClauses.js";
import { readPolicyMeta, type PolicyMeta } from "./policyMeta.js";

/** One policy ready to serve: its metadata, decoded text and clause tree. */
export interface LoadedPolicy {
  meta: PolicyMeta;
  /** Path of the policy file as read. */
  path: string;
  /** How the file was stored; "gbk" files are converted on load. */
  encoding: PolicyEncoding;
  /** Decoded text; clause offsets index this string. */
  text: string;
  clauses: Clause[];
}

export interface Corpus {
  policies: LoadedPolicy[];
  /** All clauses of all served policies, document order. */
  clauses: Clause[];
  /** One line per rejected file or metadata entry, naming it; the other policies are still served. */
  problems: string[];
}

/** Paths inside the working directory are shown relative to it, so problem lines stay short. */
function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? dir : rel;
}

/** Reads, decodes and parses one policy file; returns a problem line instead of throwing. */
function loadPolicy(dir: string, meta: PolicyMeta): LoadedPolicy | string {
  const path = join(dir, meta.file);
  if (!existsSync(path)) return `${path}: named by policies.json (policy "${meta.id}") but the file does not exist`;
  const bytes = readFileSync(path);
  if (bytes.toString("utf8").trim() === "") return `${path}: file is empty; policy "${meta.id}" not served`;
  try {
    const { text, encoding } = decodePolicyText(bytes);
    return { meta, path, encoding, text, clauses: parseClauses(meta.id, text) };
  } catch (error) {
    if (error instanceof PolicyEncodingError || error instanceof ClauseParseError) {
      return `${path}: ${error.message}; policy "${meta.id}" not served`;
    }
    throw error;
  }
}

/**
 * Loads every policy in `dir` (policies.json + its .txt/.md files): metadata, decoded text, clauses.
 * Each bad file or entry (empty, undecodable, no headings, duplicate id, missing file, bad metadata)
 * becomes one problem line and is skipped; the others are served. A policy file without a metadata
 * entry is reported too. Throws only when policies.json itself is unusable.
 */
export function loadCorpus(dir: string): Corpus {
  const shown = displayPath(dir);
  const { metas, problems, listedFiles } = readPolicyMeta(shown);
  const policies: LoadedPolicy[] = [];
  for (const meta of metas) {
    const loaded = loadPolicy(shown, meta);
    if (typeof loaded === "string") problems.push(loaded);
    else policies.push(loaded);
  }
  for (const file of readdirSync(shown).sort()) {
    if (/\.(txt|md)$/.test(file) && !listedFiles.includes(file)) {
      problems.push(`${join(shown, file)}: no entry in policies.json; add one to serve this policy`);
    }
  }
  return { policies, clauses: policies.flatMap((p) => p.clauses), problems };
}
