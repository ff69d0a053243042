/** The fact vocabulary is data (rules/facts.yaml): read and validated in one place, with one-line errors. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FACT_UNITS } from "../../rules/factTypes.js";
import { factTypesSource } from "../../rules/factTypesSource.js";
import { FACT_NAMES, FACTS } from "../../rules/facts.js";
import { loadVocabulary, VOCABULARY_FILE } from "../../rules/vocabulary.js";
import { oneLineError } from "./support/oneLineError.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "facts-"));
  dirs.push(dir);
  writeFileSync(join(dir, "facts.yaml"), text);
  return join(dir, "facts.yaml");
}

const errorOf = (text: string): string => oneLineError(() => loadVocabulary(file(text)));

describe("the fact vocabulary file", () => {
  it("is where every fact the code names comes from, with its unit", () => {
    for (const [name, unit] of Object.entries(FACT_UNITS)) expect(FACTS[name as keyof typeof FACT_UNITS].unit).toBe(unit);
    expect(FACT_NAMES.length).toBe(Object.keys(loadVocabulary().facts).length);
  });

  it("is the same vocabulary when it comes from the validated cache (an unchanged file is not validated again)", () => {
    // A text of its own, so the first load validates it and the second is served from the cache.
    const own = file(`${readFileSync(VOCABULARY_FILE, "utf8")}\n# ${process.pid} ${Date.now()} ${Math.random()}\n`);
    const validated = loadVocabulary(own);
    const cached = loadVocabulary(own);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(validated));
    expect(cached).toEqual(validated);
  });

  it("matches the generated TypeScript names (npm run facts:types)", () => {
    expect(readFileSync(new URL("../../rules/factTypes.ts", import.meta.url), "utf8")).toBe(factTypesSource(loadVocabulary(VOCABULARY_FILE)));
  });

  it("reads bare as a number written without a unit, and gives money its usual units", () => {
    const v = loadVocabulary(file(`facts:
  exportSales:
    unit: fen
    label: 出口额
    cues: [{ words: [出口额], side: ba }]
  booths:
    unit: count
    label: 展位数
    plausible: [0, 500]
    written: [bare, 个]
`));
    expect(v.facts.exportSales!.written).toEqual(["", "元"]);
    expect(v.facts.booths!.written).toEqual(["", "个"]);
    expect(v.notFacts).toEqual([]);
  });

  it("names file, line, fact and field of a bad entry in one line", () => {
    const message = errorOf(`facts:
  booths:
    unit: count
    label: 展位数
    plausible: [0, 500]
    cues:
      - { words: [展位], side: before }
`);
    expect(message).toMatch(/facts\.yaml:7: fact "booths": cues\.0\.side: /);
  });

  it("refuses fields that do not fit the unit, an enum without values, and unknown fields", () => {
    expect(errorOf(`facts:\n  shop:\n    unit: bool\n    label: 店\n    cues: [{ words: [店], side: a }]\n`)).toMatch(/fact "shop": cues: only numeric facts/);
    expect(errorOf(`facts:\n  level:\n    unit: enum\n    label: 级别\n`)).toMatch(/fact "level": values: an enum fact lists its values/);
    expect(errorOf(`facts:\n  level:\n    unit: day\n    label: 级别\n    plausibel: 3\n`)).toMatch(/fact "level": .*plausibel/);
    expect(errorOf(`facts:\n  booths:\n    unit: count\n    label: 展位数\n`)).toMatch(/fact "booths": plausible: a count fact states its plausible range/);
    expect(errorOf(`facts:\n  days:\n    unit: day\n    label: 天数\n    plausible: [9, 1]\n`)).toMatch(/fact "days": plausible: min is above max/);
    expect(errorOf(`facts:\n  Level:\n    unit: count\n    label: 级别\n`)).toMatch(/facts\.Level|fact "Level"/);
  });

  it("checks the phrase fields of enum facts: words of known values, one applicant, implied kinds that exist", () => {
    const kinds = `  kind:\n    unit: enum\n    label: 主体\n    values: { shop: 网店 }\n    pick: applicant\n    words: { shop: [网店] }\n`;
    expect(errorOf(`facts:\n  title:\n    unit: enum\n    label: 称号\n    values: { town: 淘宝镇 }\n    pick: last\n    words: { village: [淘宝村] }\n`)).toMatch(/fact "title": words\.village: "village" is not one of the values/);
    expect(errorOf(`facts:\n  title:\n    unit: enum\n    label: 称号\n    values: { town: 淘宝镇 }\n    pick: last\n`)).toMatch(/fact "title": pick: a fact read as phrases lists its words/);
    expect(errorOf(`facts:\n  title:\n    unit: enum\n    label: 称号\n    values: { town: 淘宝镇 }\n    pick: last\n    words: { town: [淘宝镇] }\n    broad: { town: [镇] }\n`)).toMatch(/fact "title": broad: only the applicant fact/);
    expect(errorOf(`facts:\n${kinds}  other:\n    unit: enum\n    label: 主体\n    values: { shop: 网店 }\n    pick: applicant\n    words: { shop: [店] }\n`)).toMatch(/fact "other": pick: only one fact is the applicant/);
    expect(errorOf(`facts:\n${kinds}  title:\n    unit: enum\n    label: 称号\n    values: { town: 淘宝镇 }\n    pick: last\n    words: { town: [淘宝镇] }\n    applicant: { town: town }\n`)).toMatch(/fact "title": applicant\.town: "town" is no value of the applicant fact/);
    expect(errorOf(`facts:\n  since:\n    unit: year\n    label: 年份\n    opened: { verbs: [办], measures: [个], things: [店] }\n`)).toMatch(/fact "since": opened: only date facts/);
  });

  it("understands a word written with 电商 written out as 电子商务 too", () => {
    const v = loadVocabulary(file(`facts:\n  title:\n    unit: bool\n    label: 称号\n    aliases: [电商村]\n    denies: [非电商村]\n`));
    expect(v.facts.title!.aliases).toEqual(["电商村", "电子商务村"]);
    expect(v.facts.title!.denies).toEqual(["非电商村", "非电子商务村"]);
  });

  it("an earlier-years fact names a fact of its unit", () => {
    expect(errorOf(`facts:\n  sales:\n    unit: fen\n    label: 销售额\n  before:\n    unit: fen\n    label: 以前\n    earlierOf: sale\n`)).toMatch(/fact "before": earlierOf: "sale" is no fact of unit fen/);
    expect(errorOf(`facts:\n  days:\n    unit: day\n    label: 天数\n  before:\n    unit: fen\n    label: 以前\n    earlierOf: days\n`)).toMatch(/earlierOf: "days" is no fact of unit fen/);
  });

  it("names the file when it is not valid YAML or missing", () => {
    expect(errorOf(`facts:\n  a: [unclosed\n`)).toMatch(/facts\.yaml:\d+: not valid YAML/);
    expect(() => loadVocabulary("/nonexistent/facts.yaml")).toThrow(/\/nonexistent\/facts\.yaml: cannot read the fact vocabulary \(ENOENT\)/);
  });
});
