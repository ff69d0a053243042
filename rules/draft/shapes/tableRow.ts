/**
 * A table written as rows without a verb, under a header naming the measured quantity and the award column
 * (附件: "年跨境电商出口额  奖励金额" / "500万元（含）至1000万元  3万元" / …): each row is a fixed award on its
 * lower bound, which ../brackets.ts joins with the rows after it into one tier table. The first row's quote
 * carries the header, so the joined quote names the quantity.
 */
import type { FactName } from "../../facts.js";
import { draftRule, isAwardSentence, thresholdWord, type DraftRule, type RuleBase } from "../draftRule.js";
import { guessFact, type Figure, type Sentence } from "../sentence.js";
import { perUnitBefore } from "./fixed.js";

export interface TableHeader {
  text: string;
  /** The header's first cell ("年跨境电商出口额"), where the fact of the thresholds is named. */
  measure: string;
  /** Rows drafted under it so far (the first one quotes the header). */
  rows: number;
  /** Announced by a lead sentence whose rows give their own award ("100万元（含）至500万元的，奖励1万元"). */
  verbs?: boolean;
  /** The header row itself is still to come in the sentences (its text is quoted already): skip it. */
  skip?: number;
}

/** The last cell names an award column: 奖励金额, 补助标准, 奖补额度. */
const AWARD_COLUMN = /^(?:奖励|补助|补贴|奖补|扶持)(?:金额|标准|额度|资金)?(?:[（(][^）)]*[）)])?$/;

/** A header row: two or more cells (a table gap is one space in clause text), no figures, the last an award column. */
export function tableHeader(s: Sentence): TableHeader | null {
  // A first column of row labels (等级 / 档次 / 序号: "一级", "二档") names no quantity.
  const cells = s.text.trim().split(" ").filter((c, i) => i > 0 || !LABEL_COLUMN.test(c));
  if (s.figures.length > 0 || cells.length < 2 || !AWARD_COLUMN.test(cells.at(-1)!)) return null;
  return { text: s.text.trim(), measure: cells[0]!, rows: 0 };
}

/** A column of row labels: 等级, 档次, 级别, 序号. */
const LABEL_COLUMN = /^(?:等级|档次|级别|档位|类别|星级|序号)$/;

/** A row under `header`: its first figure the lower bound (（含）, 以上), its last money figure the award. */
export function tableRow(s: Sentence, base: RuleBase, header: TableHeader): DraftRule[] | null {
  if (isAwardSentence(s) && !header.verbs) return null;
  const award = s.figures.filter((f) => f.kind === "money").at(-1);
  const bound = s.figures[0];
  // "（一）年揽收量500万件（含）以上的，按每件0.05元给予补贴": an amount per unit is no tier's award.
  if (!award || !bound || bound === award || bound.kind === "percent" || perUnitBefore(s.text, award)) return null;
  const reading = thresholdWord(s.text, bound);
  const probe: Figure = { ...bound, at: header.measure.length, end: header.measure.length };
  const fact: FactName | null = guessFact(header.measure, probe, header.measure.length);
  if (!reading || reading.op === "lte" || reading.word === "以下" || !fact) return null;
  const quote = header.rows === 0 ? `${header.text}\n${s.text.trim()}` : s.text.trim();
  header.rows++;
  const when = { fact, ...reading, value: bound.kind === "money" ? bound.value : Number(bound.value), text: s.text.slice(0, award.at).trim() };
  return [{ ...draftRule("fixed", base, quote, award.value, { when: when as never }), lineStart: true }];
}
