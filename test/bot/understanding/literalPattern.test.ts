import { describe, expect, it } from "vitest";
import { literal } from "../../../bot/understanding/literalPattern.js";

describe("literal", () => {
  it("makes a word with regex characters match itself only", () => {
    const re = new RegExp(`^${literal("B2B(企业间)+C.1")}$`);
    expect(re.test("B2B(企业间)+C.1")).toBe(true);
    expect(re.test("B2B企业间C11")).toBe(false);
  });
});
