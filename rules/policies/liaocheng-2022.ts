/** Placeholder: rules of liaocheng-2022 not yet encoded (validated, loads, evaluates to nothing). */
import type { PolicyRuleFile } from "../ruleSchema.js";

export default {
  policy: "liaocheng-2022",
  rules: [],
} satisfies PolicyRuleFile;
