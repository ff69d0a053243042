/**
 * Several quantities of one fact in one message: multiplied (3期 每期40人), listed (一场…另一场…, 又, years),
 * joined (3个…和1个…). Each test checks the sum, the parts with their years, and the words kept.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import type { ApproxValue } from "../../../rules/facts.js";
import { partsOf } from "../../../rules/quantity.js";

const asOf = "2022-06-01";
const read = (text: string) => extractFacts(text, { asOf });
const wan = (n: number) => Math.round(n * 1_000_000);

describe("a figure multiplied by a count", () => {
  it("好几场 每场都花了十来万: at least two events of 十来万, the events beyond two may not have been held (0 to 十来万)", () => {
    const e = read("2022年办了好几场直播大赛 每场都花了十来万").facts.expenses as ApproxValue;
    expect(e.words).toBe("好几场，每场都花了十来万");
    expect(e.parts).toHaveLength(9);
    expect(e.parts!.slice(0, 2).every((p) => p.low === wan(10) && p.words === "十来万" && p.year === 2022)).toBe(true);
    expect(e.parts!.slice(2).every((p) => p.low === 0 && p.high === e.parts![0]!.high)).toBe(true);
    expect(e.low).toBe(wan(20));
  });
  it("三四场 每场七八万 is three events for sure and a fourth that may have been held", () => {
    const e = read("2022年搞了三四场直播大赛 每场花费都在七八万").facts.expenses as ApproxValue;
    expect(e.parts!.map((p) => p.low)).toEqual([wan(7), wan(7), wan(7), 0]);
  });
  it("a bound is no count: 不到5场 每场花了4万 keeps one figure of 4万", () => {
    expect(read("2022年办了不到5场直播大赛 每场花了4万").facts.expenses).toBe(wan(4));
  });
  it("培训班一天 来了35个学员 … 2期: sessions counted after the trainees of one session multiply them (70, two parts of 35)", () => {
    const x = read("叶集 培训班一天 来了35个学员 管吃管住 有上机 2期");
    const trainees = x.facts.trainees as ApproxValue;
    expect(trainees).toMatchObject({ low: 70, high: 70, words: "35个，2期" });
    expect(trainees.parts!.map((p) => p.low)).toEqual([35, 35]);
    expect(x.facts.trainingDays).toBe(1);
  });
  it("一共来了90个学员 分3期: a total, and 分 divides it: 90 trainees, not 270", () => {
    expect(read("叶集 电商培训一天 管吃管住 分3期 一共来了90个学员").facts.trainees).toBe(90);
    expect(read("叶集 电商培训一天 来了90个学员 分成3期").facts.trainees).toBe(90);
  });
  it("money is not multiplied by sessions said after it: 花了8万 办了2场 is what the two cost", () => {
    expect(read("2021年直播大赛花了8万 办了2场").facts.expenses).toBe(wan(8));
  });
  it("3期 每期45个人 is 135 trainees, three parts of 45; 每期2天 stays the days of one session", () => {
    const x = read("叶集 搞电商培训 一共办了3期 每期2天 每期45个人 管吃管住");
    const trainees = x.facts.trainees as ApproxValue;
    expect(trainees).toMatchObject({ low: 135, high: 135, words: "3期，每期45个人" });
    expect(trainees.parts).toHaveLength(3);
    expect(trainees.parts!.every((p) => p.low === 45 && p.words === "45个人")).toBe(true);
    expect(x.facts.trainingDays).toBe(2);
    expect(x.sources.trainees).toBe("3期，每期45个人");
  });
  it("每期半天 50个人: the 每期 of the figure just before governs the count after it (100 trainees)", () => {
    const trainees = read("叶集 办了两期电商培训 每期半天 50个人 管饭").facts.trainees as ApproxValue;
    expect(trainees).toMatchObject({ low: 100, high: 100 });
    expect(trainees.parts).toHaveLength(2);
  });
  it("2场 每场实际花了8万 is two events of 8万 (a spend, not the policy's rate)", () => {
    const e = read("2021年承办了2场直播大赛 每场实际花了8万").facts.expenses as ApproxValue;
    expect(e).toMatchObject({ low: wan(16), high: wan(16) });
    expect(e.parts).toEqual([
      { low: wan(8), high: wan(8), words: "8万", year: 2021 },
      { low: wan(8), high: wan(8), words: "8万", year: 2021 },
    ]);
  });
  it("三回 每回都花了8万 is three events of 8万 (回 counts events as 次 and 场 do)", () => {
    const e = read("2021年办了三回直播大赛 每回都花了8万").facts.expenses as ApproxValue;
    expect(e).toMatchObject({ low: wan(24), high: wan(24), words: "三回，每回都花了8万" });
    expect(e.parts).toHaveLength(3);
    expect(e.parts!.every((p) => p.low === wan(8) && p.words === "8万" && p.year === 2021)).toBe(true);
  });
  it("三个行政村各建了一个网点 is 3 sites", () => {
    const x = read("三个行政村各建了一个网点");
    expect(x.facts.sites).toMatchObject({ low: 3, high: 3, words: "三个行政村各建了一个" });
  });
  it("一 with the measure word and noun of a count said before is each of them, as 每 is (三个班 一个班40人 = 120)", () => {
    const x = read("搞了三个班的电商培训 一个班40个人");
    expect(x.facts.trainees).toMatchObject({ low: 120, high: 120 });
    expect((x.facts.trainees as ApproxValue).parts).toHaveLength(3);
    expect(read("直播大赛办了2场 一场实际花了6万").facts.expenses).toMatchObject({ low: wan(12), high: wan(12) });
  });
  it("一X is not each when the sentence lists another 一X, or counts another noun", () => {
    expect(read("直播大赛办了两场 一场花了3万 一场花了6万").facts.expenses).toMatchObject({ low: wan(9), high: wan(9) });
    expect(read("培训了三个村 一个班40个人").facts.trainees).not.toMatchObject({ low: 120 });
  });
  it("a rate in time (每个月) multiplies nothing", () => {
    expect(read("3个员工 每个月花了2万").facts.expenses).toBe(wan(2));
  });
});

describe("figures listed as separate instances", () => {
  it("一场花了4万5 另一场花了7万多: two events, the second an interval, both in 2021", () => {
    const e = read("咱商会2021年办了两场电商直播大赛 一场花了4万5 另一场花了7万多").facts.expenses as ApproxValue;
    expect(e.words).toBe("4万5、7万多");
    expect(e.parts).toEqual([
      { low: wan(4.5), high: wan(4.5), words: "4万5", year: 2021 },
      { low: wan(7) + 1, high: wan(8) - 1, words: "7万多", year: 2021 },
    ]);
    expect(e).toMatchObject({ low: wan(11.5) + 1, high: wan(12.5) - 1 });
  });
  it("2021年花了三十来万 2022年花了16万: one part per year", () => {
    const e = read("2021年花了三十来万 2022年花了16万").facts.expenses as ApproxValue;
    expect(e.parts!.map((p) => [p.year, p.words])).toEqual([[2021, "三十来万"], [2022, "16万"]]);
    expect(e).toMatchObject({ low: wan(46), high: wan(56) - 1 });
  });
  it("the next year's figure continues the one before: 2021年推广费用12万 2022年二十来万", () => {
    const e = read("2021年跨境平台推广费用12万 2022年二十来万").facts.expenses as ApproxValue;
    expect(e.parts!.map((p) => [p.year, p.words])).toEqual([[2021, "12万"], [2022, "二十来万"]]);
  });
  it("自建站花了60k 亚马逊推广又花了70k: 13万 of costs", () => {
    expect(read("自建站花了60k 亚马逊推广又花了70k").facts.expenses).toMatchObject({ low: wan(13), high: wan(13), words: "60k、70k" });
  });
  it("a multiplied figure and a listed one: 2场 每场8万, 2022年又1场 3万", () => {
    const e = read("2021年承办了2场直播电商大赛 每场实际花了8万 2022年又承办了1场 花了3万").facts.expenses as ApproxValue;
    expect(e.parts!.map((p) => [p.low, p.year])).toEqual([[wan(8), 2021], [wan(8), 2021], [wan(3), 2022]]);
  });
  it("a stated total is no extra instance: 一共13万 一场5万 一场8万", () => {
    expect(read("两场一共花了13万 一场花了5万 一场花了8万").facts.expenses).toMatchObject({ low: wan(13), high: wan(13), words: "5万、8万" });
  });
});

describe("figures that are no list", () => {
  it("a correction keeps the last figure, even with a listing word (又)", () => {
    const x = read("花了5万 不对 又花了8万");
    expect(x.facts.expenses).toBe(wan(8));
  });
  it("two figures with nothing setting them apart stay competing statements (last one, with a note)", () => {
    const x = read("花了5万 花了8万");
    expect(x.facts.expenses).toBe(wan(8));
    expect(x.notes.join("")).toContain("前后说了");
  });
  it("bounds on one figure still narrow it: 花了超过5万 还不到8万", () => {
    const e = read("花了超过5万 还不到8万").facts.expenses as ApproxValue;
    expect(e.parts).toBeUndefined();
    expect(e.low).toBeGreaterThan(wan(5));
    expect(e.high).toBeLessThan(wan(8));
  });
  it("sales in two years are not added: the later year counts", () => {
    expect(read("2021年卖了80万 2022年卖了120万").facts.onlineRetailSales).toBe(wan(120));
  });
  it("a share (其中) is no further instance", () => {
    expect((read("花了13万 其中自建站花了6万").facts.expenses as ApproxValue | number)).toBe(wan(6));
  });
});

describe("facts whose instances do not simply add up", () => {
  it("sales on two platforms in one year add up: 淘宝卖了50万 抖音又卖了30万", () => {
    expect(read("淘宝卖了50万 抖音又卖了30万").facts.onlineRetailSales).toMatchObject({ low: wan(80), high: wan(80), words: "50万、30万" });
  });
  it("the days of two sessions span both, each kept to pair with its session", () => {
    const x = read("办了两期电商培训 第一期培训了2天 45人 第二期培训了1天 30人");
    expect(x.facts.trainingDays).toMatchObject({ low: 1, high: 2, words: "2天、1天" });
    expect((x.facts.trainingDays as ApproxValue).parts!.map((p) => p.low)).toEqual([2, 1]);
    expect(x.facts.trainees).toMatchObject({ low: 75, high: 75 });
    expect(x.notes).toContain("培训天数按你说的各项分别计算：2天、1天。");
  });
  it("followers on two platforms are a span, not a sum", () => {
    expect(read("抖音粉丝10万 快手又有5万粉丝").facts.followers).toMatchObject({ low: 50_000, high: 100_000 });
  });
});

describe("counts joined by 和", () => {
  it("招了3　个登记失业人员和1个应届毕业的大学生 is 4 jobs, words kept", () => {
    const x = read("招了3　个登记失业人员和1个应届毕业的大学生 都签了2年合同");
    expect(x.facts.jobsCreated).toMatchObject({ low: 4, high: 4, words: "3　个、1个" });
    expect(x.unattributed).toEqual([]);
  });
  it("kinds closed by 的 and a pause list people like 和: 吸纳了4个登记失业的，2个毕业年度的大学生 is 6 jobs", () => {
    expect(read("吸纳了4个登记失业的，2个毕业年度的大学生 合同都签了三年").facts.jobsCreated).toMatchObject({ low: 6, high: 6 });
    expect(read("雇了两名登记失业的 一名应届毕业生").facts.jobsCreated).toMatchObject({ low: 3, high: 3 });
  });
  it("a figure a stop word silenced does not join: 花了5万 和补贴2万", () => {
    expect(read("花了5万 和补贴2万").facts.expenses).toBe(wan(5));
  });
});

describe("figures listed after 分别, a blank apart", () => {
  it("三场比赛分别花了2万 4万 7万5: three events of one year, each kept", () => {
    const e = read("2021年办了三场比赛 分别花了2万 4万 7万5").facts.expenses as ApproxValue;
    expect(e.parts!.map((p) => [p.low, p.words, p.year])).toEqual([
      [wan(2), "2万", 2021],
      [wan(4), "4万", 2021],
      [wan(7.5), "7万5", 2021],
    ]);
    expect(e).toMatchObject({ low: wan(13.5), high: wan(13.5) });
  });
  it("two sessions 分别培训了2天 1天 are a span of days, paired with their instances", () => {
    expect(read("两期培训分别培训了2天 1天").facts.trainingDays).toMatchObject({ low: 1, high: 2 });
  });
  it("without 分别, figures a blank apart stay one statement: 花了3万 5万 is no sum", () => {
    expect(read("花了3万 5万").facts.expenses).toBe(wan(3));
  });
  it("分别 lists only what follows it up to a sentence end", () => {
    expect(read("分别花了3万 5万。6万是别人出的").facts.expenses).toMatchObject({ low: wan(8), high: wan(8) });
  });
});

describe("figures each introduced by 一 and the same measure word", () => {
  it("租了三间 一间40平 一间30平 还有一间25平: three rented rooms, 95平 in all", () => {
    const x = read("我们租了三间 一间40平 一间30平 还有一间25平");
    expect(x.facts.rentArea).toMatchObject({ low: 95, high: 95, words: "40平、30平、25平" });
  });
  it("different measure words are no list: 租了一间40平 一层60平 stays two statements of one value", () => {
    expect(read("租了一间40平 一层60平").facts.rentArea).toBe(60);
  });
});

describe("money per event the user held, with no word of selling", () => {
  it("举办了两届直播大赛 一届3万 一届4万: the costs of two events", () => {
    const e = read("商会2021年举办了两届直播大赛 一届3万 一届4万").facts.expenses as ApproxValue;
    expect(e.parts!.map((p) => p.low)).toEqual([wan(3), wan(4)]);
  });
  it("a word of selling keeps such money unread as a cost: 办了两场直播 一场5万", () => {
    expect(read("办了两场直播带货 一场5万 一场8万").facts.expenses).toBeUndefined();
  });
});

describe("money named by different cost words is one sum, not several events", () => {
  it("场地费3万 宣传费4万 is 7万 with both wordings, items of one sum the engine sees as one value (one event, capped once)", () => {
    const v = read("办了一场直播大赛 场地费3万 宣传费4万").facts.expenses;
    expect(v).toMatchObject({ low: wan(7), high: wan(7), words: "3万、4万", items: true });
    expect(partsOf(v)).toBeNull();
  });
  it("研发费用50万 买软硬件20万: software and hardware bought beside R&D are costs of it, and stay an equipment investment", () => {
    const x = read("研发费用50万 买软硬件20万");
    expect(x.facts.expenses).toMatchObject({ low: wan(70), high: wan(70) });
    expect(x.facts.equipmentInvestment).toBe(wan(20));
  });
});
