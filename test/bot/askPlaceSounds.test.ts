/** Region names typed with a same-sound character (a phone's pinyin input), through `ask --json`. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(
    {
      dongying: ["东莹 龙头企业奖励", "21年网零8500万", "全市第一"],
      pingyin: ["平因 带货达人 粉丝大几十万 2021年卖了小二百万 补帖多少"],
      yeji: ["业集 淘宝C店 运行一年多了 18年首次破50万 有奖不"],
      nothingFits: ["业集 有啥政策"],
    },
    "2026-12-02",
  );
}, 180_000);

describe("ask: a region name typed by sound", () => {
  it("is read as the region when the message fits its policy, and the reply says which place it understood", () => {
    expect(answers.pingyin!.text).toContain("「平因」按平阴县理解");
    expect(answers.pingyin!.awards.find((a) => a.clause === "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(answers.yeji!.text).toContain("「业集」按叶集区理解");
    expect(answers.yeji!.awards.find((a) => a.clause === "yeji-2017:五/14")).toMatchObject({ eligible: true, amountFen: 500_000 });
  });
  it("carries the region through the conversation (东莹 … 21年网零8500万 … 全市第一 → 50万)", () => {
    expect(answers.dongying!.awards.find((a) => a.clause === "dongying-2020:三/(三)")).toMatchObject({ eligible: true, amountFen: 50_000_000 });
  });
  it("is no place when nothing else in the message fits: the region is asked for", () => {
    expect(answers.nothingFits!.missing).toContain("region");
  });
});
