/**
 * Clause notes read off a document's text, for a policy whose staff have written none (a policy just added
 * through README "Adding a policy"): its procedure ("申报单位应提交以下材料", "审核并公示无异议后拨付") and
 * its definitions ("网络销售额：指…", "本办法所称项目资金，是指…"). Each quotes its clause as written; the
 * plain sentence is the kind's own, so no figure or judgement is added. A clause that gives money is a
 * provision, never a note.
 */
import type { Clause } from "../../knowledge/clause.js";
import type { ClauseNote } from "../ruleSchema.js";
import { givesStatedMoney } from "./draftRule.js";

/** The heading number a clause's text opens with: 第十一条, 三、, （一）, 1． (a definition keeps its own). */
const HEADING_NUMBER = /^(?:第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、|[（(][^）)]{1,3}[）)])\s*/;
/** How to apply: who applies, what to hand in, who reviews, when it is paid. */
const PROCEDURE = /(?:申报|申请|申领)[^。]{0,40}(?:提交|报送|材料|审核|初审|复核|公示|受理)|(?:提交|报送)[^。]{0,30}材料|(?:审核|复核|核查)[^。]{0,30}公示|公示[^。]{0,12}(?:无异议|工作日)/;
/** Words of a procedure a question about it uses, when the clause has them. */
const PROCEDURE_WORDS = ["申报", "申请", "材料", "审核", "公示", "拨付", "受理"];
/** A term defined: "1．网络销售额：指…", "“共同配送网点”是指…", "本办法所称项目资金，是指…". */
const DEFINES = /^(?:[\d一二三四五六七八九十]+[.．、]\s*)?“?([^“”：:，,。；;\s]{2,14}?)”?(?:[：:]\s*(?:是指|指)|是指)|所称“?([^“”，,。；;\s]{2,14}?)”?[，,]?是?指/;

/** The notes of a policy's clauses: one per clause that states a procedure or defines a term. */
export function textNotes(clauses: readonly Clause[]): ClauseNote[] {
  const notes: ClauseNote[] = [];
  for (const clause of clauses) {
    // A clause with children speaks through them; the signature block says nothing to an applicant.
    if (clause.childIds.length > 0 || clause.path[0] === "落款") continue;
    const text = clause.text.replace(HEADING_NUMBER, "").trim();
    if (givesStatedMoney(text)) continue;
    // Every line that defines a term (an attachment of definitions holds several).
    const defined = text.split("\n").flatMap((line) => {
      const term = DEFINES.exec(line.trim());
      return term ? [{ word: (term[1] ?? term[2])!, quote: line.trim() }] : [];
    });
    for (const { word, quote } of defined) notes.push({ clause: clause.id, kind: "definition", title: `“${word}”的含义`, quote, keywords: [word] });
    if (defined.length === 0 && PROCEDURE.test(text)) {
      const keywords = PROCEDURE_WORDS.filter((w) => text.includes(w));
      notes.push({ clause: clause.id, kind: "procedure", title: clause.title || "申报程序", quote: text, keywords });
    }
  }
  return notes;
}
