/**
 * Drafts a policy's rules from its text: every sentence that carries an amount is found; common shapes
 * (./shapes/, one file each) are drafted with their verbatim quote and marked 待确认; amounts of
 * sentences that give nothing (targets, budgets, loans) are listed as not awards, with a reason to
 * confirm; what no shape fits is listed with the reason.
 */
import { ownText, type Clause } from "../../knowledge/clause.js";
import { parseClauses } from "../../knowledge/parseClauses.js";
import { querySegmenter, type Segmenter } from "../../knowledge/segmenter.js";
import type { Amount, Cap, NotAward } from "../ruleSchema.js";
import { joinTables } from "./brackets.js";
import { rareNouns } from "./nouns.js";
import { isAwardSentence, statesProgrammeMoney, type DraftRule, type RuleBase } from "./draftRule.js";
import { sentencesOf, smallNumber, type Sentence } from "./sentence.js";
import { fixed } from "./shapes/fixed.js";
import { noAmount } from "./shapes/noAmount.js";
import { capsAfter, percent } from "./shapes/percent.js";
import { PER_COUNTED, PER_MEASURE, perUnit } from "./shapes/perUnit.js";
import { ranks } from "./shapes/ranks.js";
import { tableHeader, tableRow, type TableHeader } from "./shapes/tableRow.js";
import { tiers } from "./shapes/tiers.js";

/** Tried in this order: the first shape that fits a sentence drafts it. */
const SHAPES = [noAmount, ranks, tiers, perUnit, percent, fixed];

export interface Undrafted {
  clause: string;
  /** The provision's name, as a drafted rule of the sentence would have it. */
  title?: string;
  /** Words a question about it uses, as a drafted rule's keywords. */
  keywords?: string[];
  quote: string;
  reason: string;
}

export interface PolicyDraft {
  policy: string;
  rules: DraftRule[];
  notAwards: NotAward[];
  undrafted: Undrafted[];
  /** Number of sentences that carry an amount. */
  amountSentences: number;
}

/** "三/(二)/1" → "s3-2-1"; "第二章/第五条" → "s2-5"; other signs dropped. */
function ruleIdOf(clause: Clause): string {
  const parts = clause.path.map((p) => {
    const inner = p.replace(/^第|[章节条]$/g, "").replace(/[()（）]/g, "");
    const n = smallNumber(inner);
    if (n !== null) return String(n);
    if (/^\d+$/.test(inner)) return inner;
    if (/^附件/.test(inner)) return `annex${inner.slice(2)}`;
    const circled = inner.codePointAt(0)! - 0x245f;
    return circled >= 1 && circled <= 20 ? String(circled) : "x";
  });
  return `s${parts.join("-")}`;
}

const NOT_AWARD_REASONS: Array<[RegExp, string]> = [
  [/贷款|授信|信贷|融资/, "贷款或融资额度，不是奖励"],
  [/专项资金|预算|安排.{0,10}资金|资金规模/, "资金预算，不是对单个主体的奖励"],
  [/目标|力争|到20\d\d年|培育.{0,10}(?:家|个)|占.{0,12}比重|比例/, "发展目标，不是奖励"],
  [/是指|认定标准|称号/, "认定标准（名词解释），不是奖励"],
];


function notAwardReason(text: string): string {
  for (const [pattern, reason] of NOT_AWARD_REASONS) if (pattern.test(text)) return `待确认：${reason}`;
  return "待确认：本句不给予资金，不是奖励";
}

/** A heading number at the start of a sentence: 一、 （一） (1) 1． 第五条. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+、|[（(][^）)]{1,3}[）)]|\d+[.．、]|第[一二三四五六七八九十百零]+条)\s*/;

/**
 * The provision's name: the clause's own title; else a short lead sentence without figures before the
 * award ("第六条 支持村级电子商务服务站点建设。对新建…"); else the subject after 对, or the first phrase
 * when it has no figures; else the parent's title; else the sentence's start.
 */
function titleOf(clause: Clause, s: Sentence, own: string, byId: ReadonlyMap<string, Clause>): string {
  if (clause.title) return clause.title;
  const lead = own.replace(HEADING_NUMBER, "").split(/[。\n]/)[0]!.trim();
  if (lead && !s.text.replace(HEADING_NUMBER, "").startsWith(lead) && lead.length <= 24 && !/[\d，,；]/.test(lead)) return lead;
  const body = s.text.replace(HEADING_NUMBER, "");
  // "对新建的村级快递物流服务点，": the whole subject up to the comma when short and without figures.
  const whole = /^对([^，,。；\d]{2,24})[，,]/.exec(body)?.[1];
  const subject = whole ?? /对([^，,。；]{2,20}?)(?:的|，|,)/.exec(body)?.[1];
  if (subject) return subject.replace(/的$/, "");
  const phrase = /^([^，,。；：]{2,16}?)的?[，,]/.exec(body)?.[1];
  if (phrase && !/\d/.test(phrase)) return phrase;
  return (clause.parentId && byId.get(clause.parentId)?.title) || body.slice(0, 16);
}

/** Words of a title that name no provision in particular: the award, its verbs, the trade itself. */
const GENERIC_WORDS = new Set(["支持", "鼓励", "加快", "推动", "促进", "补贴", "补助", "奖励", "奖补", "资助", "扶持", "建设", "发展", "电商", "电子商务", "网络", "销售", "企业", "给予", "标准", "做大做强", "万元", "以上", "以下", "达到", "年度"]);

/**
 * The words a question about the provision uses: its title and headings as written, then the title's own
 * words ("场地租金补贴" → 场地, 租金), so "租金补贴咋算" names it without the heading's every word.
 */
function keywordsOf(clause: Clause, s: Sentence, title: string, segment: Segmenter, nouns: ReturnType<typeof rareNouns>): string[] {
  const named = [title, ...clause.headingPath].filter((w) => w && w.length <= 16 && clause.text.includes(w));
  // Else the nearest heading above the item names it: "（一）支持电商示范村创建 / 1、每年择优评选…每村给予5万元".
  const words = named.length > 0 ? named : clause.headingPath.slice(0, -1).filter(Boolean).slice(-1);
  // The sentence's own rare nouns ("冷库" under the heading 支持冷链物流), after the title's words.
  const own = nouns(s.text, GENERIC_WORDS).slice(0, 3);
  if (words.length === 0) return [...new Set([s.text.replace(HEADING_NUMBER, "").replace(/^对/, "").slice(0, 6), ...own])];
  const parts = segment(words[0]!).filter((w) => w.length >= 2 && !GENERIC_WORDS.has(w) && !/\d/.test(w) && w !== words[0]);
  return [...new Set([...[...new Set([...words.slice(0, 3), ...parts])].slice(0, 6), ...own])];
}

/** Why no shape drafted an award sentence. */
function undraftedReason(s: Sentence): string {
  const money = s.figures.filter((f) => f.kind === "money").length;
  if (/每月/.test(s.text)) return "按月计的标准，原文未写明补贴的月数，须工作人员折算";
  const per = [...s.text.matchAll(PER_COUNTED)].find((m) => s.figures.some((f) => f.kind === "money" && f.at > m.index && f.at - m.index <= 20));
  if (per) return `按“${per[0]}”计的数量在事实词表中找不到对应的事实（可在 rules/facts.yaml 增加）`;
  const measure = PER_MEASURE.exec(s.text);
  if (measure) return `按“${measure[0]}”计的数量在事实词表中找不到对应的事实（可在 rules/facts.yaml 增加）`;
  if (/\d\s*(?:万|亿)?(?:美元|美金|欧元|港元|日元)/.test(s.text)) return "门槛或金额以外币计，规则按人民币计，须工作人员按主管部门认定的汇率写明";
  if (/分别/.test(s.text)) return "“分别”列出的金额与门槛或对象个数对不上";
  if (money > 1) return `一句中有${money}个金额，分不清哪个是奖励、哪个是门槛或上限`;
  if (s.figures.some((f) => f.kind === "percent")) return "比例所乘的金额在事实词表中找不到对应的事实";
  return "找不到金额对应的奖励形式或事实";
}

/** A sentence that announces the table or items after it. */
const LEADS_LIST = /(?:以下|下列|如下)[^，,。；]{0,8}[：:]$|给予(?:一次性)?(?:奖励|补贴|补助)[^。]{0,24}[：:]$/;

const CAP_PHRASE = /(?:最高|不超过|不得超过|最多|限额|封顶|上限)[^，,。；]*\d/;

/** More money for the subject of the sentence before: "…给予一次性奖励3万元；当年…增长20%以上的，再给予2万元奖励。" */
const MORE_FOR_SAME = /再(?:给予|奖励|补贴|补助)|另(?:行)?给予/;

/**
 * A sentence that only limits an award ("（二）单个企业年度补贴最高不超过50万元。"): every phrase of it is a cap
 * (a phrase before it would name what is given: "营销特色馆建设，补助金额最高不超过50万元"), it gives
 * nothing itself, and every sum in it is a cap of money. Its caps, or null.
 */
function capsOnly(s: Sentence): Cap[] | null {
  const phrases = s.text.replace(HEADING_NUMBER, "").split(/[，,]/).filter((p) => p.replace(/[。；;\s]/g, ""));
  if (/对|给予|给\d|奖励\d/.test(s.text) || !phrases.every((p) => CAP_PHRASE.test(p))) return null;
  const sums = s.figures.filter((f) => f.kind !== "count");
  const { caps, figures } = capsAfter(s, 0);
  return sums.length > 0 && sums.every((f) => f.kind === "money" && figures.includes(f)) ? caps : null;
}

/** An amount that varies with the applicant (per unit, a percentage, a product): a cap after it limits it. */
function capsVary(a: Amount | undefined): a is Exclude<Amount, string> {
  return typeof a === "object" && ["perUnit", "percentOf", "product", "capMin", "sum"].includes(a.mechanism);
}

/** The previous draft of the clause limited by the caps of the sentence after it; its quote runs on to that sentence. */
function withCaps(d: DraftRule, s: Sentence, caps: Cap[]): DraftRule {
  const a = d.rule.amount as Exclude<Amount, string>;
  const amount: Amount = a.mechanism === "capMin" ? { ...a, caps: [...a.caps, ...caps] } : { mechanism: "capMin", of: a, caps };
  const quoted = runOn(d, s);
  return { ...quoted, rule: { ...quoted.rule, amount, upTo: true } };
}

/** The draft with the sentence after it quoted too (and a note for staff, if any). */
function runOn(d: DraftRule, s: Sentence, note?: string): DraftRule {
  const quote = `${d.rule.quote}${s.lineStart ? "\n" : ""}${s.text.trim()}`;
  return { ...d, rule: { ...d.rule, quote, ...(note ? { notes: [...(d.rule.notes ?? []), note] } : {}) } };
}

/** Moving up a tier ("晋档的，按差额给予奖励"): paid as the difference, said of the award before. */
const STEP_UP = /(?:晋档|升档|晋级|提档)[^。；]{0,12}差额|按差额/;

/** A limit on any award to the applicant ("且对企业的奖补资金额不得超过…的20%"), not on the sentence's own sum. */
const ANY_AWARD_CAP = /^(?:且|并|但)?对?(?:企业|单位|申报主体|主体)?的?(?:奖补|奖励|补助|扶持)(?:资金)?(?:金额|额|总额)?(?:均)?不得?超过/;

/**
 * A limit written once for every award of the clause (after its second of two awards, as 聊城 六 does) limits
 * each fixed award of the clause, with a note that it was read so.
 */
function shareCaps(drafts: DraftRule[]): DraftRule[] {
  const general = drafts.flatMap((d) => {
    const a = d.rule.amount;
    return typeof a === "object" && a.mechanism === "capMin" ? a.caps.filter((c) => typeof c.amount !== "string" && ANY_AWARD_CAP.test(c.quote)) : [];
  });
  if (general.length === 0) return drafts;
  const note = `待确认：“${general[0]!.quote}”按对本条各项奖励都适用读`;
  return drafts.map((d) =>
    typeof d.rule.amount === "string" && d.shape === "fixed"
      ? { ...d, rule: { ...d.rule, amount: { mechanism: "capMin", of: d.rule.amount, caps: general }, notes: [...(d.rule.notes ?? []), note] } }
      : d,
  );
}

/** The draft of "再给予…" carries what the sentence before required of its subject. */
function withEarlierConditions(d: DraftRule, before: DraftRule): DraftRule {
  const conditions = [...new Set([...(before.rule.conditions ?? []), ...(d.rule.conditions ?? [])])];
  const whens = [before.rule.when, d.rule.when].filter((w) => w !== undefined);
  const when = whens.length === 2 ? { all: whens } : whens[0];
  return { ...d, rule: { ...d.rule, ...(when ? { when } : {}), ...(conditions.length ? { conditions } : {}) } };
}

/** A clause whose own text announces its items ("按以下标准给予奖励：") and whose items each state money. */
function leadsList(clause: Clause, byId: ReadonlyMap<string, Clause>): boolean {
  const kids = clause.childIds.map((id) => byId.get(id)!);
  return kids.length > 1 && LEADS_LIST.test(ownText(clause, byId).trim()) && kids.every((k) => k.childIds.length === 0 && /\d(?:万|亿)?元/.test(k.text));
}

/**
 * The table a lead sentence announces: a header row after it (quoted with the lead), or rows that give
 * their own award ("（1）100万元（含）至500万元的，奖励1万元"), measured by the quantity the lead names.
 */
function headerUnder(lead: Sentence, next: Sentence, base: RuleBase): TableHeader | null {
  const text = lead.text.trim();
  const header = tableHeader(next);
  if (header) return { ...header, text: `${text}\n${header.text}`, skip: 1 };
  const items: TableHeader = { text, measure: text, rows: 0, verbs: true };
  return next.figures.length > 0 && tableRow(next, base, { ...items }) ? items : null;
}

/** Drafts the rules of one clause tree. */
export function draftClauses(policy: string, clauses: readonly Clause[]): PolicyDraft {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const rules: DraftRule[] = [];
  const notAwards: NotAward[] = [];
  const undrafted: Undrafted[] = [];
  const ids = new Map<string, number>();
  const segment = querySegmenter();
  const nouns = rareNouns(clauses, segment);
  let amountSentences = 0;
  // Items of a list drafted with the clause that leads them ("按以下标准给予奖励：（1）…（2）…").
  const listed = new Set<string>();
  for (const clause of clauses) {
    if (clause.path[0] === "落款" || listed.has(clause.id)) continue;
    const drafts: DraftRule[] = [];
    const leadsItems = leadsList(clause, byId);
    if (leadsItems) clause.childIds.forEach((id) => listed.add(id));
    const own = leadsItems ? clause.text : ownText(clause, byId);
    let header: TableHeader | null = null;
    // The rows of a table a lead sentence announces are named by that lead, not by their first cells.
    let tableName: Pick<RuleBase, "title" | "keywords"> | null = null;
    const sentences = sentencesOf(clause.id, own);
    for (const [i, s] of sentences.entries()) {
      const hasAmount = s.figures.some((f) => f.kind !== "count");
      if (hasAmount) amountSentences++;
      const baseId = ruleIdOf(clause);
      const n = (ids.get(baseId) ?? 0) + 1;
      const title = tableName?.title ?? titleOf(clause, s, own, byId);
      const base: RuleBase = { id: n === 1 ? baseId : `${baseId}-${String.fromCharCode(96 + n)}`, title, clause: clause.id, keywords: tableName?.keywords ?? keywordsOf(clause, s, title, segment, nouns) };
      // "对…达到下列标准的…给予奖励：" before its table or items: the table's rows are its provision.
      const listHeader = LEADS_LIST.test(s.text.trim()) && sentences[i + 1] ? headerUnder(s, sentences[i + 1]!, base) : null;
      if (listHeader) {
        header = listHeader;
        tableName = { title: base.title, keywords: base.keywords };
        continue;
      }
      if (header?.skip && tableHeader(s)) {
        header.skip = 0;
        continue;
      }
      header = tableHeader(s) ?? header;
      const row = header && hasAmount ? tableRow(s, base, header) : null;
      if (row) {
        ids.set(baseId, n);
        drafts.push(...row);
        continue;
      }
      // "…按以下方式给予补贴：" before items that state the money: the items are the provisions.
      if (LEADS_LIST.test(s.text.trim()) && sentences.slice(i + 1).some((n) => n.figures.some((f) => f.kind !== "count"))) continue;
      // "同一企业晋档的，按差额给予奖励": how the award before it is paid on moving up, no award of its own.
      if (!hasAmount && STEP_UP.test(s.text) && drafts.length > 0) {
        drafts[drafts.length - 1] = runOn(drafts.at(-1)!, s, `待确认：“${s.text.trim()}”：晋档时只给差额，已获低档奖励的须扣除`);
        continue;
      }
      const noAmountDraft = noAmount(s, base);
      if (noAmountDraft) {
        ids.set(baseId, n);
        drafts.push(...noAmountDraft);
        continue;
      }
      if (!hasAmount) continue;
      if (!isAwardSentence(s)) {
        for (const f of s.figures.filter((x) => x.kind !== "count")) {
          notAwards.push({ clause: clause.id, amount: f.kind === "percent" ? `${f.value}%` : f.value, reason: notAwardReason(s.text) });
        }
        continue;
      }
      // "两项奖励金额全市不超过200万元", "每年安排300万元的专项资金": limits and budgets of the whole programme.
      if (statesProgrammeMoney(s)) {
        for (const f of s.figures.filter((x) => x.kind !== "count")) notAwards.push({ clause: clause.id, amount: f.kind === "percent" ? `${f.value}%` : f.value, reason: "待确认：资金总额或预算（额满为止），不是对单个主体的奖励" });
        continue;
      }
      const caps = capsOnly(s);
      if (caps) {
        const last = drafts.at(-1);
        if (last && capsVary(last.rule.amount)) drafts[drafts.length - 1] = withCaps(last, s, caps);
        else for (const c of caps) if (typeof c.amount === "string") notAwards.push({ clause: clause.id, amount: c.amount, reason: "待确认：上限，不是单独的奖励（所限的奖励见同条其他句）" });
        continue;
      }
      let drafted: DraftRule[] | null = null;
      for (const shape of SHAPES) if ((drafted = shape(s, base))) break;
      const before = drafts.at(-1);
      if (drafted && before && MORE_FOR_SAME.test(s.text) && !/^[^，,]*对/.test(s.text)) drafted = drafted.map((d) => withEarlierConditions(d, before));
      if (drafted) {
        ids.set(baseId, n);
        drafts.push(...(s.lineStart ? drafted.map((d) => ({ ...d, lineStart: true })) : drafted));
      } else undrafted.push({ clause: clause.id, title, keywords: base.keywords, quote: s.text, reason: undraftedReason(s) });
    }
    rules.push(...shareCaps(joinTables(drafts)));
  }
  return { policy, rules, notAwards, undrafted, amountSentences };
}

/** Drafts the rules of a policy text (as read by knowledge/documents/readDocument.ts). */
export function draftPolicy(policy: string, text: string): PolicyDraft {
  return draftClauses(policy, parseClauses(policy, text));
}
