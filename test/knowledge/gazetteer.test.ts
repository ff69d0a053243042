import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gazetteerNames, loadGazetteer } from "../../knowledge/gazetteer.js";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { loadPolicyMeta } from "../../knowledge/policyMeta.js";

describe("gazetteer", () => {
  it("lists the 34 provincial-level and 333 prefecture-level divisions", () => {
    const divisions = loadGazetteer();
    expect(divisions.filter((d) => d.province === d.name)).toHaveLength(34);
    expect(divisions.filter((d) => d.province !== d.name)).toHaveLength(333);
  });

  it("writes each division with and without its suffix, and names the policies it holds", () => {
    const names = gazetteerNames(loadPolicyMeta(DEFAULT_POLICY_DIR));
    expect(names.filter((n) => n.name === "滨州市").map((n) => n.written)).toEqual(["滨州市", "滨州"]);
    expect(names.find((n) => n.written === "延边")?.name).toBe("延边朝鲜族自治州");
    expect(names.find((n) => n.written === "岳阳")?.contains).toEqual(["miluo-2017"]);
    expect(names.find((n) => n.written === "潍坊")?.contains).toEqual([]);
    // "阿里" is the platform in merchants' talk: only 阿里地区 written in full names the prefecture.
    expect(names.filter((n) => n.name === "阿里地区").map((n) => n.written)).toEqual(["阿里地区"]);
  });

  it("rejects a bad file with one line naming the file and the field", () => {
    const file = join(mkdtempSync(join(tmpdir(), "gazetteer-")), "bad.json");
    writeFileSync(file, JSON.stringify({ about: "", provinces: [{ name: "山东省", cities: ["滨"] }] }));
    expect(() => loadGazetteer(file)).toThrow(/bad\.json: provinces\.0\.cities\.0/);
  });
});
