/**
 * The registry of policy rule files, in the order policies.json lists them. Each file is plain data
 * validated by ../ruleSchema.ts when the rule book loads.
 */
import dongying from "./dongying-2020.js";
import liaocheng from "./liaocheng-2022.js";
import miluo from "./miluo-2017.js";
import pingyin from "./pingyin-2020.js";
import yeji from "./yeji-2017.js";

export interface RuleFileEntry {
  /** Where the data lives, for error messages. */
  source: string;
  data: unknown;
}

export const POLICY_RULE_FILES: readonly RuleFileEntry[] = [
  { source: "rules/policies/pingyin-2020.ts", data: pingyin },
  { source: "rules/policies/dongying-2020.ts", data: dongying },
  { source: "rules/policies/liaocheng-2022.ts", data: liaocheng },
  { source: "rules/policies/miluo-2017.ts", data: miluo },
  { source: "rules/policies/yeji-2017.ts", data: yeji },
];
