/** Placeholder: rules of miluo-2017 not yet encoded (validated, loads, evaluates to nothing). */
import type { PolicyRuleFile } from "../ruleSchema.js";

export default {
  policy: "miluo-2017",
  rules: [],
} satisfies PolicyRuleFile;
