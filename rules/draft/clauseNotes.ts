/**
 * Clause notes read off a document's text, for a policy whose staff have written none (a policy just added
 * through README "Adding a policy"): its procedure ("申报单位应提交以下材料", "审核并公示无异议后拨付") and
 * its definitions ("网络销售额：指…", "本办法所称项目资金，是指…"). Each quotes its clause as written; the
 * plain sentence is the kind's own, so no figure or judgement is added. A clause that gives money is a
 * provision, never a note.
 */
import { ownText, type Clause } from "../../knowledge/clause.js";
import type { ClauseNote } from "../ruleSchema.js";
import { querySegmenter } from "../../knowledge/segmenter.js";
import { givesStatedMoney, statesProgrammeMoney } from "./draftRule.js";
import { sentencesOf } from "./sentence.js";
import { rareNouns } from "./nouns.js";

/** The heading number a clause's text opens with: 第十一条, 三、, （一）, 1． (a definition keeps its own). */
const HEADING_NUMBER = /^(?:第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、|[（(][^）)]{1,3}[）)])\s*/;
/** How to apply: who applies, what to hand in, who reviews, when it is paid. */
const PROCEDURE = /(?:申报|申请|申领)[^。]{0,40}(?:提交|报送|材料|审核|初审|复核|公示|受理)|(?:提交|报送)[^。]{0,30}材料|(?:审核|复核|核查)[^。]{0,30}公示|公示[^。]{0,12}(?:无异议|工作日)/;
/** A list titled as what to hand in or how to apply ("附件2 申报材料清单", "三、申报程序"): its items are the procedure. */
const PROCEDURE_TITLE = /(?:申报|申请)(?:材料|程序|流程|须知|指南)|材料清单/;
/** A list titled as the standard a title is given by ("附件1 武功县电商示范村认定标准"): its items define it. */
const STANDARD_TITLE = /(?:认定|评定|评选|验收)(?:标准|条件)$/;
/** A wrongdoing in applying ("申报材料弄虚作假的，不予扶持") is a sanction, no step of the procedure. */
const WRONGDOING = /[^。；，,]*(?:弄虚作假|虚报|骗取|冒领|虚假)[^。；，,]*/g;
/** Words of a procedure a question about it uses, when the clause has them. */
const PROCEDURE_WORDS = ["申报", "申请", "材料", "审核", "公示", "拨付", "受理"];
/** A term defined: "1．网络销售额：指…", "“共同配送网点”是指…", "本办法所称项目资金，是指…". */
const DEFINES = /^(?:[\d一二三四五六七八九十]+[.．、]\s*)?“?([^“”：:，,。；;\s]{2,14}?)”?(?:[：:]\s*(?:是指|指)|是指)|所称“?([^“”，,。；;\s]{2,14}?)”?[，,]?是?指/;

/** "有下列情形之一的，不予扶持：" before its items (or with them in one sentence): who gets nothing. */
const EXCLUDES = /(?:下列|以下|如下)(?:情形|情况|行为)(?:之一)?的?[，,]?\s*(?:一律)?(不予(?:扶持|支持|奖励|补助|补贴|受理)|不得(?:享受|申报|申请)[^：:。]{0,10}?|取消[^：:。]{0,10}?资格)[^：:。]{0,6}[：:]/;

/** The fund a budget sentence names ("扶持资金", "电子商务发展专项资金"). */
const FUND = /(?:电子商务|电商)?(?:发展)?(?:专项扶持资金|专项资金|扶持资金|发展资金)/;
/** "原《…暂行办法》（…号）同时废止": the document this one replaces, and that it no longer applies. */
const REPEALS = /原?《([^》]{2,60})》[^。；]{0,30}?(?:同时|即行|予以)?(?:废止|停止执行|不再执行)[。；]?/;

/** The notes of a policy's clauses: one per clause that states a procedure, defines a term or lists who is excluded. */
export function textNotes(clauses: readonly Clause[]): ClauseNote[] {
  const notes: ClauseNote[] = [];
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const listed = new Set<string>();
  let nouns: ReturnType<typeof rareNouns> | undefined;
  for (const clause of clauses) {
    if (clause.path[0] === "落款" || listed.has(clause.id)) continue;
    const text = clause.text.replace(HEADING_NUMBER, "").trim();
    // "县财政每年安排扶持资金500万元": the programme's budget, asked as "扶持资金一年总共多少" (a 所称…是指 line is a definition).
    const budget = clause.childIds.length === 0 && !DEFINES.test(text) ? FUND.exec(text) : null;
    const moneySentences = sentencesOf("", text).filter((s) => s.figures.some((f) => f.kind !== "count"));
    if (budget && moneySentences.length > 0 && moneySentences.every(statesProgrammeMoney)) {
      notes.push({ clause: clause.id, kind: "fund", title: budget[0], quote: text, keywords: [budget[0]] });
      continue;
    }
    if (givesStatedMoney(text)) continue;
    // The whole list is the answer to "啥情况不给扶持" and to one case of it ("拖欠过农户货款 还能申请吗").
    const excludes = EXCLUDES.exec(ownText(clause, byId));
    if (excludes) {
      clause.childIds.forEach((id) => listed.add(id));
      nouns ??= rareNouns(clauses, querySegmenter());
      // Its own title when it names the list ("三、不予扶持情形"), not a first sentence taken for one.
      const title = /不予|不得|取消|情形/.test(clause.title) ? clause.title : excludes[1]!;
      const keywords = [title, excludes[1]!, ...nouns(text.slice(text.indexOf(excludes[0]) + excludes[0].length))];
      notes.push({ clause: clause.id, kind: "exclusion", title, quote: text, keywords: [...new Set(keywords)] });
      continue;
    }
    // Items that are no procedure each ("1．申报表；", "2．营业执照…") under a title that names one.
    const items = clause.childIds.map((id) => byId.get(id)?.text ?? "");
    if (PROCEDURE_TITLE.test(clause.title) && items.length > 0 && !items.some((t) => PROCEDURE.test(t))) {
      notes.push({ clause: clause.id, kind: "procedure", title: clause.title, quote: text, keywords: [...new Set([clause.title, ...PROCEDURE_WORDS.filter((w) => text.includes(w))])] });
      continue;
    }
    if (STANDARD_TITLE.test(clause.title) && items.length > 0) {
      // "武功县电商示范村认定标准" is asked about as 电商示范村的标准 / 条件; the bare 电商示范村 names its award.
      const titled = clause.title.replace(STANDARD_TITLE, "").replace(/^[\u4e00-\u9fff]{1,4}?[省市县区]/, "");
      const keywords = [clause.title, ...(titled.length >= 2 ? [`${titled}标准`, `${titled}条件`, `${titled}认定`] : [])];
      notes.push({ clause: clause.id, kind: "definition", title: clause.title, quote: text, keywords });
      continue;
    }
    // "原来那个暂行办法还管用吗": the sentence repealing it, named by the old title's words.
    const repeal = clause.childIds.length === 0 ? REPEALS.exec(text) : null;
    if (repeal) {
      const old = repeal[1]!;
      // Its title with and without the place, 暂行/试行, and the year of its number ("2021年那个办法").
      const year = /[〔［\[(（](\d{4})[〕］\])）]/.exec(repeal[0])?.[1];
      const named = [old, old.replace(/^[\u4e00-\u9fff]{1,5}?[省市县区]/, ""), /暂行|试行/.exec(old)?.[0] ?? "", year ? `${year}年` : ""].filter((w) => w.length >= 2);
      notes.push({ clause: clause.id, kind: "repeal", title: `原《${old}》`, quote: repeal[0], keywords: [...new Set([...named, "废止"])] });
    }
    // A clause with children speaks through them; the signature block says nothing to an applicant.
    if (clause.childIds.length > 0) continue;
    // Every line that defines a term (an attachment of definitions holds several).
    const defined = text.split("\n").flatMap((line) => {
      const term = DEFINES.exec(line.trim());
      return term ? [{ word: (term[1] ?? term[2])!, quote: line.trim() }] : [];
    });
    for (const { word, quote } of defined) notes.push({ clause: clause.id, kind: "definition", title: `“${word}”的含义`, quote, keywords: [word] });
    if (defined.length === 0 && PROCEDURE.test(text.replace(WRONGDOING, ""))) {
      const keywords = PROCEDURE_WORDS.filter((w) => text.includes(w));
      notes.push({ clause: clause.id, kind: "procedure", title: clause.title || "申报程序", quote: text, keywords });
    }
  }
  return notes;
}
