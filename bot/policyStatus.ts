/**
 * A policy's status in words: in force for the year the user named, expired, or a draft for comment.
 * Dates are written 2022年12月31日 so that every digit in the reply is a year or a small number.
 */
import type { Facts } from "../rules/facts.js";
import { activityMonth, judgeInForce } from "../rules/validity.js";
import type { Templates } from "./templates.js";
import { render } from "./templates.js";

/** The metadata the bot needs about a policy (a subset of policies.json). */
export interface PolicyInfo {
  id: string;
  title: string;
  issuer: string;
  docNumber: string | null;
  aliases: string[];
  effectiveFrom: string | null;
  validUntil: string | null;
  status: "final" | "draft";
}

/** "2022-12-31" → "2022年12月31日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The short place name users say: the first alias (平阴, 东营…). */
export function placeName(policy: PolicyInfo): string {
  return policy.aliases[0] ?? policy.id;
}

/** How the document is named in a citation: its number if it has one, else its title. */
export function documentName(policy: PolicyInfo): string {
  return policy.docNumber ? `${policy.issuer}《${policy.title}》（${policy.docNumber}）` : `${policy.issuer}《${policy.title}》`;
}

/**
 * Whether the policy was in force: for the activity year (or its month) if named, else on the as-of date; null
 * when the document does not state enough to tell. The engine's own judgement, so the words and `inForce` agree.
 */
export function policyInForce(policy: PolicyInfo, asOf: string, activityYear?: number, month?: number): boolean | null {
  return judgeInForce({ from: policy.effectiveFrom, until: policy.validUntil }, activityYear, asOf, month).inForce;
}

/** The activity year and month the remembered facts state, as a status line reads them. */
export function activityOf(facts: Facts): { activityYear?: number; activityMonth?: number } {
  return { activityYear: facts.activityYear, activityMonth: activityMonth(facts) };
}

function period(policy: PolicyInfo, t: Templates): string {
  if (!policy.validUntil) return policy.effectiveFrom ? render(t.status.periodOpen, { from: chineseDate(policy.effectiveFrom) }) : "";
  return policy.effectiveFrom
    ? render(t.status.periodFrom, { from: chineseDate(policy.effectiveFrom), until: chineseDate(policy.validUntil) })
    : render(t.status.period, { until: chineseDate(policy.validUntil) });
}

/** The status line of an answer about `policy`. */
export function statusLine(policy: PolicyInfo, t: Templates, asOf: string, activityYear?: number, month?: number): string {
  const title = `《${policy.title}》`;
  const inForce = policyInForce(policy, asOf, activityYear, month);
  const when = activityYear === undefined ? t.status.now : month === undefined ? `${activityYear}年` : `${activityYear}年${month}月`;
  if (policy.status === "draft") {
    const expired = inForce === false && policy.validUntil ? render(t.status.draftExpired, { until: chineseDate(policy.validUntil), when }) : "";
    return render(t.status.draft, { title }) + expired;
  }
  if (inForce === null) return render(t.status.noPeriod, { title });
  const vars = { title, period: period(policy, t) };
  if (activityYear !== undefined) {
    if (inForce) {
      const nowNote = policyInForce(policy, asOf) === false ? t.status.nowExpiredNote : "";
      return render(t.status.inForceYear, { ...vars, when, nowNote });
    }
    // The period's last day, as text: "-31" is past every day of its month.
    const before = policy.effectiveFrom !== null && `${activityYear}-${String(month ?? 12).padStart(2, "0")}-31` < policy.effectiveFrom;
    return render(before ? t.status.notYetYear : t.status.expiredYear, { ...vars, when });
  }
  return render(inForce ? t.status.inForceNow : t.status.expiredNow, vars);
}

/** The full answer to "is this policy still valid / is it a formal document". */
export function validityAnswer(policy: PolicyInfo, t: Templates, asOf: string): string {
  const doc = policy.docNumber ? `《${policy.title}》（${policy.docNumber}）` : `《${policy.title}》`;
  const p = period(policy, t);
  const template = policy.status === "final" ? t.validity.final : p ? t.validity.draft : t.validity.draftNoPeriod;
  const head = render(template, { doc, issuer: policy.issuer, period: p || t.validity.noPeriod });
  const inForce = policyInForce(policy, asOf);
  if (inForce === null) return `${head}${t.validity.stateUnknown}`;
  return `${head}${render(t.validity.today, { state: inForce ? t.validity.stateInForce : t.validity.stateExpired })}`;
}
