/**
 * `npm run facts:types`: writes rules/factTypes.ts, the TypeScript names of the facts in rules/facts.yaml
 * (name → unit, enum values). The YAML stays the one source; this file only lets the code name facts
 * with type checking. `--check` exits non-zero when the file is out of date (a test runs it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { factTypesSource } from "../rules/factTypesSource.js";
import { loadVocabulary, VocabularyError } from "../rules/vocabulary.js";

const TARGET = fileURLToPath(new URL("../rules/factTypes.ts", import.meta.url));

try {
  const text = factTypesSource(loadVocabulary());
  if (process.argv.includes("--check")) {
    if (readFileSync(TARGET, "utf8") !== text) {
      console.error("rules/factTypes.ts is out of date: run npm run facts:types");
      process.exit(1);
    }
  } else writeFileSync(TARGET, text);
} catch (error) {
  console.error(error instanceof VocabularyError ? error.message : String(error));
  process.exit(1);
}
