/**
 * Jieba word segmentation (no HMM) in two ways with the same result:
 * - {@link fullSegmenter}: jieba with its whole dictionary (349k words). Loading it costs ~0.3–0.6 s
 *   of CPU, worth it when many texts are cut (building the index).
 * - {@link querySegmenter}: one text at a time, jieba with only the dictionary words that occur in
 *   that text, plus one filler entry that keeps the dictionary's total frequency. Without HMM, jieba
 *   picks the most probable path through the words found in the text, scored by each word's
 *   frequency over the total, so these are all it ever looks at: the cut is the same (checked in
 *   test/knowledge/segmenter.test.ts on every policy text and question). One question reads a few
 *   dictionary groups instead of parsing the whole dictionary.
 * The dictionary's lines grouped by their first one or two characters are cached in
 * node_modules/.cache/huishang-jieba/ (built once from jieba's dict.txt; rebuilt when the package changes).
 */
import { createHash } from "node:crypto";
import { fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Jieba } from "@node-rs/jieba";

/** Cuts a text into jieba words (lower-case text in, words in order out). */
export type Segmenter = (text: string) => string[];

/** Texts cut with query dictionaries before a process loads the whole one (a running bot, a batch). */
const QUERY_TEXTS = 64;

const require = createRequire(import.meta.url);
const DICT_FILE = require.resolve("@node-rs/jieba/dict.txt");
const CACHE_DIR = fileURLToPath(new URL("../node_modules/.cache/huishang-jieba/", import.meta.url));
/**
 * A word that no text can contain (a private-use character, never inside the runs jieba segments),
 * carrying the frequency of the words left out.
 */
const FILLER = "\uE000";

const jiebaClass = (): typeof Jieba => (require("@node-rs/jieba") as typeof import("@node-rs/jieba")).Jieba;

let full: Jieba | undefined;

/** Jieba with its whole dictionary, loaded on first call. */
export function fullSegmenter(): Segmenter {
  full ??= jiebaClass().withDict(readFileSync(DICT_FILE));
  const jieba = full;
  return (text) => jieba.cut(text, false);
}

/**
 * The dictionary's lines grouped by key: a one-character word's key is its character, a longer word's
 * its first two (UTF-16 units, as a number c0 * 65536 + c1; one character is c0 * 65536). Every word a
 * text contains starts at some position with that position's key, so a text looks up only its own.
 */
interface WordIndex {
  /** Sum of all words' frequencies (jieba's denominator). */
  total: number;
  /** The lines of the words with this key. */
  lines: (key: number) => string[];
}

let wordIndex: WordIndex | undefined;

/**
 * The segmenter for questions: {@link querySegmenter} for the first texts a process cuts (`ask` with
 * one question never loads the whole dictionary), {@link fullSegmenter} once it has cut many or the
 * whole dictionary is loaded anyway (an index build).
 */
export function defaultSegmenter(): Segmenter {
  const query = querySegmenter();
  let cut = 0;
  return (text) => (full || ++cut > QUERY_TEXTS ? fullSegmenter() : query)(text);
}

/** Jieba for one text at a time, given only the dictionary words that text contains (see module comment). */
export function querySegmenter(): Segmenter {
  return (text) => {
    const index = (wordIndex ??= openWordIndex());
    const keys = new Set<number>();
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i) * 65536;
      keys.add(unit);
      if (i + 1 < text.length) keys.add(unit + text.charCodeAt(i + 1));
    }
    const lines: string[] = [];
    let kept = 0;
    for (const key of keys) {
      for (const line of index.lines(key)) {
        const [word, freq] = line.split(" ");
        if (text.includes(word!)) {
          lines.push(line);
          kept += Number(freq);
        }
      }
    }
    if (index.total > kept) lines.push(`${FILLER} ${index.total - kept}`);
    return jiebaClass().withDict(Buffer.from(lines.join("\n"))).cut(text, false);
  };
}

/** The part-of-speech tag jieba's dictionary gives a word (n, v, ns, vn…), or undefined for a word it lacks. */
export function wordTag(word: string): string | undefined {
  const index = (wordIndex ??= openWordIndex());
  for (const line of index.lines(keyOf(word))) {
    const [w, , tag] = line.split(" ");
    if (w === word) return tag;
  }
  return undefined;
}

const keyOf = (word: string) => word.charCodeAt(0) * 65536 + (word.length > 1 ? word.charCodeAt(1) : 0);

/** Opens the cached word index, building it from dict.txt when missing or stale. */
function openWordIndex(): WordIndex {
  const { size, mtimeMs } = statSync(DICT_FILE);
  const version = (require("@node-rs/jieba/package.json") as { version: string }).version;
  const key = createHash("sha256").update(`${DICT_FILE}\0${size}\0${mtimeMs}\0${version}\0v2`).digest("hex").slice(0, 16);
  const file = join(CACHE_DIR, `${key}.words`);
  let data: Buffer;
  try {
    // Only the keys are read now, and each group when a text asks for it: not the whole 6.6 MB.
    const fd = openSync(file, "r");
    const read: ReadAt = (position, length) => {
      const bytes = Buffer.allocUnsafe(length);
      if (readSync(fd, bytes, 0, length, position) !== length) throw new Error(`${file}: cut short`);
      return bytes;
    };
    return parseWordIndex(read, fstatSync(fd).size);
  } catch {
    data = buildWordIndex(readFileSync(DICT_FILE, "utf8"));
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, data);
      renameSync(tmp, file); // atomic: a concurrent reader sees the whole file or none
    } catch {
      // read-only install: the index is still right, only the next start builds it again
    }
  }
  return parseWordIndex((position, length) => data.subarray(position, position + length), data.length);
}

/**
 * File layout (little-endian): total frequency (float64), key count n (uint32), padding to 8 bytes,
 * n sorted keys (uint32), n group ends (uint32, byte offsets into the body), then the body: each
 * group's lines, each line ending in "\n".
 */
function buildWordIndex(dict: string): Buffer {
  const groups = new Map<number, string[]>();
  let total = 0;
  for (const line of dict.split("\n")) {
    const [word, freq] = line.split(" ");
    if (!word || freq === undefined) continue;
    total += Number(freq);
    const group = groups.get(keyOf(word)) ?? [];
    group.push(line.trimEnd());
    groups.set(keyOf(word), group);
  }
  const keys = Uint32Array.from([...groups.keys()].sort((a, b) => a - b));
  const ends = new Uint32Array(keys.length);
  const bodies = [...keys].map((key, i) => {
    const body = Buffer.from(`${groups.get(key)!.join("\n")}\n`);
    ends[i] = (i === 0 ? 0 : ends[i - 1]!) + body.length;
    return body;
  });
  const head = Buffer.alloc(16);
  head.writeDoubleLE(total, 0);
  head.writeUInt32LE(keys.length, 8);
  return Buffer.concat([head, Buffer.from(keys.buffer), Buffer.from(ends.buffer), ...bodies]);
}

/** Reads `length` bytes of the index from `position`. */
type ReadAt = (position: number, length: number) => Buffer;

/** The index read through `read`; a file of another length than its table says (cut short) is rejected. */
function parseWordIndex(read: ReadAt, size: number): WordIndex {
  const head = read(0, 16);
  const total = head.readDoubleLE(0);
  const n = head.readUInt32LE(8);
  const table = read(16, 8 * n);
  // Copies (8 MB at most) so the arrays are aligned whatever the Buffer's offset in its pool.
  const keys = new Uint32Array(table.buffer.slice(table.byteOffset, table.byteOffset + 4 * n));
  const ends = new Uint32Array(table.buffer.slice(table.byteOffset + 4 * n, table.byteOffset + 8 * n));
  const bodyStart = 16 + 8 * n;
  if (bodyStart + (n > 0 ? ends[n - 1]! : 0) !== size) throw new Error("word index: wrong length");
  return {
    total,
    lines(key) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid]! < key) lo = mid + 1;
        else if (keys[mid]! > key) hi = mid - 1;
        else {
          const start = mid === 0 ? 0 : ends[mid - 1]!;
          return read(bodyStart + start, ends[mid]! - 1 - start).toString("utf8").split("\n");
        }
      }
      return [];
    },
  };
}
