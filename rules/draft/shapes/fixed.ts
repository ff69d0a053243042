/**
 * Fixed one-off awards: "每家给予一次性奖励5万元", "补助金额最高不超过50万元"; and "对A、B分别给予X、Y"
 * (one rule per subject, in order).
 */
import { awardStart, conditionsBefore, draftRule, type DraftRule, type RuleBase } from "../draftRule.js";
import type { Amount } from "../../ruleSchema.js";
import type { Figure, Sentence } from "../sentence.js";
import { capsAfter } from "./percent.js";
import { MEASURE_UNITS } from "./perUnit.js";
import { figureLists } from "./tiers.js";

export function fixed(s: Sentence, base: RuleBase): DraftRule[] | null {
  const start = awardStart(s.text);
  if (start < 0) return null;
  const pool = capsAfter(s, start);
  const money = s.figures.filter((f) => f.kind === "money" && !(pool.figures.includes(f) && pool.caps.length === 0));
  const awards = money.filter((f) => f.at > start || /^(?:的)?(?:一次性)?(?:奖励|补贴|补助|资助)/.test(s.text.slice(f.end)));
  // "按每件0.1元给予物流补贴，每家企业每年最高不超过20万元", "每个认证给予1万元": an amount per unit the
  // per-unit shape could not draft is no fixed award (its cap even less).
  if (money.some((f) => perUnitBefore(s.text, f))) return null;
  if (awards.length === 1) {
    const end = Math.min(start, awards[0]!.at);
    const { when, conditions } = conditionsBefore(s, new Set([...awards, ...pool.figures]), end);
    // "且对企业的奖补资金额不得超过企业对地方贡献数的20%": a share of a money fact limits the sum.
    const shares = pool.caps.filter((c) => typeof c.amount !== "string");
    const amount: Amount = shares.length ? { mechanism: "capMin", of: awards[0]!.value, caps: shares } : awards[0]!.value;
    return [draftRule("fixed", base, s.text, amount, { when, conditions: [...qualifiersOf(s.text.slice(0, end)), ...conditions, ...pool.conditions] })];
  }
  // "对创建成功的镇、村分别给予一次性最高奖励30万元、10万元": subjects listed before 分别, amounts after;
  // "对获评省级、市级直播电商基地的，分别给予…30万元、10万元": the list's common rest follows it.
  const list = figureLists(s, start, s.text.length)[0];
  const split = SUBJECTS.exec(s.text);
  if (!list || !split || list.length !== awards.length) return null;
  const subjects = split[2]!.split("、");
  if (subjects.length !== list.length) return null;
  let [prefix, rest] = [split[1] ?? "", split[3] ?? ""];
  // "省级、市级直播电商基地": the last item carries the words the items share.
  const n = subjects[0]!.length;
  if (!rest && subjects.slice(0, -1).every((x) => x.length === n) && subjects.at(-1)!.length > n) {
    rest = subjects.at(-1)!.slice(n);
    subjects[subjects.length - 1] = subjects.at(-1)!.slice(0, n);
  }
  const { when, conditions } = conditionsBefore(s, new Set<Figure>(list), split.index);
  return list.map((f, i) => {
    // "获评省级直播电商基地": the item with the words it shares with the others names the provision.
    const whole = rest || prefix ? `${prefix}${subjects[i]}${rest}` : "";
    return draftRule("fixed", { ...base, id: `${base.id}-${i + 1}`, title: whole || `${base.title}（${subjects[i]}）` }, s.text, f.value, {
      when,
      conditions: [whole || `申报主体为${subjects[i]}`, ...conditions],
    });
  });
}

/** An applicant named without a qualifier ("的电商企业", "个体网店"): it says who, not what must hold. */
const BARE_APPLICANT = /^(?:本县|本地|县内)?(?:电商|电子商务)?(?:企业|单位|主体|网店|个体网店|合作社|主播|机构)?$/;

/**
 * What the subject of a one-off award requires beyond its figures ("在天猫、京东等平台新开设旗舰店",
 * "评选出的十佳电商企业"): unchecked conditions, so a draft confirmed as it stands never tells anyone with
 * the figures that the award is theirs. Phrases with a figure are the comparisons' own.
 */
function qualifiersOf(subject: string): string[] {
  const from = subject.lastIndexOf("对");
  // "新获得江苏精品认证的，奖励5万元": without 对, the last phrase before the award is the subject.
  const words = (from >= 0 ? subject.slice(from + 1) : subject.split(/[，,；]/).filter((p) => p.trim()).at(-1) ?? "").replace(/(?:每|单)(?:家|个|户|人|名)$/, "");
  return words
    .split(/[，,；]|且|并且|并/)
    .map((w) => w.trim().replace(/的$/, "").replace(/^的/, ""))
    // "每村", "每个站点每年": who is counted, not what must hold.
    .filter((w) => w.length >= 2 && !/\d/.test(w) && !BARE_APPLICANT.test(w) && !/^(?:每|单个|单家)/.test(w));
}

/** Subjects listed before 分别: an optional verb, items joined by 、, and the rest of their phrase. */
const SUBJECTS = /(获评|获得|认定为|被评为|评为)?((?:(?!获评|获得|认定为|评为)[^的对，,、\s]){1,8}(?:、[^的对，,、\s]{1,12})+)([^的对，,、。；\d]{0,10})?的?[，,]?分别/;

/** Things counted one by one (站点, 认证, 线路…), not an applicant (每家企业, 每个村). */
const PER_THING = /每(?:个|项|条|件|款|场|批|套|台|单|笔)([\u4e00-\u9fff]{0,6}?)(?:给予|奖励|补助|补贴)?$/;
const APPLICANT = /企业|公司|主体|单位|机构|基地|合作社|村|镇|户|网店|商户|主播|达人/;

/** A money figure whose amount is given per counted thing ("按每件0.1元", "每个认证给予1万元") or per month, area or volume. */
export function perUnitBefore(text: string, f: Figure): boolean {
  const before = text.slice(Math.max(0, f.at - 12), f.at).replace(/^.*[，,。；]/, "");
  const m = PER_THING.exec(before);
  return (m !== null && !APPLICANT.test(m[1]!)) || RATE.test(before);
}

/** A rate per month, day or measure ("每平方米每月10元", "按每立方米100元"): never a one-off sum. */
const RATE = new RegExp(`每(?:月|天|日|${MEASURE_UNITS})[\\u4e00-\\u9fff]{0,4}$`);
