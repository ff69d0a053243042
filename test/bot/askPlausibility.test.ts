/** Plausible ranges (issue 9 item 4), through `ask --json`: a figure no applicant could have is asked back, never computed. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const SITES = "叶集 我们公司2017年新建了2万个村级电商服务站点 能补多少";
let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    implausible: [SITES],
    plausible: ["叶集 我们公司2017年新建了20个村级电商服务站点 能补多少"],
    approximate: ["叶集 我们公司2017年新建了七八千个村级电商服务站点 能补多少"],
    confirmed: [SITES, "对，就是2万个"],
    corrected: [SITES, "不对，是20个"],
    followers: ["平阴 我是带货主播 抖音粉丝50亿 能拿多少"],
  });
}, 180_000);

const siteAward = (id: string) => answers[id]!.awards.find((a) => a.clause === "yeji-2017:五/13");

describe("ask --json: a figure outside its fact's plausible range", () => {
  it("is asked back in the user's words and computes nothing", () => {
    const a = answers.implausible!;
    expect(a.status).toBe("needs_info");
    expect(a.missing).toEqual(["sites"]);
    expect(a.text).toContain("2万个村级电商服务站点？请确认站点数");
    expect(a.awards).toEqual([]);
    expect(a.text).not.toMatch(/亿元/);
  });

  it("is computed when plausible (the same sentence with 20 sites gets the per-site award)", () => {
    expect(answers.plausible!.status).toBe("answered");
    expect(siteAward("plausible")?.amountFen).toBe(40_000_000);
  });

  it("is asked back when the whole of an approximate figure is outside the range", () => {
    expect(answers.approximate!.status).toBe("needs_info");
    expect(answers.approximate!.text).toContain("七八千个村级电商服务站点？请确认站点数");
  });

  it("counts once the user confirms it, and the user's correction replaces it", () => {
    expect(siteAward("confirmed")?.eligible, answers.confirmed!.text).toBe(true);
    expect(siteAward("corrected")?.amountFen, answers.corrected!.text).toBe(40_000_000);
  });

  it("applies to every count fact with a range, e.g. followers", () => {
    expect(answers.followers!.status).toBe("needs_info");
    expect(answers.followers!.missing).toEqual(["followers"]);
    expect(answers.followers!.text).toContain("粉丝50亿？请确认粉丝数");
  });
});
