import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { findPoliciesMentioned, loadPolicyMeta, PolicyMetaError, readPolicyMeta, regionAliases } from "../../knowledge/policyMeta.js";

const shipped = JSON.parse(readFileSync(join(DEFAULT_POLICY_DIR, "policies.json"), "utf8")) as { policies: Array<Record<string, unknown>> };
const dirs: string[] = [];

/** A temporary policy directory whose policies.json holds `policies`. */
function metaDir(policies: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-meta-"));
  dirs.push(dir);
  writeFileSync(join(dir, "policies.json"), typeof policies === "string" ? policies : JSON.stringify({ policies }));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadPolicyMeta", () => {
  it("loads the five shipped policies with typed fields", () => {
    const metas = loadPolicyMeta(DEFAULT_POLICY_DIR);
    expect(metas.map((m) => m.id)).toEqual(["pingyin-2020", "dongying-2020", "liaocheng-2022", "miluo-2017", "yeji-2017"]);
    const liaocheng = metas.find((m) => m.id === "liaocheng-2022")!;
    expect(liaocheng.status).toBe("draft");
    expect(liaocheng.issued).toBeNull();
    expect(liaocheng.region).toEqual({ province: "山东省", city: "聊城市", county: null });
  });

  it("names the file and the field of an unknown key, in one line", () => {
    const dir = metaDir([{ ...shipped.policies[0], validTill: "2022-12-31" }]);
    expect(() => loadPolicyMeta(dir)).toThrow(PolicyMetaError);
    expect(() => loadPolicyMeta(dir)).toThrow(`${join(dir, "policies.json")}: unknown key policies[0].validTill`);
    try {
      loadPolicyMeta(dir);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("names the field of an unknown key inside region", () => {
    const first = shipped.policies[0]!;
    const dir = metaDir([{ ...first, region: { ...(first.region as object), town: "x" } }]);
    expect(() => loadPolicyMeta(dir)).toThrow("unknown key policies[0].region.town");
  });

  it("rejects dates that are badly written or do not exist, naming the field", () => {
    expect(() => loadPolicyMeta(metaDir([{ ...shipped.policies[0], issued: "2020/07/20" }]))).toThrow(
      /policies\.json: policies\[0\]\.issued: expected a date written YYYY-MM-DD$/,
    );
    expect(() => loadPolicyMeta(metaDir([{ ...shipped.policies[0], validUntil: "2022-02-30" }]))).toThrow(
      /policies\[0\]\.validUntil: not a real calendar date/,
    );
  });

  it("says what to write for an empty province left from policy:import, naming the field", () => {
    const first = shipped.policies[0]!;
    expect(() => loadPolicyMeta(metaDir([{ ...first, region: { ...(first.region as object), province: "" } }]))).toThrow(
      /policies\[0\]\.region\.province: empty: write the province the policy belongs to \(e\.g\. 山东省\)/,
    );
  });

  it("rejects a status other than final or draft", () => {
    expect(() => loadPolicyMeta(metaDir([{ ...shipped.policies[0], status: "active" }]))).toThrow(/policies\[0\]\.status/);
  });

  it("reports a file that is not JSON as one line naming it", () => {
    const dir = metaDir("{ not json");
    expect(() => readPolicyMeta(dir)).toThrow(new RegExp(`^${join(dir, "policies.json").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
  });
});

describe("readPolicyMeta", () => {
  it("skips a bad or duplicate entry and keeps the others", () => {
    const [a, b] = shipped.policies;
    const { metas, problems, listedFiles } = readPolicyMeta(metaDir([a, { ...b, issued: "yesterday" }, { ...a, file: "other.txt" }]));
    expect(metas.map((m) => m.id)).toEqual(["pingyin-2020"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/policies\[1\]\.issued/);
    expect(problems[1]).toMatch(/policies\[2\]\.id: duplicate policy id "pingyin-2020"/);
    expect(listedFiles).toEqual(["pingyin-2020.txt", "dongying-2020.txt", "other.txt"]);
  });
});

describe("findPoliciesMentioned", () => {
  const metas = loadPolicyMeta(DEFAULT_POLICY_DIR);

  it("finds a region by its short, full and parent-city names", () => {
    expect(findPoliciesMentioned("平阴县的，抖音15万粉丝", metas)).toEqual(["pingyin-2020"]);
    expect(findPoliciesMentioned("我在济南平阴做电商", metas)).toEqual(["pingyin-2020"]);
    expect(findPoliciesMentioned("济南市平阴县的政策", metas)).toEqual(["pingyin-2020"]);
    expect(findPoliciesMentioned("岳阳汨罗 卖粽子", metas)).toEqual(["miluo-2017"]);
    expect(findPoliciesMentioned("六安叶集区 淘宝C店", metas)).toEqual(["yeji-2017"]);
    expect(findPoliciesMentioned("东营市 外贸企业", metas)).toEqual(["dongying-2020"]);
  });

  it("does not take a county's parent city alone for the county", () => {
    expect(findPoliciesMentioned("今天济南天气怎么样", metas)).toEqual([]);
    expect(findPoliciesMentioned("六安的政策", metas)).toEqual([]);
  });

  it("lists several regions in order of mention", () => {
    expect(findPoliciesMentioned("聊城和平阴哪个奖励多", metas)).toEqual(["liaocheng-2022", "pingyin-2020"]);
  });

  it("derives parent-city aliases from the region", () => {
    const pingyin = metas.find((m) => m.id === "pingyin-2020")!;
    expect(regionAliases(pingyin)).toEqual(expect.arrayContaining(["平阴", "平阴县", "济南平阴", "济南市平阴县", "济南平阴县"]));
    expect(regionAliases(pingyin)).not.toContain("济南");
  });
});
