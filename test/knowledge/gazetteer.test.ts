import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countyContains, gazetteerNames, loadCounties, loadGazetteer } from "../../knowledge/gazetteer.js";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { loadPolicyMeta } from "../../knowledge/policyMeta.js";
import { scratchDir } from "../support/scratchDir.js";

describe("gazetteer", () => {
  it("lists the 34 provincial-level, 333 prefecture-level and the county-level divisions", () => {
    const divisions = loadGazetteer();
    expect(divisions.filter((d) => d.province === d.name)).toHaveLength(34);
    expect(divisions.filter((d) => d.province !== d.name)).toHaveLength(333);
    const counties = loadCounties().byName;
    expect(counties.size).toBeGreaterThan(2700);
    expect(counties.get("博兴县")).toEqual({ province: "山东省", parent: "滨州市" });
    expect(counties.get("固始县")).toEqual({ province: "河南省", parent: "信阳市" });
    expect(counties.get("朝阳区")?.parent).toBe("北京市");
  });

  it("says which policy a county holds: its own county policy, or its city's policy", () => {
    const metas = loadPolicyMeta(DEFAULT_POLICY_DIR);
    const contains = (name: string) => countyContains(metas, name, loadCounties().byName.get(name)!);
    expect(contains("平阴县")).toEqual(["pingyin-2020"]);
    expect(contains("叶集区")).toEqual(["yeji-2017"]);
    expect(contains("垦利区")).toEqual(["dongying-2020"]);
    expect(contains("历城区")).toEqual([]);
    expect(contains("霍邱县")).toEqual([]);
    expect(contains("博兴县")).toEqual([]);
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

  it("rejects a bad gazetteer or county file with one line naming the file and the field", () => {
    const file = join(scratchDir("gazetteer-"), "bad.json");
    writeFileSync(file, JSON.stringify({ about: "", provinces: [{ name: "山东省", cities: ["滨"] }] }));
    expect(() => loadGazetteer(file)).toThrow(/bad\.json: provinces\.0\.cities\.0/);
    const divisions = [{ name: "山东省", aliases: [], province: "山东省" }, { name: "滨州市", aliases: [], province: "山东省" }];
    writeFileSync(file, JSON.stringify({ about: "", counties: { 滨州市: "博兴县 邹平" } }));
    expect(() => loadCounties(file, divisions)).toThrow(/bad\.json: counties\.滨州市 expected county-level names/);
    writeFileSync(file, JSON.stringify({ about: "", counties: { 信阳市: "固始县" } }));
    expect(() => loadCounties(file, divisions)).toThrow(/bad\.json: counties\.信阳市 is no province or prefecture/);
  });
});
