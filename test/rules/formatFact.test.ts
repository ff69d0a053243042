/** How facts and the text's figures are written back: a user's date at the precision they gave, a clause's date in full. */
import { describe, expect, it } from "vitest";
import { formatFactValue, formatThreshold } from "../../rules/formatFact.js";

describe("formatFactValue and formatThreshold", () => {
  it("writes a user's date at the precision they gave, never as YYYY-MM-DD", () => {
    expect(formatFactValue("registrationDate", "2021-01-01")).toBe("2021年");
    expect(formatFactValue("registrationDate", "2021-03-01")).toBe("2021年3月");
    expect(formatFactValue("registrationDate", "2021-03-15")).toBe("2021年3月15日");
  });

  it("writes a clause's date threshold in full, as the clause does", () => {
    expect(formatThreshold("registrationDate", "2020-01-01")).toBe("2020年1月1日");
    expect(formatThreshold("followers", 100_000)).toBe(formatFactValue("followers", 100_000));
  });
});
