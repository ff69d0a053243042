import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { z } from "zod";
import type { Clause } from "./clause.js";
import { buildPassages, ClauseSearch, type BuildProgress, type Passage, type SearchHit, type SearchOptions } from "./clauseSearch.js";
import { HashedEmbeddings } from "./hashedEmbeddings.js";
import { readCorpusStore, writeCorpusStore } from "./corpusStore.js";
import { loadCorpus, type Corpus, type LoadedPolicy } from "./loadCorpus.js";
import { findPoliciesMentioned, regionAliases, type PolicyMeta } from "./policyMeta.js";
import { progressBar } from "./progressBar.js";
import type { HnswParams } from "./vectorIndex.js";

/** The policy directory shipped with the project. */
export const DEFAULT_POLICY_DIR = fileURLToPath(new URL("./policies/", import.meta.url));

/** Where derived data lives: `DATA_DIR`, else `data/` at the project root (git-ignored). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR ? resolve(env.DATA_DIR) : fileURLToPath(new URL("../data/", import.meta.url));
}

/** An embedder plus a string naming its vector space (part of the index key). */
export interface EmbeddingsChoice {
  embeddings: EmbeddingsInterface;
  id: string;
}

/** OpenAI's own API, where EMBEDDINGS_MODEL alone sends embedding requests. */
const OPENAI_API_URL = "https://api.openai.com/v1";

/**
 * Embeddings from the environment: an OpenAI-compatible endpoint only when the embeddings are asked
 * for by name — `EMBEDDINGS_BASE_URL` (the endpoint) and/or `EMBEDDINGS_MODEL` (default
 * text-embedding-3-small; endpoint default OpenAI's API) — with `OPENAI_API_KEY` as the key; otherwise
 * the offline {@link HashedEmbeddings}. `OPENAI_API_KEY` alone configures the model that rewords answers:
 * it must not send every policy clause to that chat endpoint (`OPENAI_BASE_URL`, which the OpenAI client
 * would otherwise fall back to) nor change the search. The OpenAI client is loaded only when configured
 * (it costs more start-up time than the rest of the bot).
 */
export async function embeddingsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddingsChoice> {
  if (env.EMBEDDINGS_BASE_URL || env.EMBEDDINGS_MODEL) {
    const model = env.EMBEDDINGS_MODEL || "text-embedding-3-small";
    const baseURL = env.EMBEDDINGS_BASE_URL || OPENAI_API_URL;
    const { OpenAIEmbeddings } = await import("@langchain/openai");
    return {
      embeddings: new OpenAIEmbeddings({ model, apiKey: env.OPENAI_API_KEY || "unused", configuration: { baseURL }, maxRetries: 1 }),
      id: `openai:${baseURL}:${model}`,
    };
  }
  const offline = new HashedEmbeddings();
  return { embeddings: offline, id: offline.id };
}

export interface OpenKnowledgeBaseOptions {
  /** Folder with policies.json and the policy files (default: knowledge/policies). */
  policyDir?: string;
  /** Folder for the persisted index (default: {@link defaultDataDir}). */
  dataDir?: string;
  /** Rebuild the index even when the stored one is current. */
  rebuild?: boolean;
  /** Embedder override (default: {@link embeddingsFromEnv}). */
  embeddings?: EmbeddingsChoice;
  /** Operator messages: one line each (default: stderr). */
  log?: (line: string) => void;
  /** Build progress (default: a bar on stderr when it is a terminal, else one line per stage). */
  progress?: BuildProgress;
  /** Graph parameters for a (re)build (default: HNSW_DEFAULTS). */
  hnsw?: HnswParams;
}

/** Where the index came from and what it holds. */
export interface IndexInfo {
  /** Folder of this index: `<dataDir>/knowledge-index/<key>`. */
  dir: string;
  /** Content hash of the policy files, the passages and the embedder. */
  key: string;
  /** True when this call (re)built it, false when it was read from disk. */
  rebuilt: boolean;
  passages: number;
  embeddings: string;
  /** Time to build or to read the index. */
  millis: number;
}

/** The policies, their clauses and clause search: what the bot and the CLIs open once at startup. */
export interface KnowledgeBase {
  readonly policies: readonly LoadedPolicy[];
  readonly clauses: readonly Clause[];
  /** One line per policy file or metadata entry that is not served. */
  readonly problems: readonly string[];
  readonly index: IndexInfo;
  /** A clause by id, e.g. "pingyin-2020:三/(三)/3". */
  clause(id: string): Clause | undefined;
  /** A served policy by id. */
  policy(id: string): LoadedPolicy | undefined;
  /** Ids of the policies whose region the text names (longest alias wins), in order of mention. */
  policiesMentioned(text: string): string[];
  /** Hybrid clause search, synchronous (offline dense leg only; see ClauseSearch). */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Hybrid clause search with whatever embedder is configured. */
  searchAsync(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** The index itself (dense leg alone, exact reference search: benchmarks). */
  readonly searchIndex: ClauseSearch;
}

const ManifestSchema = z.strictObject({
  key: z.string(),
  embeddings: z.string(),
  builtAt: z.string(),
});

const INDEX_ROOT = "knowledge-index";
/** Bumped when the files of an index change shape, so an old index is rebuilt, not misread. */
const INDEX_FORMAT = 5;

/**
 * Removes the names of the filtered policies' regions from a query: the filter already selects the
 * region, and inside its policy "汨罗" would only pull up clauses that happen to say 汨罗.
 * Built once per catalog: a question naming no region filters to every policy, and matching each of
 * thousands of policies' names against it on every search cost most of a turn at 100k clauses.
 */
function regionNameRemover(metas: readonly PolicyMeta[]): (query: string, options: SearchOptions | undefined) => string {
  let names: Array<{ name: string; policyId: string }> | undefined;
  /**
   * Names by their first character's code: a query is short, so only the few starting with one of its
   * characters can occur in it (codes, not one-character strings: those would be made on every search).
   */
  const byFirst = new Map<number, number[]>();
  const index = () => {
    // Longest name first (stable: catalog order, then alias order).
    names = metas.flatMap((m) => regionAliases(m).map((name) => ({ name, policyId: m.id }))).sort((a, b) => b.name.length - a.name.length);
    names.forEach(({ name }, i) => {
      const list = byFirst.get(name.charCodeAt(0)) ?? [];
      list.push(i);
      byFirst.set(name.charCodeAt(0), list);
    });
    return names;
  };
  return (query, options) => {
    if (!options?.policyIds?.length) return query;
    const all = names ?? index();
    const wanted = new Set(options.policyIds);
    const found: number[] = [];
    for (let at = 0; at < query.length; at++) {
      const list = byFirst.get(query.charCodeAt(at));
      // A character seen before offers the same names again.
      if (list === undefined || query.indexOf(query.charAt(at)) < at) continue;
      for (const i of list) if (wanted.has(all[i]!.policyId) && query.includes(all[i]!.name)) found.push(i);
    }
    // Removing a name leaves a space, so only names already in the query can match later ones.
    return found.sort((a, b) => a - b).reduce((text, i) => text.replaceAll(all[i]!.name, " "), query);
  };
}

/** The knowledge code's own folder: its sources are part of the index key (see indexKey). */
const KNOWLEDGE_DIR = fileURLToPath(new URL("./", import.meta.url));

/** The .ts files under `dir`, sorted. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []))
    .sort();
}

/**
 * Hash of everything the index depends on: the policy folder's files, the embedder, and the
 * knowledge code that reads documents, cuts passages and tokenises (a parser change alters clauses
 * as a file edit does). Files count by name, size and modification time, not bytes: reading 3,600
 * policy files took seconds of every open; an edit changes the time (and a copied folder gets new
 * times, so it is rebuilt once). It reads no document, so a saved corpus skips parsing.
 */
function indexKey(policyDir: string, embeddingsId: string): string {
  const hash = createHash("sha256");
  hash.update(`format:${INDEX_FORMAT}\nembeddings:${embeddingsId}\n`);
  const stamp = (file: string) => {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${file}\t${size}\t${mtimeMs}\n`);
  };
  sourceFiles(KNOWLEDGE_DIR).forEach(stamp);
  for (const entry of readdirSync(policyDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isFile()) stamp(join(policyDir, entry.name));
  }
  return hash.digest("hex").slice(0, 16);
}

const CORPUS_STORE = "corpus";

/** Reads the stored corpus and index in `dir`; null when absent, damaged or built for another embedder. */
function readIndex(dir: string, choice: EmbeddingsChoice): { corpus: Corpus; search: ClauseSearch } | null {
  try {
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));
    // An index built by the offline fallback does not match a configured remote embedder: retry it.
    if (manifest.embeddings !== choice.id) return null;
    const corpus = readCorpusStore(join(dir, CORPUS_STORE));
    return { corpus, search: ClauseSearch.load(dir, clauseFinder(corpus.policies), choice.embeddings) };
  } catch {
    return null;
  }
}

/**
 * Clause by id, looked up in its own policy (so only that policy's clauses are read), through an id map
 * made on the policy's first lookup: every search hit and rule citation looks one up.
 */
function clauseFinder(policies: readonly LoadedPolicy[]): (id: string) => Clause | undefined {
  const policyById = new Map(policies.map((p) => [p.meta.id, p]));
  const byId = new WeakMap<readonly Clause[], Map<string, Clause>>();
  return (id) => {
    const clauses = policyById.get(id.slice(0, id.indexOf(":")))?.clauses;
    if (!clauses) return undefined;
    let map = byId.get(clauses);
    if (!map) {
      map = new Map();
      // The first clause of an id, as a search through the list finds it.
      for (const c of clauses) if (!map.has(c.id)) map.set(c.id, c);
      byId.set(clauses, map);
    }
    return map.get(id);
  };
}

/**
 * Loads and parses every policy, logs its problems and `announce`s the build, saves the corpus in
 * `dir` and returns it as saved (each policy read back on demand) with the passages to index. The
 * parsed corpus itself goes out of scope here: a province-sized one is not held through the build.
 */
function storeCorpus(policyDir: string, dir: string, log: (line: string) => void, announce: (corpus: Corpus) => void): { corpus: Corpus; passages: Passage[] } {
  const loaded = loadCorpus(policyDir);
  for (const problem of loaded.problems) log(`knowledge: ${problem}`);
  announce(loaded);
  writeCorpusStore(join(dir, CORPUS_STORE), loaded);
  return { corpus: readCorpusStore(join(dir, CORPUS_STORE)), passages: buildPassages(loaded.clauses) };
}

/**
 * Builds and persists corpus and index (see storeCorpus); falls back to offline embeddings when a
 * remote embedder fails. The index is written into its folder as it is built (a large one is never
 * whole in memory); where that folder cannot be written, into a temporary one used for this run only.
 */
async function buildIndex(
  dir: string,
  policyDir: string,
  choice: EmbeddingsChoice,
  options: { log: (line: string) => void; announce: (corpus: Corpus) => void; progress: BuildProgress; hnsw?: HnswParams },
): Promise<{ corpus: Corpus; search: ClauseSearch; embeddingsId: string }> {
  const { log, progress, hnsw } = options;
  let into = dir;
  let unwritable: string | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const temporary = (into = mkdtempSync(join(tmpdir(), "huishang-index-")));
    process.once("exit", () => rmSync(temporary, { recursive: true, force: true }));
    unwritable = (error as Error).message;
  }
  const { corpus, passages } = storeCorpus(policyDir, into, log, options.announce);
  if (unwritable) log(`knowledge: cannot save the search index in ${dir} (${unwritable}); using a temporary one in ${into} for this run`);
  const clause = clauseFinder(corpus.policies);
  const build = (embeddings: EmbeddingsInterface) => ClauseSearch.build(into, passages, clause, embeddings, { progress, hnsw });
  let search: ClauseSearch;
  let embeddingsId = choice.id;
  try {
    search = await build(choice.embeddings);
  } catch (error) {
    if (choice.embeddings instanceof HashedEmbeddings) throw error;
    const offline = new HashedEmbeddings();
    log(`knowledge: embeddings endpoint failed (${(error as Error).message.split("\n")[0]}); using offline ${offline.id}`);
    search = await build(offline);
    embeddingsId = offline.id;
  }
  if (into === dir) {
    // The manifest goes last: a half-written index without it is rebuilt, never trusted.
    const manifest = { key: basename(dir), embeddings: embeddingsId, builtAt: new Date().toISOString() };
    const tmp = join(dir, `manifest.json.tmp-${process.pid}`);
    writeFileSync(tmp, JSON.stringify(manifest, null, 1));
    renameSync(tmp, join(dir, "manifest.json"));
  }
  return { corpus, search, embeddingsId };
}

/**
 * Opens the knowledge base: reads the saved corpus and search index for the current content hash,
 * or loads and parses every policy and rebuilds both (progress on stderr) when a policy file, the
 * knowledge code or the embedder changed. Problem lines are logged and returned; healthy policies
 * are served regardless. Throws only when policies.json itself is unusable.
 */
export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const policyDir = options.policyDir ?? DEFAULT_POLICY_DIR;
  const root = join(options.dataDir ?? defaultDataDir(), INDEX_ROOT);
  const choice = options.embeddings ?? (await embeddingsFromEnv());
  const started = performance.now();

  const key = indexKey(policyDir, choice.id);
  const dir = join(root, key);
  const stored = options.rebuild ? null : readIndex(dir, choice);
  let corpus: Corpus;
  let search: ClauseSearch;
  let embeddingsId = choice.id;
  if (stored) {
    ({ corpus, search } = stored);
    for (const problem of corpus.problems) log(`knowledge: ${problem}`);
  } else {
    const others = existsSync(root) ? readdirSync(root).filter((d) => d !== key) : [];
    const reason = options.rebuild ? "rebuild requested" : others.length ? "policy files or index settings changed" : "no index yet";
    const announce = (loaded: Corpus) =>
      log(`knowledge: ${reason}; building search index for ${loaded.policies.length} policies (${loaded.clauses.length} clauses, embeddings ${choice.id}) in ${dir}`);
    const progress = options.progress ?? progressBar();
    ({ corpus, search, embeddingsId } = await buildIndex(dir, policyDir, choice, { log, announce, progress, hnsw: options.hnsw }));
    // Indexes for older content are dead weight once the current one is written.
    for (const other of others) rmSync(join(root, other), { recursive: true, force: true });
  }

  const policyById = new Map(corpus.policies.map((p) => [p.meta.id, p]));
  const clause = clauseFinder(corpus.policies);
  const metas = corpus.policies.map((p) => p.meta);
  const withoutRegionNames = regionNameRemover(metas);
  const passages = search.passageCount;
  const millis = performance.now() - started;
  return {
    policies: corpus.policies,
    get clauses() {
      return corpus.clauses;
    },
    problems: corpus.problems,
    index: { dir, key, rebuilt: !stored, passages, embeddings: embeddingsId, millis },
    clause,
    policy: (id) => policyById.get(id),
    policiesMentioned: (text) => findPoliciesMentioned(text, metas),
    search: (query, opts) => search.search(withoutRegionNames(query, opts), opts),
    searchAsync: (query, opts) => search.searchAsync(withoutRegionNames(query, opts), opts),
    searchIndex: search,
  };
}
