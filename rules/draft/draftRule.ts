/**
 * What a shape recogniser returns: a rule in the rule-file format (rules/ruleSchema.ts), drafted from
 * one sentence with its verbatim quote, plus the shape that drafted it. Drafts are 待确认 until staff
 * confirm them on the 政策 page.
 */
import type { ComparisonOp, ComparisonWord } from "../comparisonWords.js";
import { ENTITY_TYPES, FACTS, type EntityType, type FactName } from "../facts.js";
import type { Amount, Condition, Rule } from "../ruleSchema.js";
import { guessFact, sentencesOf, type Figure, type Sentence } from "./sentence.js";

export type Shape = "tiers" | "ranks" | "brackets" | "perUnit" | "percent" | "fixed" | "noAmount";

export interface DraftRule {
  shape: Shape;
  rule: Rule;
  /** A rank band under one threshold ("100万元以上的前10名"), which ./brackets.ts may join into a table. */
  bracket?: { sentence: Sentence; figure: Figure; rest: { when?: Condition; conditions: string[] } };
  /** Text before a tier table's first threshold, to tell a continued table from a new subject. */
  lead?: string;
  /** Its sentence starts a line: joined to the one before, the quote keeps the line break. */
  lineStart?: boolean;
}

/** The verbs that give money: the award part of a sentence starts at the first one. */
const AWARD_VERB = /给予|奖励|补贴|补助|资助|奖补|扶持|给\d/;

/** Offset where the award part of the sentence starts (its first award verb), or -1. */
export function awardStart(text: string): number {
  return text.search(AWARD_VERB);
}

/** Words of money that is no award to the asker: loans, budgets, targets. */
const NOT_GIVEN = /贷款|授信|信贷|融资|专项资金|预算|资金规模|目标|力争/;

/**
 * Does the text give the asker money with a stated sum or rate ("每个给予1.5万元补助", "按年薪的10%给予奖励")?
 * A clause that does, and has no confirmed rule, must not be answered as one without money.
 */
export function givesStatedMoney(text: string): boolean {
  return sentencesOf("", text).some((s) => isAwardSentence(s) && !NOT_GIVEN.test(s.text) && s.figures.some((f) => f.kind !== "count"));
}

/** Words of a limit or budget of the whole programme. */
const PROGRAMME = /全市|全县|全区|全省|总额|专项资金|预算|每年安排/;

/** "两项奖励金额全市不超过200万元", "每年安排300万元的专项资金": its money is the programme's limit or budget, no award. */
export function statesProgrammeMoney(s: Sentence): boolean {
  const money = s.figures.filter((f) => f.kind !== "count");
  return !/给予|奖励\d|补助\d/.test(s.text) && money.every((f) => PROGRAMME.test(s.text.slice(0, f.at)));
}

/** Is the sentence about giving money? */
export function isAwardSentence(s: Sentence): boolean {
  return awardStart(s.text) >= 0;
}

/** The comparison word written around a threshold figure, and its reading when the word leaves it open. */
export function thresholdWord(text: string, first: Figure, last: Figure = first): { word: ComparisonWord; op?: ComparisonOp; interpretation?: string } | null {
  const before = text.slice(Math.max(0, first.at - 4), first.at);
  const after = text.slice(last.end, last.end + 4);
  if (/^[（(]含[）)]?|^（含本数）/.test(after) || /^[（(]含/.test(after)) return { word: "含本数", op: "gte" };
  if (/突破$/.test(before)) return { word: "突破", op: "gte", interpretation: "待确认：“突破”读作达到即含本数" };
  if (/超过$/.test(before)) return { word: "超过" };
  if (/不少于$/.test(before)) return { word: "不少于" };
  if (/不低于$/.test(before)) return { word: "不低于" };
  if (/达到?$/.test(before)) return { word: "达到" };
  if (/^(?:及)?以上/.test(after)) return { word: "以上" };
  if (/^以下/.test(after)) return { word: "以下" };
  return null;
}

/** A comparison on the fact a figure measures, or null when the vocabulary has no such fact. */
export function comparison(s: Sentence, figure: Figure): Condition | null {
  const reading = thresholdWord(s.text, figure);
  // "直播间数量不少于20个、入驻直播团队不少于10个": a phrase that names its own subject is measured by
  // that subject's words alone (团队 is no 直播间); a bare list item ("5万、20万") by the words before it.
  const from = Math.max(...["，", ",", "；", "、"].map((p) => s.text.lastIndexOf(p, figure.at))) + 1;
  const subject = s.text.slice(from, figure.at).replace(/^对|(?:达到|达|超过|不少于|不低于|突破|在)$/g, "");
  const fact = /[\u4e00-\u9fff]{2}/.test(subject) ? guessFact(s.text, figure, figure.at - from) : guessFact(s.text, figure);
  if (!reading || !fact) return null;
  const value = figure.kind === "money" ? figure.value : Number(figure.value);
  return { fact, ...reading, value, text: phraseAround(s.text, figure) } as Condition;
}

/** The phrase of the text around a figure (between commas), for `text` and unchecked conditions. */
export function phraseAround(text: string, figure: Figure): string {
  const start = Math.max(...["，", ",", "；", "。"].map((p) => text.lastIndexOf(p, figure.at))) + 1;
  const rest = text.slice(figure.end);
  const stop = rest.search(/[，,。；;的]/);
  return text.slice(start, figure.end + (stop < 0 ? rest.length : stop)).replace(ITEM_NUMBER, "").replace(/^对/, "");
}

/** The number of the item a sentence opens ("1、", "（一）", "第十一条 "): no words of a condition. */
const ITEM_NUMBER = /^\s*(?:第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、|[（(][^）)]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d))\s*/;

/**
 * Conditions of the part before the award: each threshold figure the shape did not use becomes a
 * comparison on its fact, or an unchecked condition (the phrase) when no fact fits.
 */
export function conditionsBefore(s: Sentence, used: ReadonlySet<Figure>, end = awardStart(s.text)): { when?: Condition; conditions: string[] } {
  const comparisons: Condition[] = [];
  const conditions: string[] = [];
  for (const f of s.figures) {
    if (f.at >= end || used.has(f)) continue;
    // "当年网络零售额增长20%以上的": no fact holds a growth rate; staff check it.
    const c = f.kind === "percent" ? null : comparison(s, f);
    if (c) comparisons.push(c);
    else conditions.push(phraseAround(s.text, f));
  }
  const when = comparisons.length === 0 ? undefined : comparisons.length === 1 ? comparisons[0] : { all: comparisons };
  const texts = new Set(comparisons.map((c) => ("text" in c ? c.text : undefined)));
  return { when, conditions: [...new Set(conditions)].filter((c) => !texts.has(c)) };
}

/** Applicants named in the sentence's subject ("对…的企业"). */
export function entityTypesOf(text: string): EntityType[] {
  const subject = text.slice(0, Math.max(awardStart(text), 0)) || text;
  return (Object.entries(ENTITY_TYPES) as Array<[EntityType, string]>)
    .filter(([type, label]) => (label.length >= 2 && subject.includes(label)) || APPLICANT_WORDS.get(type)!.some((w) => subject.includes(w)))
    .map(([t]) => t);
}

/**
 * The words that name each kind of applicant (the vocabulary's applicant fact, rules/facts.yaml), of two
 * characters or more: a single 县/镇/村 names a place as often as an applicant ("本县带货主播").
 */
const APPLICANT_WORDS = new Map(
  (Object.keys(ENTITY_TYPES) as EntityType[]).map((t) => [t, (FACTS.entityType.words?.[t] ?? []).filter((w) => w.length >= 2)]),
);

export interface RuleBase {
  id: string;
  title: string;
  clause: string;
  keywords: string[];
}

/** Assembles a draft rule from its parts; `upTo` from 最高/不超过 in the award part. */
export function draftRule(shape: Shape, base: RuleBase, quote: string, amount: Amount, extra: { when?: Condition; conditions?: string[]; notes?: string[] } = {}): DraftRule {
  // A limit on the whole programme ("全市奖励金额不超过100万元") does not make this award "up to".
  const awardPart = quote.slice(Math.max(awardStart(quote), 0)).replace(/[^，,。；]*(?:全市|全县|全区|全省|总额)[^，,。；]*/g, (p) => (/每(?:个|家|户|人|名)|单个|单家|同一/.test(p) ? p : ""));
  const rule: Rule = {
    id: base.id,
    title: base.title,
    clause: base.clause,
    quote,
    entityTypes: entityTypesOf(quote),
    keywords: base.keywords,
    ...(extra.when ? { when: extra.when } : {}),
    amount,
    upTo: /最高(?!档)|不超过|最多|限额|以内/.test(awardPart),
    ...(extra.conditions?.length ? { conditions: extra.conditions } : {}),
    notes: ["待确认：由 policy:draft 起草，须经工作人员核对后生效", ...(extra.notes ?? [])],
  };
  return { shape, rule };
}

/** The money fact a figure or phrase position measures, searching the whole sentence before `at`. */
export function moneyFactBefore(text: string, at: number, within = at): FactName | null {
  return guessFact(text, { literal: "", kind: "money", value: "0元", at, end: at }, within, ["fen"], false);
}

/** A count fact named before `at` (for amounts per person, per site…). */
export function countFactBefore(text: string, at: number, unit = ""): FactName | null {
  // Only the words before: the award's own words after it (给予…补贴) name no count. "每人" counts people:
  // a fact written with 人 (培训人数), never one written in 天 whose words are near (培训天数).
  return guessFact(text.slice(0, at), { literal: `1${unit}`, kind: "count", value: "0", at, end: at }, at);
}
