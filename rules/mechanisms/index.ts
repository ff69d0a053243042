/**
 * The mechanism registry: compiles an amount tree by dispatching each node to its mechanism file.
 * Conditions compile in ../conditions.ts.
 */
import { compileCondition } from "../conditions.js";
import type { Amount } from "../ruleSchema.js";
import { compileCapMin } from "./capMin.js";
import { compileFixed } from "./fixed.js";
import type { AmountEvaluator, CompileContext } from "./mechanism.js";
import { compileNotComputable } from "./notComputable.js";
import { compilePercentOf } from "./percentOf.js";
import { compilePerUnit } from "./perUnit.js";
import { compileProduct } from "./product.js";
import { compileRankTable } from "./rankTable.js";
import { compileSum } from "./sum.js";
import { compileTierTable } from "./tierTable.js";
import { compileWhen } from "./when.js";

/** Compiles a (validated) amount tree for the rule citing `clause`. */
export function compileAmount(node: Amount, clause: string): AmountEvaluator {
  const ctx: CompileContext = { amount: (n) => compileAmount(n, clause), condition: compileCondition, clause };
  if (typeof node === "string") return compileFixed({ amount: node });
  switch (node.mechanism) {
    case "fixed":
      return compileFixed(node);
    case "tierTable":
      return compileTierTable(node, ctx);
    case "perUnit":
      return compilePerUnit(node);
    case "percentOf":
      return compilePercentOf(node, ctx);
    case "product":
      return compileProduct(node, ctx);
    case "sum":
      return compileSum(node, ctx);
    case "capMin":
      return compileCapMin(node, ctx);
    case "rankTable":
      return compileRankTable(node, ctx);
    case "when":
      return compileWhen(node, ctx);
    case "notComputable":
      return compileNotComputable(node);
  }
}
