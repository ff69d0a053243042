/**
 * Finds the words of a vocabulary in a message as a case-insensitive alternation of them, longest first, would
 * (`/word1|word2|…/gi`): at the leftmost position where one starts, the longest one. A trie walked by character
 * code does it without what each regex match allocates (a match array and a copy of the word): a long message
 * holds hundreds of vocabulary words, looked for by several readers.
 */
import { wordKey } from "./wordKeys.js";

/**
 * Per UTF-16 code unit, the character a case-insensitive regex (without the u flag) compares: its upper case
 * when that is one code unit and not an ASCII one for a non-ASCII character (ECMAScript's Canonicalize).
 * Filled on first sight of each character; 0 = not yet (the NUL character is its own, 0, anyway).
 */
const CANONICAL = new Uint16Array(0x10000);

function canonical(code: number): number {
  // CJK ideographs (most of a Chinese message) have no case: no look-up in a table too large to stay in the cache.
  if (code >= 0x3400 && code <= 0x9fff) return code;
  let c = CANONICAL[code]!;
  if (c === 0 && code !== 0) {
    const upper = String.fromCharCode(code).toUpperCase();
    c = upper.length === 1 && !(code >= 128 && upper.charCodeAt(0) < 128) ? upper.charCodeAt(0) : code;
    CANONICAL[code] = c;
  }
  return c;
}

/** The child of `node` reached by character `c` (-1 when none): children are sorted by character, searched by halves. */
function childOf(codes: Uint16Array, firstChild: Int32Array, node: number, c: number): number {
  let lo = firstChild[node]!;
  let hi = firstChild[node + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = codes[mid]!;
    if (m === c) return mid;
    if (m < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

export class WordFinder {
  /**
   * The trie, in typed arrays a few kilobytes long (they stay in the cache between messages, unlike a map per
   * node): nodes are numbered breadth first from the root (0), so the children of node n are the nodes
   * firstChild[n] to firstChild[n + 1] - 1, sorted by their character (`codes`). `#root` gives, per character,
   * the root's child for it (0: no word starts with it): every position of a message is looked up there, and a
   * search among the hundreds of first characters cost more than the rest of the walk.
   */
  readonly #codes: Uint16Array;
  readonly #firstChild: Int32Array;
  readonly #root = new Uint16Array(0x10000);
  /** The word upper-cased (as vocabularies key it) ending at each node, as an index into `#keys`; -1 none. */
  readonly #wordAt: Int32Array;
  readonly #keys: string[] = [];
  #end = 0;
  #key = "";
  /** The records `scan` fills for this finder's words, kept between messages. */
  readonly hits = new HitList();
  #exact = false;

  constructor(words: Iterable<string>) {
    // Built as nested maps, then laid out breadth first.
    type Node = { children: Map<number, Node>; key: number };
    const root: Node = { children: new Map(), key: -1 };
    for (const word of words) {
      if (word === "") continue;
      let node = root;
      for (let i = 0; i < word.length; i++) {
        const c = canonical(word.charCodeAt(i));
        let child = node.children.get(c);
        if (!child) node.children.set(c, (child = { children: new Map(), key: -1 }));
        node = child;
      }
      if (node.key < 0) {
        node.key = this.#keys.length;
        this.#keys.push(wordKey(word));
      }
    }
    const order: Node[] = [root];
    const codes: number[] = [0];
    const firstChild: number[] = [];
    for (let n = 0; n < order.length; n++) {
      firstChild.push(order.length);
      for (const [c, child] of [...order[n]!.children].sort((a, b) => a[0] - b[0])) {
        order.push(child);
        codes.push(c);
      }
    }
    firstChild.push(order.length);
    // The root's children are nodes 1 to firstChild[1] - 1: fewer than 2^16, one per first character.
    for (let n = 1; n < firstChild[1]!; n++) this.#root[codes[n]!] = n;
    this.#codes = Uint16Array.from(codes);
    this.#firstChild = Int32Array.from(firstChild);
    this.#wordAt = Int32Array.from(order, (n) => n.key);
  }

  /**
   * Where the first word at or after `from` starts (-1 when none); `end`, `word` and `key` then describe it.
   * At one position the longest word wins.
   */
  find(text: string, from: number): number {
    const root = this.#root;
    const codes = this.#codes;
    const firstChild = this.#firstChild;
    const wordAt = this.#wordAt;
    for (let i = from; i < text.length; i++) {
      let node = root[canonical(text.charCodeAt(i))]!;
      if (node === 0) continue;
      let found = -1;
      let end = 0;
      for (let j = i + 1; node >= 0; j++) {
        if (wordAt[node]! >= 0) {
          found = wordAt[node]!;
          end = j;
        }
        if (j === text.length) break;
        node = childOf(codes, firstChild, node, canonical(text.charCodeAt(j)));
      }
      if (found < 0) continue;
      const key = this.#keys[found]!;
      let exact = key.length === end - i;
      for (let k = i; k < end && exact; k++) exact = text.charCodeAt(k) === key.charCodeAt(k - i);
      this.#end = end;
      this.#key = key;
      this.#exact = exact;
      return i;
    }
    return -1;
  }

  /** The end of the word found last. */
  get end(): number {
    return this.#end;
  }

  /** The word found last as written in `text` (which starts at `start`). */
  word(text: string, start: number): string {
    return this.#exact ? this.#key : text.slice(start, this.#end);
  }

  /** The word found last upper-cased, as `wordKey` makes it of the written word. */
  key(text: string, start: number): string {
    return this.#exact ? this.#key : wordKey(text.slice(start, this.#end));
  }
}

/** A word found in a message: where it stands, as written, and its key. */
export interface Hit {
  start: number;
  end: number;
  word: string;
  /** The word upper-cased, as CUES and PHRASES key it (computed once: hits are looked up many times). */
  key: string;
}

/**
 * The hits of one message, in records kept between messages: a long message holds hundreds of vocabulary words,
 * and a new record per word per message was most of what scanning allocated. `begin` starts a message, `add`
 * fills the next record, `end` returns the hits; they stay valid until the next message is scanned into the same
 * list (each finder has its own: `WordFinder.hits`). The records hold the vocabulary's own key strings (old
 * objects) almost always, so keeping them adds nothing for a scavenge to trace.
 */
export class HitList {
  readonly #records: Hit[] = [];
  readonly #hits: Hit[] = [];
  #count = 0;

  begin(): void {
    this.#count = 0;
  }

  add(start: number, end: number, word: string, key: string): void {
    const k = this.#count++;
    let hit = this.#records[k];
    if (hit === undefined) this.#records.push((hit = { start, end, word, key }));
    else {
      hit.start = start;
      hit.end = end;
      hit.word = word;
      hit.key = key;
    }
    this.#hits[k] = hit;
  }

  /** The hits added since `begin`, in order (the same array each message, cut to this message's count). */
  end(): Hit[] {
    this.#hits.length = this.#count;
    return this.#hits;
  }
}

/**
 * Every word of `words` in `text`, left to right (at one position the longest): the finder's own list (see
 * HitList), valid until the next scan with the same finder.
 */
export function scan(words: WordFinder, text: string): Hit[] {
  const list = words.hits;
  list.begin();
  for (let start = words.find(text, 0); start >= 0; start = words.find(text, words.end)) {
    list.add(start, words.end, words.word(text, start), words.key(text, start));
  }
  return list.end();
}
