/**
 * Fixed one-off awards: "每家给予一次性奖励5万元", "补助金额最高不超过50万元"; and "对A、B分别给予X、Y"
 * (one rule per subject, in order).
 */
import { awardStart, conditionsBefore, draftRule, type DraftRule, type RuleBase } from "../draftRule.js";
import type { Figure, Sentence } from "../sentence.js";
import { capsAfter } from "./percent.js";
import { figureLists } from "./tiers.js";

export function fixed(s: Sentence, base: RuleBase): DraftRule[] | null {
  const start = awardStart(s.text);
  if (start < 0) return null;
  const pool = capsAfter(s, start);
  const money = s.figures.filter((f) => f.kind === "money" && !(pool.figures.includes(f) && pool.caps.length === 0));
  const awards = money.filter((f) => f.at > start || /^(?:的)?(?:一次性)?(?:奖励|补贴|补助|资助)/.test(s.text.slice(f.end)));
  if (awards.length === 1) {
    const { when, conditions } = conditionsBefore(s, new Set([...awards, ...pool.figures]), Math.min(start, awards[0]!.at));
    return [draftRule("fixed", base, s.text, awards[0]!.value, { when, conditions: [...conditions, ...pool.conditions] })];
  }
  // "对创建成功的镇、村分别给予一次性最高奖励30万元、10万元": subjects listed before 分别, amounts after.
  const list = figureLists(s, start, s.text.length)[0];
  const split = /([^的对，,、\s]{1,8}(?:、[^的对，,、\s]{1,8})+)分别/.exec(s.text);
  if (!list || !split || list.length !== awards.length) return null;
  const subjects = split[1]!.split("、");
  if (subjects.length !== list.length) return null;
  const { when, conditions } = conditionsBefore(s, new Set<Figure>(list), split.index);
  return list.map((f, i) =>
    draftRule("fixed", { ...base, id: `${base.id}-${i + 1}`, title: `${base.title}（${subjects[i]}）` }, s.text, f.value, {
      when,
      conditions: [`申报主体为${subjects[i]}`, ...conditions],
    }),
  );
}
