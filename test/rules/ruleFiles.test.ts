/** Rule files are YAML data found in their folder; bad files fail in one line naming file, line, rule and field. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { buildRuleBook } from "../../rules/evaluatePolicy.js";
import { codeStamp, readRuleFiles, readYamlFile, RULES_DIR, validateOnce } from "../../rules/ruleFiles.js";
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

    it("validates a text once per key: the same text and key come from the cache, a changed text or key is validated again", () => {
      const dir = folder({ "pingyin-2020.yaml": RULE });
      const cacheDir = folder({});
      const file = join(dir, "pingyin-2020.yaml");
      const calls: string[] = [];
      const validate = (key: string) => validateOnce(readYamlFile(file, { cacheDir }), key, () => (calls.push(key), { checked: key, at: calls.length }));
      expect(validate("a")).toEqual({ checked: "a", at: 1 });
      expect(validate("a")).toEqual({ checked: "a", at: 1 });
      expect(validate("b")).toEqual({ checked: "b", at: 2 });
      writeFileSync(file, RULE.replace("amount: 5万元", "amount: 6万元"));
      expect(validate("a")).toEqual({ checked: "a", at: 3 });
      expect(calls).toEqual(["a", "b", "a"]);
    });

    it("never trusts a damaged validated entry, never caches a failed validation, and caches only plain data", () => {
      const dir = folder({ "pingyin-2020.yaml": RULE });
      const cacheDir = folder({});
      const file = join(dir, "pingyin-2020.yaml");
      let calls = 0;
      const validate = (result: () => unknown) => validateOnce(readYamlFile(file, { cacheDir }), "k", () => (calls++, result()));
      expect(() => validate(() => { throw new Error("bad file"); })).toThrow("bad file");
      expect(readdirSync(cacheDir).filter((n) => n.endsWith(".valid.v8"))).toEqual([]);
      validate(() => ({ amount: 500000 }));
      const [entry] = readdirSync(cacheDir).filter((n) => n.endsWith(".valid.v8"));
      const bytes = readFileSync(join(cacheDir, entry!));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2); // one flipped bit in the payload
      writeFileSync(join(cacheDir, entry!), bytes);
      expect(validate(() => ({ amount: 500000 }))).toEqual({ amount: 500000 });
      writeFileSync(join(cacheDir, entry!), bytes.subarray(0, 40)); // truncated
      expect(validate(() => ({ amount: 500000 }))).toEqual({ amount: 500000 });
      expect(calls).toBe(4);
      expect(validate(() => ({ amount: 500000 }))).toEqual({ amount: 500000 });
      expect(calls).toBe(4);
      // A class instance would come back as a plain object: such a result is validated every time.
      class Checked {}
      const other = (result: () => unknown) => validateOnce(readYamlFile(file, { cacheDir }), "class", result);
      expect(other(() => new Checked())).toBeInstanceOf(Checked);
      expect(other(() => new Checked())).toBeInstanceOf(Checked);
    });

    it("gives the same rule book from cached validations as from validating (and a bad file still fails with its line)", () => {
      const dir = folder({ "pingyin-2020.yaml": RULE });
      const cacheDir = folder({});
      const fresh = buildRuleBook(readRuleFiles(dir, { cacheDir: false }));
      buildRuleBook(readRuleFiles(dir, { cacheDir }));
      expect(readdirSync(cacheDir).filter((n) => n.endsWith(".valid.v8"))).toHaveLength(1);
      const cached = buildRuleBook(readRuleFiles(dir, { cacheDir }));
      expect(JSON.stringify([...cached.files])).toBe(JSON.stringify([...fresh.files]));
      writeFileSync(join(dir, "pingyin-2020.yaml"), RULE.replace("amount: 5万元", "amount: 5万美金"));
      expect(oneLineError(() => buildRuleBook(readRuleFiles(dir, { cacheDir })))).toMatch(/pingyin-2020\.yaml:9: rule "flagship-store": amount/);
    });

    it("stamps the validating code: another text of a module is another stamp", () => {
      const module = join(folder({ "schema.ts": "export const a = 1;\n" }), "schema.ts");
      const before = codeStamp(pathToFileURL(module).href);
      expect(codeStamp(pathToFileURL(module).href)).toBe(before);
      writeFileSync(module, "export const a = 2;\n");
      expect(codeStamp(pathToFileURL(module).href)).not.toBe(before);
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
