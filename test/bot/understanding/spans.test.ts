import { describe, expect, it } from "vitest";
import { firstStartingFrom, Marks } from "../../../bot/understanding/spans.js";

describe("firstStartingFrom", () => {
  it("finds the first span starting at or after a position", () => {
    const spans = [{ start: 2 }, { start: 5 }, { start: 9 }];
    expect([0, 2, 3, 9, 10].map((p) => firstStartingFrom(spans, p))).toEqual([0, 0, 1, 2, 3]);
  });
});

describe("Marks", () => {
  it("lends zeroed marks of exactly the length asked, again zeroed after they were given back", () => {
    const marks = new Marks();
    const first = marks.take(6);
    expect(first.length).toBe(6);
    first.fill(1, 1, 4);
    marks.give(first);
    const again = marks.take(4);
    expect([...again]).toEqual([0, 0, 0, 0]);
    expect(again.buffer).toBe(first.buffer);
  });

  it("gives separate marks to a second taker while the kept ones are lent", () => {
    const marks = new Marks();
    const outer = marks.take(5);
    outer.fill(1);
    const inner = marks.take(5);
    expect(inner.buffer).not.toBe(outer.buffer);
    expect([...inner]).toEqual([0, 0, 0, 0, 0]);
    marks.give(inner);
    expect([...outer]).toEqual([1, 1, 1, 1, 1]);
    marks.give(outer);
    expect(marks.take(5).buffer).toBe(outer.buffer);
  });

  it("keeps no buffer the size of a whole document", () => {
    const marks = new Marks();
    const big = marks.take(100_000);
    marks.give(big);
    expect(marks.take(100_000).buffer).not.toBe(big.buffer);
  });
});
