/** Sum of parts: "给予2.4万元一次性创业补贴…给予每个岗位2000元的一次性创业岗位开发补贴". Ranges add at each end. */
import { formatFenRange } from "../money.js";
import type { Amount, Condition } from "../ruleSchema.js";
import { addMissing, addStraddles, highOf, indent, type AmountEvaluator, type CompileContext, type Straddle } from "./mechanism.js";
import { factLabel, FACTS, type FactName, type Facts, type Quantity } from "../facts.js";
import { boundsOf } from "../quantity.js";

/**
 * "公共服务中心装修花了30万": parts of a whole (rules/facts.yaml `partOf`) the user left out while stating a sibling
 * part of the same whole, and no figure for the whole beyond the stated parts. Null when any missing fact is not
 * such a part (then the amount waits for it as before).
 */
function leftOut(missing: readonly FactName[], facts: Facts): FactName[] | null {
  const wholes = new Set(missing.map((f) => FACTS[f].partOf));
  if (missing.length === 0 || wholes.size !== 1) return null;
  const whole = [...wholes][0] as FactName | undefined;
  if (whole === undefined) return null;
  const stated = (Object.keys(facts) as FactName[]).filter((f) => FACTS[f].partOf === whole && facts[f] !== undefined);
  if (stated.length === 0) return null;
  // A whole stated beyond its stated parts ("共投了50万 其中装修30万") leaves the rest to a part not named.
  const total = facts[whole] as Quantity | undefined;
  const parts = stated.reduce((sum, f) => sum + boundsOf(facts[f] as Quantity).low, 0);
  if (total !== undefined && (boundsOf(total).high !== Infinity || boundsOf(total).low !== parts)) return null;
  return [...missing];
}

/** An add-on part (`when` with `extra`): "安排就餐的，再给予30元/人补助". */
const isExtra = (part: Amount) => typeof part === "object" && part !== null && "mechanism" in part && part.mechanism === "when" && part.extra === true;

export function compileSum(node: { parts: Amount[]; leftOutAsNone?: Condition }, ctx: CompileContext): AmountEvaluator {
  const parts = node.parts.map((p) => ctx.amount(p));
  const asNone = node.leftOutAsNone ? ctx.condition(node.leftOutAsNone) : null;
  const extras = node.parts.map(isExtra);
  const hasExtras = extras.filter(Boolean).length > 1;
  return (facts) => {
    const lines: string[] = [];
    const missing: FactName[] = [];
    const unchecked: string[] = [];
    const straddles: Straddle[] = [];
    const values: Array<[low: number, high: number]> = [];
    // Asked about this provision itself: a part the user left out (a sibling part of a whole, or a conditional
    // part of which they said nothing) counts as none, said so.
    const mayLeaveOut = asNone !== null && asNone(facts).value === true;
    const results = parts.map((part) => part(facts));
    // An add-on the user told of (管了饭) makes the add-ons they are silent on (上机) none.
    const toldExtra = hasExtras && results.some((r, i) => extras[i] && r.valueFen !== null);
    for (const [i, r] of results.entries()) {
      lines.push(`第${i + 1}部分：`, ...indent(r.lines));
      if (r.unchecked) unchecked.push(...r.unchecked);
      addStraddles(straddles, r.straddles);
      const notSaid =
        r.valueFen !== null || r.notReached ? null
        : toldExtra && extras[i] ? [...r.missing]
        : mayLeaveOut ? (r.unstated ? [...r.missing] : leftOut(r.missing, facts))
        : null;
      // A part below its own threshold adds nothing; it does not void the other parts.
      if (r.notReached) values.push([0, 0]);
      else if (notSaid) {
        values.push([0, 0]);
        const labels = notSaid.map(factLabel).join("、");
        lines.push(`  你没有说${labels}，这部分未计入`);
        unchecked.push(`${labels}你没有说，未计入（如有，按条文另计）`);
      } else if (r.valueFen === null) addMissing(missing, r.missing);
      else values.push([r.valueFen, highOf(r)!]);
    }
    const withStraddles = straddles.length > 0 ? { straddles } : {};
    if (missing.length > 0) return { valueFen: null, lines, missing, unchecked, ...withStraddles };
    const valueFen = values.reduce((a, [low]) => a + low, 0);
    const highFen = values.reduce((a, [, high]) => a + high, 0);
    lines.push(`合计：${values.map(([l, h]) => formatFenRange(l, h)).join(" + ")} = ${formatFenRange(valueFen, highFen)}`);
    return { valueFen, ...(highFen !== valueFen ? { highFen } : {}), lines, missing: [], unchecked, ...withStraddles };
  };
}
