import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { z } from "zod";
import type { Clause } from "./clause.js";
import { ClauseSearch, type BuildProgress, type SearchHit, type SearchOptions } from "./clauseSearch.js";
import { HashedEmbeddings } from "./hashedEmbeddings.js";
import { loadCorpus, type LoadedPolicy } from "./loadCorpus.js";
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

/**
 * Embeddings from the environment: an OpenAI-compatible endpoint when `EMBEDDINGS_BASE_URL` or
 * `OPENAI_API_KEY` is set (model `EMBEDDINGS_MODEL`, default text-embedding-3-small), otherwise the
 * offline {@link HashedEmbeddings}. The OpenAI client is loaded only when configured (it costs
 * more start-up time than the rest of the bot).
 */
export async function embeddingsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddingsChoice> {
  if (env.EMBEDDINGS_BASE_URL || env.OPENAI_API_KEY) {
    const model = env.EMBEDDINGS_MODEL ?? "text-embedding-3-small";
    const baseURL = env.EMBEDDINGS_BASE_URL;
    const { OpenAIEmbeddings } = await import("@langchain/openai");
    return {
      embeddings: new OpenAIEmbeddings({ model, apiKey: env.OPENAI_API_KEY ?? "unused", configuration: { baseURL }, maxRetries: 1 }),
      id: `openai:${baseURL ?? "default"}:${model}`,
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
const INDEX_FORMAT = 3;

/**
 * Removes the names of the filtered policies' regions from a query: the filter already selects the
 * region, and inside its policy "汨罗" would only pull up clauses that happen to say 汨罗.
 */
function withoutRegionNames(query: string, options: SearchOptions | undefined, metas: readonly PolicyMeta[]): string {
  if (!options?.policyIds?.length) return query;
  const names = metas
    .filter((m) => options.policyIds!.includes(m.id))
    .flatMap(regionAliases)
    .sort((a, b) => b.length - a.length);
  return names.reduce((text, name) => text.replaceAll(name, " "), query);
}

/** Hash of everything the index depends on: metadata and policy files (bytes), passages, embedder. */
function indexKey(policyDir: string, clauses: readonly Clause[], embeddingsId: string): string {
  const hash = createHash("sha256");
  hash.update(`format:${INDEX_FORMAT}\nembeddings:${embeddingsId}\n`);
  for (const file of readdirSync(policyDir).sort()) {
    if (file === "policies.json" || /\.(txt|md)$/.test(file)) hash.update(`${file}\n`).update(readFileSync(join(policyDir, file)));
  }
  // Parser or passage changes alter clause texts, so they invalidate the index as file edits do.
  for (const clause of clauses) hash.update(`${clause.id}\n${clause.text}\n`);
  return hash.digest("hex").slice(0, 16);
}

/** Reads the stored index for `key`; null when absent, damaged or built for another embedder. */
function readIndex(dir: string, clauseById: ReadonlyMap<string, Clause>, choice: EmbeddingsChoice): ClauseSearch | null {
  try {
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));
    // An index built by the offline fallback does not match a configured remote embedder: retry it.
    if (manifest.embeddings !== choice.id) return null;
    return ClauseSearch.load(dir, clauseById, choice.embeddings);
  } catch {
    return null;
  }
}

/** Builds and persists the index; falls back to offline embeddings when a remote embedder fails. */
async function buildIndex(
  dir: string,
  clauses: readonly Clause[],
  choice: EmbeddingsChoice,
  options: { log: (line: string) => void; progress: BuildProgress; hnsw?: HnswParams },
): Promise<{ search: ClauseSearch; embeddingsId: string }> {
  const { log, progress, hnsw } = options;
  let search: ClauseSearch;
  let embeddingsId = choice.id;
  try {
    search = await ClauseSearch.build(clauses, choice.embeddings, { progress, hnsw });
  } catch (error) {
    if (choice.embeddings instanceof HashedEmbeddings) throw error;
    const offline = new HashedEmbeddings();
    log(`knowledge: embeddings endpoint failed (${(error as Error).message.split("\n")[0]}); using offline ${offline.id}`);
    search = await ClauseSearch.build(clauses, offline, { progress, hnsw });
    embeddingsId = offline.id;
  }
  try {
    mkdirSync(dir, { recursive: true });
    search.save(dir);
    // The manifest goes last: a half-written index without it is rebuilt, never trusted.
    const manifest = { key: basename(dir), embeddings: embeddingsId, builtAt: new Date().toISOString() };
    const tmp = join(dir, `manifest.json.tmp-${process.pid}`);
    writeFileSync(tmp, JSON.stringify(manifest, null, 1));
    renameSync(tmp, join(dir, "manifest.json"));
  } catch (error) {
    log(`knowledge: cannot save the search index in ${dir} (${(error as Error).message}); using it from memory`);
  }
  return { search, embeddingsId };
}

/**
 * Opens the knowledge base: loads and parses every policy, then reads the persisted search index
 * for the current content hash, or rebuilds it (one progress line on `log`) when a policy file,
 * the parser or the embedder changed. Problem lines are logged and returned; healthy policies
 * are served regardless. Throws only when policies.json itself is unusable.
 */
export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const policyDir = options.policyDir ?? DEFAULT_POLICY_DIR;
  const root = join(options.dataDir ?? defaultDataDir(), INDEX_ROOT);
  const choice = options.embeddings ?? (await embeddingsFromEnv());
  const started = performance.now();

  const corpus = loadCorpus(policyDir);
  for (const problem of corpus.problems) log(`knowledge: ${problem}`);
  const key = indexKey(policyDir, corpus.clauses, choice.id);
  const dir = join(root, key);

  const clauseById = new Map(corpus.clauses.map((c) => [c.id, c]));
  let search = options.rebuild ? null : readIndex(dir, clauseById, choice);
  let embeddingsId = choice.id;
  const rebuilt = search === null;
  if (!search) {
    const others = existsSync(root) ? readdirSync(root).filter((d) => d !== key) : [];
    const reason = options.rebuild ? "rebuild requested" : others.length ? "policy files or index settings changed" : "no index yet";
    log(`knowledge: ${reason}; building search index for ${corpus.policies.length} policies (${corpus.clauses.length} clauses) in ${dir}`);
    const progress = options.progress ?? progressBar();
    ({ search, embeddingsId } = await buildIndex(dir, corpus.clauses, choice, { log, progress, hnsw: options.hnsw }));
    // Indexes for older content are dead weight once the current one is written.
    for (const other of others) rmSync(join(root, other), { recursive: true, force: true });
  }

  const policyById = new Map(corpus.policies.map((p) => [p.meta.id, p]));
  const metas = corpus.policies.map((p) => p.meta);
  const clauseSearch = search;
  return {
    policies: corpus.policies,
    clauses: corpus.clauses,
    problems: corpus.problems,
    index: { dir, key, rebuilt, passages: clauseSearch.passageClauseIds.length, embeddings: embeddingsId, millis: performance.now() - started },
    clause: (id) => clauseById.get(id),
    policy: (id) => policyById.get(id),
    policiesMentioned: (text) => findPoliciesMentioned(text, metas),
    search: (query, opts) => clauseSearch.search(withoutRegionNames(query, opts, metas), opts),
    searchAsync: (query, opts) => clauseSearch.searchAsync(withoutRegionNames(query, opts, metas), opts),
    searchIndex: clauseSearch,
  };
}
