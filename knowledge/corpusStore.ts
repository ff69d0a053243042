/**
 * The parsed corpus saved beside the search index, so opening a saved index reads no policy
 * document and parses no heading. Metadata and problem lines are read at once; each policy's text
 * and clauses stay on disk until first asked for (one small read), so a province-sized catalog
 * opens in the time it takes to read its metadata.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from "node:fs";
import { writeAll } from "./arrayFile.js";
import type { Clause } from "./clause.js";
import type { Corpus, LoadedPolicy } from "./loadCorpus.js";
import type { PolicyMeta } from "./policyMeta.js";

interface StoredEntry {
  meta: PolicyMeta;
  path: string;
  encoding: LoadedPolicy["encoding"];
  /** Byte range of `{ text, clauses }` in the body file. */
  at: number;
  length: number;
}

/** Writes `corpus` as `<path>.json` (metadata) and `<path>.bin` (texts and clauses, one policy after another). */
export function writeCorpusStore(path: string, corpus: Corpus): void {
  const entries: StoredEntry[] = [];
  const tmp = `.tmp-${process.pid}`;
  const fd = openSync(`${path}.bin${tmp}`, "w");
  try {
    let at = 0;
    for (const { meta, path: file, encoding, text, clauses } of corpus.policies) {
      const chunk = Buffer.from(JSON.stringify({ text, clauses }));
      writeAll(fd, chunk, at);
      entries.push({ meta, path: file, encoding, at, length: chunk.length });
      at += chunk.length;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.bin${tmp}`, `${path}.bin`);
  writeFileSync(`${path}.json${tmp}`, JSON.stringify({ problems: corpus.problems, policies: entries }));
  renameSync(`${path}.json${tmp}`, `${path}.json`);
}

/** A policy whose text and clauses are read from the body file on first use. */
class StoredPolicy implements LoadedPolicy {
  readonly meta: PolicyMeta;
  readonly path: string;
  readonly encoding: LoadedPolicy["encoding"];
  #body: { text: string; clauses: Clause[] } | null = null;

  constructor(
    private readonly entry: StoredEntry,
    private readonly bodyFile: string,
  ) {
    this.meta = entry.meta;
    this.path = entry.path;
    this.encoding = entry.encoding;
  }

  private body(): { text: string; clauses: Clause[] } {
    if (!this.#body) {
      const bytes = Buffer.alloc(this.entry.length);
      const fd = openSync(this.bodyFile, "r");
      try {
        readSync(fd, bytes, 0, bytes.length, this.entry.at);
      } finally {
        closeSync(fd);
      }
      this.#body = JSON.parse(bytes.toString("utf8")) as { text: string; clauses: Clause[] };
    }
    return this.#body;
  }

  get text(): string {
    return this.body().text;
  }

  get clauses(): Clause[] {
    return this.body().clauses;
  }
}

/** A corpus read back lazily: policies at once, texts and clauses on demand; `clauses` on first use. */
export function readCorpusStore(path: string): Corpus {
  const stored = JSON.parse(readFileSync(`${path}.json`, "utf8")) as { problems: string[]; policies: StoredEntry[] };
  const policies: LoadedPolicy[] = stored.policies.map((entry) => new StoredPolicy(entry, `${path}.bin`));
  let all: Clause[] | null = null;
  return {
    policies,
    problems: stored.problems,
    get clauses() {
      return (all ??= policies.flatMap((p) => p.clauses));
    },
  };
}
