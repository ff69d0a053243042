/**
 * Caps as the minimum of several, each with its own clause and words: "每家企业最高补贴40万元",
 * "不得超过企业对地方贡献数的20%". A cap whose input is unknown cannot bind yet: it is reported as a
 * condition to meet (and shown in the trace), not as a missing fact, so the computed amount stands as
 * a ceiling. A range is capped at each end: "七八万 × 30% = 2.1万元至2.4万元" under a 2万元 cap is 2万元.
 */
import { formatFenRange } from "../money.js";
import type { Amount, Cap } from "../ruleSchema.js";
import { highOf, indent, type AmountEvaluator, type CompileContext } from "./mechanism.js";

export function compileCapMin(node: { of: Amount; caps: Cap[] }, ctx: CompileContext): AmountEvaluator {
  const of = ctx.amount(node.of);
  const caps = node.caps.map((c) => ({
    amount: ctx.amount(c.amount),
    label: c.label,
    cite: `“${c.quote}”${c.clause && c.clause !== ctx.clause ? `（${c.clause}）` : ""}`,
  }));
  return (facts) => {
    const base = of(facts);
    if (base.valueFen === null) return base;
    const lines = [...base.lines];
    const unchecked = [...(base.unchecked ?? [])];
    let valueFen = base.valueFen;
    let highFen = highOf(base)!;
    let binding: string | null = null;
    for (const cap of caps) {
      const c = cap.amount(facts);
      if (c.valueFen === null) {
        const what = c.missing.length ? `（缺：${c.missing.join("、")}）` : "";
        lines.push(`上限「${cap.label}」无法核算${what}：${cap.cite}，须另行满足`);
        unchecked.push(`${cap.label}：${cap.cite}`);
        continue;
      }
      const capHigh = highOf(c)!;
      lines.push(`上限「${cap.label}」${formatFenRange(c.valueFen, capHigh)}：${cap.cite}`, ...indent(c.lines));
      if (c.valueFen < valueFen || capHigh < highFen) binding = cap.label;
      valueFen = Math.min(valueFen, c.valueFen);
      highFen = Math.min(highFen, capHigh);
    }
    const shown = formatFenRange(valueFen, highFen);
    lines.push(binding ? `取最小值：${shown}（受「${binding}」限制）` : `未超过上限：${shown}`);
    return { valueFen, ...(highFen !== valueFen ? { highFen } : {}), lines, missing: [], unchecked, straddles: base.straddles };
  };
}
