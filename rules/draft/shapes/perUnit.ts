/**
 * Per unit: "每实现1万元，给予4元…每家企业最高补贴40万元" (money per unit of a money fact, capped),
 * "按每人1000元" / "1000元/人" / "200元/人次" (money per person), "每月每平方米15元…连续补助3年" (per
 * square metre and month, for the months stated).
 */
import type { Amount } from "../../ruleSchema.js";
import { awardStart, conditionsBefore, countFactBefore, draftRule, type DraftRule, type RuleBase } from "../draftRule.js";
import { factEndingPhrase, guessFact, smallNumber, type Figure, type Sentence } from "../sentence.js";
import type { FactName } from "../../facts.js";
import { capsAfter } from "./percent.js";

const PER_MONEY = /每(?:实现|完成|新增|增加)?\s*(\d+(?:\.\d+)?(?:万|亿)?元)/;
const PER_PERSON = /每(?:人|个岗位|名)|\/人(?:次)?|元\/(?:人|个)/;
const PER_AREA = /每平方米|\/平方米|\/㎡/;
/** "每招用1人", "每培训1人次", "每个站点": a count of something, each given the award. */
export const PER_COUNTED = /每(?:[\u4e00-\u9fff]{1,3}?)?(?:1|一)?(?:人次|人|名|个|家|位|间|场|期|户|项|款|件|条|单|笔|吨|台|套)/g;
/** A rate per unit of measure ("每立方米", "每亩"): no applicant, no count of the vocabulary's kinds. */
export const MEASURE_UNITS = "平方米|㎡|立方米|亩|公里|千米|吨";
export const PER_MEASURE = new RegExp(`每(?:${MEASURE_UNITS})`);
/** "择优评选“池州好主播”10名，每名给予1万元": 每名 is each winner, who gets the sum once. */
const SELECTED = /(?:评选|评定|择优|遴选|评出|选树)[^，,。；]*?(?:\d+|[一二三四五六七八九十]+)\s*(?:名|个|家|位|户)[^，,。；]*[，,]\s*每(?:名|个|家|位|户|村)/;
/** Words that make a figure a cap rather than the award per unit ("每家企业每年最高不超过5万元"). */
const CAP_WORDS = /最高|最多|不超过|上限|总额|累计/;

export function perUnit(s: Sentence, base: RuleBase): DraftRule[] | null {
  const money = s.figures.filter((f) => f.kind === "money");
  const perMoney = PER_MONEY.exec(s.text);
  if (perMoney) {
    const unitFigure = money.find((f) => f.at > perMoney.index && f.at <= perMoney.index + perMoney[0].length);
    const award = money.find((f) => unitFigure && f.at > unitFigure.end);
    const fact = unitFigure && guessFact(s.text, unitFigure, 60);
    if (!unitFigure || !award || !fact) return null;
    const per: Amount = { mechanism: "perUnit", fact, unit: unitFigure.value, amountPerUnit: award.value, rounding: "wholeUnits" };
    const caps = capsAfter(s, award.end);
    const used = new Set<Figure>([unitFigure, award, ...caps.figures]);
    const { when, conditions } = conditionsBefore(s, used, perMoney.index);
    const amount: Amount = caps.caps.length ? { mechanism: "capMin", of: per, caps: caps.caps } : per;
    return [draftRule("perUnit", base, s.text, amount, { when, conditions: [...conditions, ...caps.conditions], notes: ["待确认：“每…”按完整单位计（不足一个单位的部分不计）"] })];
  }
  const start = awardStart(s.text);
  const area = PER_AREA.exec(s.text);
  const person = PER_PERSON.exec(s.text);
  let marker = area ?? person;
  // "每人每年最高不超过3万元" is a cap, not the amount per person.
  const between = (f: Figure, at: number) => s.text.slice(Math.min(f.end, at), Math.max(f.at, at));
  let award = marker ? money.find((f) => Math.abs(f.at - marker!.index) <= 12 && !CAP_WORDS.test(between(f, marker!.index))) : undefined;
  if (!award) {
    // "每招用1人给予1000元", "按每培训1人次200元", "每开通1条线路给予补助5000元": the first figure after a
    // per-unit phrase that is no cap.
    for (const m of s.text.matchAll(PER_COUNTED)) {
      award = money.find((f) => f.at > m.index && f.at - m.index <= 20 && !CAP_WORDS.test(s.text.slice(m.index, f.at)));
      if (award) {
        marker = m;
        break;
      }
    }
  }
  if (!award && money.length === 1 && /给予[^，,。；\d]{0,6}(?:补助|补贴|奖励)/.test(s.text)) {
    // "验收后给予补助，原则上每个站点不超过2万元": the only sum, a limit per counted thing, is given up to it per thing.
    const f = money[0]!;
    const m = [...s.text.matchAll(PER_COUNTED)].find((x) => f.at > x.index && f.at - x.index <= 12 && /^[^，,。；]*(?:不超过|最高)[^，,。；]*$/.test(s.text.slice(x.index, f.at)));
    if (m && !/企业|公司|主体|单位|机构|合作社|户|人/.test(s.text.slice(m.index, f.at))) [award, marker] = [f, m];
  }
  if (!marker || !award || SELECTED.test(s.text)) return null;
  // "第一年按每平方米每月10元": a monthly rate without the months it runs is left to staff, never taken per year.
  if (/每月/.test(s.text.slice(Math.max(0, marker.index! - 4), award.at)) && !/每月.*?(?:连续|共)\S{0,4}?(?:\d+|[一二三四五六七八九十])年/.test(s.text)) return null;
  const fact = area ? guessFact(s.text, { ...award, kind: "count" }, 80) ?? "rentArea" : countedFact(s.text, marker, award);
  if (!fact) return null;
  const times: Array<{ fact: typeof fact } | { constant: number; label: string }> = [{ fact }];
  // "200元/人/天", "每人每天100元": also per day, of the day fact the sentence names.
  const perDay = s.text.startsWith("/天", marker.index! + marker[0].length) || /每(?:人|名)每天/.test(s.text);
  const dayFact = perDay ? guessFact(s.text, { ...award, literal: "1天", kind: "count" }, 80, ["day"]) : null;
  if (perDay && !dayFact) return null;
  if (dayFact && dayFact !== fact) times.push({ fact: dayFact });
  const years = /每月.*?(?:连续|共)\S{0,4}?(\d+|[一二三四五六七八九十])年/.exec(s.text);
  if (years) times.push({ constant: smallNumber(years[1]!)! * 12, label: `个月（${years[0].slice(years[0].search(/连续|共/))}）` });
  const product: Amount = { mechanism: "product", of: award.value, times };
  const caps = capsAfter(s, award.end);
  // The "1" of "每招用1人" counts the unit; it is no condition.
  const inMarker = (f: Figure) => f.at >= marker!.index! && f.end <= marker!.index! + marker![0].length;
  const used = new Set<Figure>([award, ...caps.figures, ...s.figures.filter((f) => (years && f.at >= years.index) || inMarker(f))]);
  const { when, conditions } = conditionsBefore(s, used, Math.min(start < 0 ? award.at : start, award.at));
  const amount: Amount = caps.caps.length ? { mechanism: "capMin", of: product, caps: caps.caps } : product;
  return [draftRule("perUnit", base, s.text, amount, { when, conditions: [...conditions, ...caps.conditions] })];
}

/**
 * The fact a per-unit phrase counts. A noun after its measure word is what is counted, and its head (the
 * last word) must name the fact: "每个站点" → sites, but "每开通1条常态化运营线路" counts lines, which the
 * vocabulary lacks ("运营" inside it names no count). Without a noun ("每招用1人", "每培训1人次") the
 * words before the award name it.
 */
function countedFact(text: string, marker: RegExpExecArray | RegExpMatchArray, award: Figure): FactName | null {
  const end = marker.index! + marker[0].length;
  // "每个站点不超过2万元": the words of a limit are no part of the thing counted.
  const counted = text.slice(end, award.at).replace(/(?:原则上)?(?:最高)?(?:不超过|不得超过|最多)?$/, "");
  const noun = /^(?!给予|奖励|补助|补贴|资助)[\u4e00-\u9fff]{2,12}?(?=给予|奖励|补助|补贴|资助|的|[，,]|按|\d|$)/.exec(counted)?.[0];
  if (!noun) return countFactBefore(text, award.at, /(人次|人|名|个|家|位|间|场|期|户|项|款|件|条|单|笔|吨|台|套)$/.exec(marker[0])?.[1]);
  return factEndingPhrase(noun, ["count", "sqm", "day"]);
}
