/** Checks on real PolicyBot replies shared by the end-to-end channel tests. */
import { expect } from "vitest";

/** The question of the brief: 15万 fans and 120万 sales in 平阴 in 2021 earn the 2万 award. */
export const AWARD_QUESTION = "平阴 15万粉丝 2021年卖了120万 能拿多少？";

/** An answer that awards the 2万 (the quoted clause also says 2万, so it must not still be asking). */
export function expectTwentyThousandAward(text: string | undefined): void {
  expect(text).toContain("2万");
  expect(text).not.toMatch(/请告诉我|请补充/);
}
