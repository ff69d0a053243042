import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../bot/rateLimiter.js";

describe("RateLimiter", () => {
  it("allows up to the limit, gives one notice, then drops until the window clears", () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 1000 });
    const decisions = Array.from({ length: 6 }, (_, i) => limiter.check("a", i));
    expect(decisions).toEqual(["allow", "allow", "allow", "notice", "drop", "drop"]);
    expect(limiter.check("a", 1500)).toBe("allow");
  });
  it("keeps users apart", () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.check("a", 0)).toBe("allow");
    expect(limiter.check("a", 1)).toBe("notice");
    expect(limiter.check("b", 2)).toBe("allow");
  });
});
