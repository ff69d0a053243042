/**
 * Ranks: "排名前3位的企业分别奖励50万元、30万元、20万元" (one place each), "前10名…每家给予1万元" (one
 * band), "10名以后的每家给予1万元" (the ranks after the band), "前20名…第1至5名每家奖励5万元，第6至10名
 * 每家奖励3万元…" (bands, each with the award after it).
 */
import type { Amount } from "../../ruleSchema.js";
import { awardStart, conditionsBefore, draftRule, type DraftRule, type RuleBase } from "../draftRule.js";
import { smallNumber, type Figure, type Sentence } from "../sentence.js";

const TOP = /前\s*(\d+|[一二三四五六七八九十]+)\s*(?:名|位)/;
const AFTER = /(\d+|[一二三四五六七八九十]+)\s*(?:名|位)以后/;
const RANK_NOTE = "待确认：文件未写明排名口径，由主管部门评定";

/** A band of places: "第1至5名", "第6-10名", "第11名至第20名". */
const BAND = /第\s*(\d+|[一二三四五六七八九十]+)\s*(?:名)?\s*(?:至|到|-|—|～|~)\s*第?\s*(\d+|[一二三四五六七八九十]+)\s*名/g;

/** Bands that follow each other from the first place, each with the one money figure before the next band. */
function bandPlaces(s: Sentence): { places: Array<{ through: number; amount: Amount }>; figures: Figure[] } | null {
  const bands = [...s.text.matchAll(BAND)];
  if (bands.length < 2) return null;
  const places: Array<{ through: number; amount: Amount }> = [];
  const figures: Figure[] = [];
  for (const [i, b] of bands.entries()) {
    const [from, through] = [smallNumber(b[1]!), smallNumber(b[2]!)];
    const next = bands[i + 1]?.index ?? s.text.length;
    const money = s.figures.filter((f) => f.kind === "money" && f.at > b.index && f.at < next);
    if (from !== (places.at(-1)?.through ?? 0) + 1 || !through || through < from || money.length !== 1) return null;
    places.push({ through, amount: money[0]!.value });
    figures.push(...s.figures.filter((f) => f.at >= b.index && f.at < next));
  }
  return { places, figures };
}

export function ranks(s: Sentence, base: RuleBase): DraftRule[] | null {
  const top = TOP.exec(s.text);
  const n = top ? smallNumber(top[1]!) : null;
  if (!top || !n) return null;
  const bands = bandPlaces(s);
  if (bands) {
    const { when, conditions } = conditionsBefore(s, new Set(bands.figures.concat(s.figures.filter((f) => f.at === top.index + 1))), top.index);
    return [draftRule("ranks", base, s.text, { mechanism: "rankTable", places: bands.places, interpretation: RANK_NOTE }, { when, conditions: ["名次由主管部门评定", ...conditions] })];
  }
  const start = awardStart(s.text.slice(top.index)) + top.index;
  const afterMatch = AFTER.exec(s.text);
  const afterAt = afterMatch?.index ?? Infinity;
  const awards = s.figures.filter((f) => f.kind === "money" && f.at > start && f.at < afterAt);
  let places: Array<{ through: number; amount: Amount }>;
  if (awards.length === n && n > 1) places = awards.map((f, i) => ({ through: i + 1, amount: f.value }));
  else if (awards.length === 1) places = [{ through: n, amount: awards[0]!.value }];
  else return null;
  const afterAward = afterMatch ? s.figures.find((f) => f.kind === "money" && f.at > afterAt) : undefined;
  const used = new Set<Figure>([...awards, ...(afterAward ? [afterAward] : [])]);
  const rankFigures = s.figures.filter((f) => f.kind === "count" && (f.at === top.index + 1 || (afterMatch && f.at === afterMatch.index)));
  rankFigures.forEach((f) => used.add(f));
  const { when, conditions } = conditionsBefore(s, used, top.index);
  // The one threshold before 前N ("50万元以上的前10名"), for bracket tables (./brackets.ts).
  // A range "300万元(含)至500万元" is a bracket too: its upper end is the next bracket's threshold.
  const thresholds = s.figures.filter((f) => f.at < top.index && !used.has(f) && f.kind !== "percent");
  const range = thresholds.length === 2 && /至|到|—|-|～/.test(s.text.slice(thresholds[0]!.end, thresholds[1]!.at));
  const bracket =
    thresholds.length === 1 || range ? { figure: thresholds[0]!, rest: conditionsBefore(s, new Set([...used, ...thresholds]), top.index) } : undefined;
  const amount: Amount = {
    mechanism: "rankTable",
    places,
    ...(afterAward ? { after: { amount: afterAward.value, interpretation: `待确认：“${afterMatch![0]}”读作第${smallNumber(afterMatch![1]!)! + 1}名及以后` } } : {}),
    interpretation: RANK_NOTE,
  };
  const draft = draftRule("ranks", base, s.text, amount, { when, conditions: ["名次由主管部门评定", ...conditions] });
  return [{ ...draft, bracket: bracket && { sentence: s, ...bracket } }];
}
