/** The text of rules/factTypes.ts for a vocabulary (see scripts/factTypes.ts). */
import type { Vocabulary } from "./vocabulary.js";

export function factTypesSource(vocabulary: Vocabulary): string {
  const facts = Object.entries(vocabulary.facts);
  const units = facts.map(([name, spec]) => `  ${name}: "${spec.unit}",`);
  const values = facts.flatMap(([name, spec]) => (spec.values ? [`  ${name}: [${Object.keys(spec.values).map((v) => `"${v}"`).join(", ")}],`] : []));
  return [
    "// Generated from rules/facts.yaml by `npm run facts:types`. Do not edit: change the YAML and run it again.",
    "",
    "/** The unit of every fact the code names. */",
    "export const FACT_UNITS = {",
    ...units,
    "} as const;",
    "",
    "/** The values of every enum fact. */",
    "export const FACT_VALUES = {",
    ...values,
    "} as const;",
    "",
  ].join("\n");
}
