import type { Clause } from "./clause.js";

/**
 * Clause tree parser for Chinese policy documents.
 *
 * A document reads: 序言 (title, issuer, addressees, purpose), numbered body, then an unnumbered
 * closing (结语: "本意见自…施行"), a sign-off (落款: 附件 list, issuer, date, 公开发布, 抄送, 印发)
 * and attachments (附件1, 附件2…, or one unnumbered 附件). Body headings are recognised only at line start,
 * outermost first:
 *   第二章 → "第二章"   第一节 → "第一节"   第五条 → "第五条"   (办法 and 细则 are written this way)
 *   一、  → section "三"        （一）/(一) → sub-section "(三)"        1. / 1． / 1、 → item "3"
 *   (1) / （1） → item "1" (one level below 1.)          ① → "①"
 * A heading nests under the nearest open heading of an outer style, so a document may skip styles
 * (Yeji's items sit straight under its sections; an 办法's （一） under its 第五条).
 * Ids are `<policy>:<path>` with the path joined by "/" (see shared/spec/ask.md): `<policy>:三/(三)/3`,
 * `<policy>:第三条`, `<policy>:第二章/第五条`, `<policy>:第二章/第五条/(一)`, `<policy>:一/(一)/1/2/①`, plus the unnumbered parts
 * `<policy>:序言`, `<policy>:结语`, `<policy>:落款`, `<policy>:附件2/2`, `<policy>:附件/1`.
 */

/** A document the parser cannot turn into clauses (no headings, two clauses with one id). */
export class ClauseParseError extends Error {
  override name = "ClauseParseError";
}

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for heading numbers). */
function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  return CN_DIGITS[Math.floor(n / 10)]! + "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
}

/** 一 → 1, 十二 → 12, 二十 → 20. */
function numeralValue(numeral: string): number {
  const tens = numeral.indexOf("十");
  if (tens < 0) return CN_DIGITS.indexOf(numeral);
  const high = tens === 0 ? 1 : CN_DIGITS.indexOf(numeral[0]!);
  const low = tens === numeral.length - 1 ? 0 : CN_DIGITS.indexOf(numeral[tens + 1]!);
  return high * 10 + low;
}

/** Word-processor residue such as Liaocheng's `[bookmark: _GoBack]`. */
const ARTEFACT = /\[bookmark:[^\]]*\]/g;

type HeadingKind = "chapter" | "part" | "article" | "section" | "subsection" | "arabicSubsection" | "item" | "circled";

/** Nesting rank of each style, outermost first; attachments and the unnumbered parts sit at 0. */
const RANK: Record<HeadingKind, number> = {
  chapter: 1,
  part: 2,
  article: 3,
  section: 4,
  subsection: 5,
  item: 6,
  arabicSubsection: 7,
  circled: 8,
};

interface Heading {
  kind: HeadingKind;
  /** Heading number as written: "三", "三" (for （三）), "5" (for （5）), "3". */
  number: string;
  /** Own title, e.g. "支持带货达人线上销售"; "" when the heading runs straight into a sentence. */
  title: string;
  /** The line holds nothing but the heading number and its title. */
  titleOnly: boolean;
}

const CN_NUM = "[一二三四五六七八九十]{1,3}";
/** Article numbers run past ten and a hundred: 第一百零二条. */
const CN_ORDINAL = "[一二三四五六七八九十百零〇]{1,6}";
const HEADING_PATTERNS: Array<[HeadingKind, RegExp]> = [
  ["chapter", new RegExp(`^(第${CN_ORDINAL}章)`)],
  ["part", new RegExp(`^(第${CN_ORDINAL}节)`)],
  // "第一条所称…", "第三条规定的…" at line start cite an article; they are not its heading.
  ["article", new RegExp(`^(第${CN_ORDINAL}条)(?![所规第中的、，。款项至和或及之])`)],
  ["section", new RegExp(`^(${CN_NUM})、`)],
  ["subsection", new RegExp(`^[（(](${CN_NUM})[）)]`)],
  ["arabicSubsection", /^[（(](\d{1,2})[）)]/],
  // "1.5亿" at line start is a number, not item 1.
  ["item", /^(\d{1,2})\s*[.．、](?!\d)/],
  ["circled", /^([\u2460-\u2473])/],
];

/**
 * A heading's own title: its first sentence (up to 。 or ：) when that is short and carries no numbers;
 * long or numeric first sentences are provisions, not titles.
 */
function headingTitle(rest: string): { title: string; titleOnly: boolean } {
  const trimmed = rest.trim();
  const cut = trimmed.search(/[。：]/);
  const first = cut < 0 ? trimmed : trimmed.slice(0, cut);
  const after = cut < 0 ? "" : trimmed.slice(cut + 1).trim();
  const title = normaliseClauseText(first).replace(/^“(.*)”$/, "$1");
  if (title === "" || title.length > 30 || /\d/.test(title)) return { title: "", titleOnly: false };
  return { title, titleOnly: after === "" };
}

/** Recognises a heading at the start of a line (leading blanks and artefacts ignored). */
function detectHeading(line: string): Heading | null {
  const content = line.replace(ARTEFACT, "").trim();
  for (const [kind, pattern] of HEADING_PATTERNS) {
    const match = pattern.exec(content);
    if (!match) continue;
    const rest = content.slice(match[0].length);
    // An article's first sentence is its provision, not a title.
    if (kind === "article") return { kind, number: match[1]!, title: "", titleOnly: rest.trim() === "" };
    return { kind, number: match[1]!, ...headingTitle(rest) };
  }
  return null;
}

/** An attachment heading: "附件1", "附件2 名词解释", "附件". */
const ANNEX = /^附件\s*(\d{1,2})?(?:[\s:：]+(.*))?$/;

/** A numbered item of a list ("1.平阴县…", "2．…"). */
const LIST_ITEM = /^\d{1,2}\s*[.．、]/;

/**
 * An attachment heading line, with its label and title. "附件：…" is the sign-off's list of attachments
 * ("附件：1.…", or titles whose attachments follow later), unless it is the attachment itself: its title
 * followed by text, with no attachment heading after it ("附件：直播电商企业年度奖励标准" and its table).
 */
function annexHeading(lines: Line[], i: number): { label: string; title: string } | null {
  const content = lines[i]!.content;
  const match = ANNEX.exec(content);
  if (!match) return null;
  if (/^附件[:：]/.test(content)) {
    const next = lines.slice(i + 1).find((l) => l.content !== "")?.content;
    const later = lines.slice(i + 1).some((l) => ANNEX.test(l.content));
    if (!match[2] || LIST_ITEM.test(match[2]) || !next || LIST_ITEM.test(next) || later) return null;
  }
  const label = `附件${match[1] ?? ""}`;
  const titleLine = match[2] ?? lines.slice(i + 1).find((l) => l.content !== "")?.content ?? "";
  return { label, title: normaliseClauseText(titleLine) || label };
}
/** The first unnumbered closing provision: "本意见自发布之日起施行…". */
const CLOSING_PROVISION = /^本(?:意见|措施|办法|规定|细则|方案|通知|实施意见|实施办法|实施细则)自/;

/** Sign-off lines: attachment list, issuer signature, date, publication note, 抄送, 印发. */
function isSignOffLine(line: string): boolean {
  const t = line.replace(/\s/g, "");
  return (
    /^附件[:：]/.test(t) ||
    /^[（(]此(?:件|文件).*[）)]$/.test(t) ||
    /^抄送[:：]/.test(t) ||
    /^\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$/.test(t) ||
    /^[\u4e00-\u9fff]{2,24}(?:人民政府|办公室|委员会|办事处)(?:文件)?$/.test(t)
  );
}

/**
 * Line ends a sentence or is self-contained (a doc number "…9号", a document title "…的实施意见"),
 * so a break after it is real.
 */
const TERMINAL = /[。！？；：:;!?）)]$|号$|(?:意见|措施|通知|办法|决定|方案|规定|细则)$/;
/** Two or more spaces inside a line: a table row such as "组  长：王秀成   县委副书记". */
const TABLE_GAP = /\S(?:[ \u3000]{2,}|\u0000)\S/;
/** Characters next to which a space is layout, not content (CJK text and full-width punctuation). */
const WIDE = "\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef";
const SPACE_NEAR_WIDE = new RegExp(` (?=[${WIDE}])|(?<=[${WIDE}]) `, "g");

/** A line that opens by defining a term: "网络零售额：指…", "“共同配送网点”是指…". */
const DEFINITION_OPENS = /^“?[^，,。；;：:“”\s]{2,14}”?(?:[：:]\s*(?:是指|指)|是指)/;

/**
 * Whether the line break between two non-blank lines is layout (a page break or soft wrap inside a
 * sentence) rather than a paragraph break.
 */
function isLayoutBreak(prev: string, next: string, blankBetween: boolean): boolean {
  if (TERMINAL.test(prev) || isSignOffLine(prev) || TABLE_GAP.test(prev) || ANNEX.test(prev)) return false;
  if (detectHeading(prev)?.titleOnly) return false;
  // A table row starts a line ("年跨境电商出口额      奖励金额" after the attachment's title).
  if (detectHeading(next) || isSignOffLine(next) || CLOSING_PROVISION.test(next) || ANNEX.test(next) || TABLE_GAP.test(next)) return false;
  // A definition opens its own line ("网络零售额：指…" under an attachment's title "名词解释").
  if (DEFINITION_OPENS.test(next)) return false;
  // Dongying's page breaks leave a blank line mid-sentence; long unfinished lines are soft wraps.
  return blankBetween || prev.length >= 20;
}

/** A Markdown table row ("| 一档 | 5000万元以上 | 30万元 |") and its rule row ("| --- | --- |"). */
const PIPE_ROW = /^\|(.*)\|$/;
const PIPE_RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;

/**
 * A line's table cells apart by a table gap: a tab (text copied from a web or Word table) or the pipes of
 * a Markdown row; a Markdown rule row is no text. Cells joined by one space would read as one phrase.
 */
function tableCells(line: string): string {
  if (PIPE_RULE.test(line)) return "";
  const row = PIPE_ROW.exec(line);
  const cells = row ? row[1]!.split("|") : line.split("\t");
  return cells.length < 2 ? line : cells.map((c) => c.trim()).join("\u0000");
}

/**
 * Normalises policy text the way clause.text is built: drops artefacts, joins lines broken inside a
 * sentence, keeps one "\n" between paragraphs, removes layout spaces next to Chinese characters
 * ("到 2022 年" → "到2022年") and collapses other runs of spaces. A rule's quote is verbatim when
 * `clause.text.includes(normaliseClauseText(quote))`.
 */
export function normaliseClauseText(raw: string): string {
  let out = "";
  let prev = "";
  let blankBetween = false;
  for (const line of raw.replace(/\r\n?/g, "\n").replace(ARTEFACT, "").split("\n")) {
    // A run of two or more blanks is a table gap and stays as one space; a single blank next to
    // Chinese text is layout and goes (see SPACE_NEAR_WIDE).
    const t = tableCells(line.trim()).replace(/[\s\u3000]{2,}/g, "\u0000").replace(/[\s\u3000]/g, " ");
    if (t === "") {
      blankBetween = true;
      continue;
    }
    if (out !== "") out += isLayoutBreak(prev, t, blankBetween) ? "" : "\n";
    out += t;
    prev = t;
    blankBetween = false;
  }
  return out.replace(SPACE_NEAR_WIDE, "").replace(/\u0000/g, " ");
}

interface Line {
  /** Offset of the first character that is not a blank or an artefact. */
  start: number;
  /** Offset just after the last non-blank character. */
  end: number;
  content: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    const lead = /^(?:[\s\u3000]|\[bookmark:[^\]]*\])*/.exec(raw)![0].length;
    const content = raw.slice(lead).replace(/[\s\u3000]+$/, "");
    lines.push({ start: offset + lead, end: offset + lead + content.length, content });
    offset += raw.length + 1;
  }
  return lines;
}

/** A clause under construction: where it starts, how deep it sits, and its path. */
interface Marker {
  line: number;
  /** Place in the stack of open headings (1 = top level). */
  depth: number;
  /** Nesting rank of its style ({@link RANK}); 0 for attachments and the unnumbered parts. */
  rank: number;
  path: string[];
  title: string;
  parent: Marker | null;
  /** Numeral value of a sub-section, used to read Miluo's （5） after （四） as （五）. */
  value?: number;
  children: Marker[];
}

/**
 * Parses a decoded policy text into its clause tree, in document order (parents before children).
 * Offsets index `text`; `clause.text` is `normaliseClauseText(text.slice(start, end))`.
 * Throws {@link ClauseParseError} when the text has no numbered headings or two clauses share an id.
 */
export function parseClauses(policyId: string, text: string): Clause[] {
  const lines = splitLines(text);
  const markers: Marker[] = [];
  let stack: Marker[] = [];
  let region: "preamble" | "body" | "closing" | "annex" = "preamble";

  /** Opens a heading under the nearest open heading of an outer style. */
  const open = (line: number, rank: number, segment: string, title: string, value?: number): Marker => {
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const depth = stack.length + 1;
    const marker: Marker = { line, depth, rank, path: [...(parent?.path ?? []), segment], title, parent, value, children: [] };
    parent?.children.push(marker);
    markers.push(marker);
    stack.push(marker);
    return marker;
  };
  const openTop = (line: number, name: string, title = name) => {
    stack = [];
    return open(line, 0, name, title);
  };

  let previous = "";
  lines.forEach((line, i) => {
    if (line.content === "") return;
    const before = previous;
    previous = line.content;
    // An attachment may follow the sign-off, or the body straight away when the text has none.
    const annex = region === "preamble" ? null : annexHeading(lines, i);
    if (annex) {
      openTop(i, annex.label, annex.title);
      region = "annex";
      return;
    }
    if (region === "closing" || region === "annex") {
      if (region === "closing") {
        // The closing provision (结语) runs until the first sign-off line (落款).
        const current = stack[0];
        if (current?.path[0] === "结语" && isSignOffLine(line.content)) openTop(i, "落款");
        return;
      }
    }
    const heading = detectHeading(line.content);
    if (!heading) {
      if (region === "preamble" && markers.length === 0) openTop(i, "序言");
      // "四、实施期限" above "本方案自印发之日起施行…": the sentence is its section's body, not the closing.
      const bodyOfTitle = CLOSING_PROVISION.test(line.content) && detectHeading(before)?.titleOnly === true;
      if (region === "body" && !bodyOfTitle && (CLOSING_PROVISION.test(line.content) || isSignOffLine(line.content))) {
        region = "closing";
        openTop(i, CLOSING_PROVISION.test(line.content) ? "结语" : "落款");
      }
      return;
    }
    if (region === "preamble") {
      region = "body";
      stack = [];
    }
    if (heading.kind === "arabicSubsection") {
      // Miluo writes （5）（6） after （一）…（四）: a parenthesised Arabic number continuing a
      // sub-section run is that sub-section; anywhere else it is item "5".
      const n = Number(heading.number);
      const sibling = stack.some((m) => m.rank === RANK.arabicSubsection && m.value === n - 1);
      const section = [...stack].reverse().find((m) => m.rank === RANK.section);
      const last = section?.children.at(-1);
      if (!sibling && last?.rank === RANK.subsection && last.value === n - 1) {
        open(i, RANK.subsection, `(${chineseNumeral(n)})`, heading.title, n);
      } else {
        open(i, RANK.arabicSubsection, heading.number, heading.title, n);
      }
      return;
    }
    const segment = heading.kind === "subsection" ? `(${heading.number})` : heading.number;
    const value = heading.kind === "subsection" ? numeralValue(heading.number) : undefined;
    open(i, RANK[heading.kind], segment, heading.title, value);
  });

  if (!markers.some((m) => !["序言", "结语", "落款"].includes(m.path[0]!))) {
    throw new ClauseParseError("no recognisable clause headings (expected 第一条 / 一、 / （一） / 1. at line start)");
  }
  return toClauses(policyId, text, lines, markers);
}

/** Turns markers into clauses: each ends before the next marker at its depth or above. */
function toClauses(policyId: string, text: string, lines: Line[], markers: Marker[]): Clause[] {
  const idOf = (m: Marker) => `${policyId}:${m.path.join("/")}`;
  const seen = new Set<string>();
  return markers.map((marker, index) => {
    const next = markers.slice(index + 1).find((m) => m.depth <= marker.depth);
    let last = (next?.line ?? lines.length) - 1;
    while (last > marker.line && lines[last]!.content === "") last--;
    const id = idOf(marker);
    if (seen.has(id)) {
      throw new ClauseParseError(`duplicate clause id ${id} (line ${marker.line + 1}); heading numbers must not repeat`);
    }
    seen.add(id);
    const start = lines[marker.line]!.start;
    const end = lines[last]!.end;
    const headingPath: string[] = [];
    for (let m: Marker | null = marker; m; m = m.parent) headingPath.unshift(m.title);
    return {
      id,
      policyId,
      path: marker.path,
      headingPath,
      title: marker.title,
      text: normaliseClauseText(text.slice(start, end)),
      parentId: marker.parent ? idOf(marker.parent) : null,
      childIds: marker.children.map(idOf),
      start,
      end,
    };
  });
}
