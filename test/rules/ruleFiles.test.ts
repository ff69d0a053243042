/** Rule files are YAML data found in their folder; bad files fail in one line naming file, line, rule and field. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { buildRuleBook } from "../../rules/evaluatePolicy.js";
import { readRuleFiles, readYamlFile, RULES_DIR } from "../../rules/ruleFiles.js";
import { oneLineError } from "./support/oneLineError.js";

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "rules-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));


const RULE = `policy: pingyin-2020
rules:
  - id: flagship-store
    title: 新开设电商旗舰店奖励
    clause: pingyin-2020:三/(二)/3
    quote: 对本年度在阿里、京东、苏宁、拼多多等主流电商平台开设旗舰店的企业，每家给予一次性奖励5万元。
    entityTypes: [ company ]
    keywords: [ 旗舰店 ]
    amount: 5万元
    upTo: false
`;

describe("rule files", () => {
  it("finds every policy's file in rules/policies without a registry", () => {
    const sources = readRuleFiles().map((e) => e.source);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const s of sources) expect(s).toMatch(/rules\/policies\/[a-z0-9-]+\.yaml$/);
  });

  it("loads a new file dropped into the folder, in policies.json order", () => {
    const dir = folder({ "pingyin-2020.yaml": RULE, "dongying-2020.yaml": "policy: dongying-2020\nrules: []\n" });
    const book = buildRuleBook(readRuleFiles(dir));
    expect([...book.policies.keys()]).toEqual(["pingyin-2020", "dongying-2020"]);
    expect(book.policies.get("pingyin-2020")!.rules[0]!.id).toBe("flagship-store");
  });

  it("names the file and the line of a bad field", () => {
    const dir = folder({ "pingyin-2020.yaml": RULE.replace("amount: 5万元", "amount: 5万美金") });
    expect(oneLineError(() => buildRuleBook(readRuleFiles(dir)))).toMatch(/pingyin-2020\.yaml:9: rule "flagship-store": amount/);
  });

  it("names the file and the line of a YAML syntax error or a repeated key", () => {
    const bad = folder({ "pingyin-2020.yaml": RULE.replace("    upTo: false", "   upTo: [false") });
    expect(oneLineError(() => readRuleFiles(bad))).toMatch(/pingyin-2020\.yaml:\d+: not valid YAML/);
    const twice = folder({ "pingyin-2020.yaml": RULE + "    upTo: true\n" });
    expect(oneLineError(() => readRuleFiles(twice))).toMatch(/pingyin-2020\.yaml:11: not valid YAML: .*unique/i);
  });

  it("rejects a file whose name is not its policy id, and other file kinds", () => {
    expect(oneLineError(() => readRuleFiles(folder({ "pingyin.yaml": RULE })))).toMatch(/pingyin\.yaml: policy "pingyin-2020" must be in a file named pingyin-2020\.yaml/);
    expect(oneLineError(() => readRuleFiles(folder({ "pingyin-2020.yml": RULE })))).toMatch(/pingyin-2020\.yml: not a rule file/);
  });

  it("keeps the quotes of the law verbatim in the data (no folded lines)", () => {
    const text = readFileSync(join(RULES_DIR, "liaocheng-2022.yaml"), "utf8");
    expect(text).toContain("quote: 政策施行期内，市外电商企业在聊分支机构转为入库纳统的法人企业后，给予企业5万元的一次性奖励，全市奖励金额不超过100万元。");
  });

  describe("parsed-data cache", () => {
    it("parses a text once: the same text is served from the cache, a changed text is parsed again", () => {
      const dir = folder({ "pingyin-2020.yaml": RULE });
      const cacheDir = folder({});
      const file = join(dir, "pingyin-2020.yaml");
      expect(readYamlFile(file, { cacheDir }).data).toMatchObject({ policy: "pingyin-2020" });
      const [entry] = readdirSync(cacheDir);
      expect(readdirSync(cacheDir)).toHaveLength(1);
      // What the cache holds is what comes back: the YAML was not parsed again.
      writeFileSync(join(cacheDir, entry!), serialize({ policy: "served-from-cache" }));
      expect(readYamlFile(file, { cacheDir }).data).toEqual({ policy: "served-from-cache" });
      writeFileSync(file, RULE.replace("amount: 5万元", "amount: 6万元"));
      expect(readYamlFile(file, { cacheDir }).data).toMatchObject({ rules: [{ amount: "6万元" }] });
      expect(readdirSync(cacheDir)).toHaveLength(2);
    });

    it("still names the line of a bad field when the data came from the cache", () => {
      const dir = folder({ "pingyin-2020.yaml": RULE.replace("amount: 5万元", "amount: 5万美金") });
      const cacheDir = folder({});
      readRuleFiles(dir, { cacheDir });
      expect(readdirSync(cacheDir)).toHaveLength(1);
      expect(oneLineError(() => buildRuleBook(readRuleFiles(dir, { cacheDir })))).toMatch(/pingyin-2020\.yaml:9: rule "flagship-store": amount/);
    });

    it("never caches a syntax error, and works without a writable cache", () => {
      const cacheDir = folder({});
      const bad = folder({ "pingyin-2020.yaml": RULE.replace("    upTo: false", "   upTo: [false") });
      expect(oneLineError(() => readRuleFiles(bad, { cacheDir }))).toMatch(/pingyin-2020\.yaml:\d+: not valid YAML/);
      expect(readdirSync(cacheDir)).toEqual([]);
      const notAFolder = join(folder({ file: "x" }), "file");
      const good = folder({ "pingyin-2020.yaml": RULE });
      expect(readRuleFiles(good, { cacheDir: notAFolder })[0]!.data).toMatchObject({ policy: "pingyin-2020" });
    });
  });
});
