import { describe, expect, it } from "vitest";
import { tailReader, tailTester } from "../../../bot/understanding/tailReader.js";

describe("tailReader", () => {
  const readTier = tailReader(/^的?(那[一个]?)?(档次|档位|档(?!口)|级别)/);
  const text = "卖了300万那档 还有档口500万的那一档位";

  it("reads the words at a position as the pattern reads the window sliced there", () => {
    for (let at = 0; at < text.length; at++) {
      for (const window of [2, 4, 6]) {
        expect(readTier(text, at, window)?.[0] ?? null).toBe(/^的?(那[一个]?)?(档次|档位|档(?!口)|级别)/.exec(text.slice(at, at + window))?.[0] ?? null);
      }
    }
  });

  it("finds no match that runs past the window", () => {
    expect(readTier("的那一档位", 0, 3)).toBeNull();
    expect(readTier("的那一档位", 0, 5)?.[0]).toBe("的那一档位");
  });

  it("refuses a pattern that is not anchored at its start", () => {
    expect(() => tailReader(/档/)).toThrow(/must start with \^/);
    expect(() => tailTester(/^档/g)).toThrow(/neither g nor y/);
  });
});

describe("tailTester", () => {
  const isTier = tailTester(/^的?(那[一个]?)?(档次|档位|档(?!口)|级别)/);

  it("says whether the window at a position matches", () => {
    expect(isTier("300万那档", 4, 6)).toBe(true);
    expect(isTier("300万那个档次", 4, 6)).toBe(true);
    expect(isTier("300万的档口", 4, 6)).toBe(false);
    expect(isTier("300万 这一档", 4, 6)).toBe(false);
    expect(isTier("的那一档", 0, 3)).toBe(false);
  });
});
