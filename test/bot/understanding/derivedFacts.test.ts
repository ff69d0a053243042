import { describe, expect, it } from "vitest";
import { FACTS, type FactName } from "../../../rules/facts.js";
import { readSameYear, readWholes, readYearsAfter } from "../../../bot/understanding/derivedFacts.js";

const WAN = 10_000 * 100;
const labelOf = (f: FactName) => FACTS[f].label;

describe("readWholes (partOf)", () => {
  it("gives an unstated whole the sum of its stated parts as a lower bound, open at the top, in the user's words", () => {
    const facts: Record<string, unknown> = { decorationInvestment: 120 * WAN, equipmentInvestment: { low: 80 * WAN, high: 90 * WAN, words: "八九十万" } };
    const sources = { decorationInvestment: "装修120万", equipmentInvestment: "设备八九十万" };
    const notes = readWholes(facts, sources, labelOf);
    expect(facts.investment).toEqual({ low: 200 * WAN, high: null, words: "装修120万、设备八九十万" });
    expect(sources).toMatchObject({ investment: "装修120万、设备八九十万" });
    expect(notes).toEqual([`${FACTS.investment.label}按你说的${FACTS.decorationInvestment.label}、${FACTS.equipmentInvestment.label}计，只是其中一部分，按不少于这个数计算。`]);
  });

  it("keeps a whole the user stated, and derives nothing when no part is stated", () => {
    const stated: Record<string, unknown> = { investment: 300 * WAN, equipmentInvestment: 80 * WAN };
    expect(readWholes(stated, {}, labelOf)).toEqual([]);
    expect(stated.investment).toBe(300 * WAN);
    const none: Record<string, unknown> = { followers: 150_000 };
    expect(readWholes(none, {}, labelOf)).toEqual([]);
    expect(none.investment).toBeUndefined();
  });
});

describe("readSameYear (sameYearAs)", () => {
  it("decides a yes/no fact from a date the user named and the activity year, quoting both", () => {
    const facts: Record<string, unknown> = { registrationDate: "2019-01-01", activityYear: 2020 };
    const sources = {};
    readSameYear(facts, sources, new Map([["registrationDate", "2019年成立"]]));
    expect(facts.newlyRegistered).toBe(false);
    expect(sources).toEqual({ newlyRegistered: "2019年成立，业绩年度2020年" });
    const same: Record<string, unknown> = { registrationDate: "2020-03-01", activityYear: 2020 };
    readSameYear(same, {}, new Map([["registrationDate", "2020年3月注册"]]));
    expect(same.newlyRegistered).toBe(true);
  });

  it("decides nothing without an activity year, without the date's words, or when the user said it in words", () => {
    const noYear: Record<string, unknown> = { registrationDate: "2020-01-01" };
    readSameYear(noYear, {}, new Map([["registrationDate", "2020年注册"]]));
    expect(noYear.newlyRegistered).toBeUndefined();
    const unsaid: Record<string, unknown> = { registrationDate: "2020-01-01", activityYear: 2020 };
    readSameYear(unsaid, {}, new Map());
    expect(unsaid.newlyRegistered).toBeUndefined();
    const said: Record<string, unknown> = { registrationDate: "2019-01-01", activityYear: 2020, newlyRegistered: true };
    readSameYear(said, {}, new Map([["registrationDate", "2019年注册"]]));
    expect(said.newlyRegistered).toBe(true);
  });

  it("takes the year of a date the user calls new that year (2021年新注册) as the activity year when no other is named", () => {
    const facts: Record<string, unknown> = { registrationDate: "2021-01-01", newlyRegistered: true };
    const sources: Record<string, string> = {};
    readSameYear(facts, sources, new Map([["registrationDate", "2021年新注册"]]));
    expect(facts.activityYear).toBe(2021);
    expect(sources.activityYear).toBe("2021年新注册");
    const unsaid: Record<string, unknown> = { registrationDate: "2021-01-01", newlyRegistered: true };
    readSameYear(unsaid, {}, new Map());
    expect(unsaid.activityYear).toBeUndefined();
  });

  it("takes a registration date given in answer to 是否当年新注册登记 as registered in the year it speaks of", () => {
    const facts: Record<string, unknown> = { registrationDate: "2021-01-01" };
    const sources: Record<string, string> = {};
    readSameYear(facts, sources, new Map([["registrationDate", "2021年注册"]]), { asked: ["newlyRegistered", "onlineRetailSales"] });
    expect(facts).toMatchObject({ activityYear: 2021, newlyRegistered: true });
    expect(sources).toMatchObject({ activityYear: "2021年注册", newlyRegistered: "2021年注册" });
    const notAsked: Record<string, unknown> = { registrationDate: "2021-01-01" };
    readSameYear(notAsked, {}, new Map([["registrationDate", "2021年注册"]]), { asked: ["onlineRetailSales"] });
    expect(notAsked.newlyRegistered).toBeUndefined();
  });

  it("compares the date with the activity year known from earlier turns when the message names none", () => {
    const facts: Record<string, unknown> = { registrationDate: "2020-01-01" };
    readSameYear(facts, {}, new Map([["registrationDate", "2020年注册"]]), { asked: ["newlyRegistered"], knownYear: 2021 });
    expect(facts.newlyRegistered).toBe(false);
    expect(facts.activityYear).toBeUndefined();
  });
});

describe("readYearsAfter (withinYearsAfter)", () => {
  it("holds when the activity year is the year named or at most that many years after it, quoting both", () => {
    const facts: Record<string, unknown> = { falsifiedYear: 2020, activityYear: 2021 };
    const sources: Record<string, string> = { falsifiedYear: "2020年申报时虚报" };
    readYearsAfter(facts, sources);
    expect(facts.falsifiedRecently).toBe(true);
    expect(sources.falsifiedRecently).toBe("2020年申报时虚报，业绩年度2021年");
    const edge: Record<string, unknown> = { falsifiedYear: 2018, activityYear: 2021 };
    readYearsAfter(edge, {});
    expect(edge.falsifiedRecently).toBe(true);
  });

  it("fails for an activity year more than that many years after, or before it; decides nothing without both years", () => {
    const long: Record<string, unknown> = { falsifiedYear: 2016, activityYear: 2021 };
    readYearsAfter(long, {});
    expect(long.falsifiedRecently).toBe(false);
    const before: Record<string, unknown> = { falsifiedYear: 2022, activityYear: 2021 };
    readYearsAfter(before, {});
    expect(before.falsifiedRecently).toBe(false);
    const noYear: Record<string, unknown> = { falsifiedYear: 2020 };
    readYearsAfter(noYear, {});
    expect(noYear.falsifiedRecently).toBeUndefined();
  });
});
