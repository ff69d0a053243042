/** The rules CLI: JSON evaluation, and one-line errors with exit 2 for bad facts. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "rules/cli/rules.ts", ...args], { encoding: "utf8" });

describe("rules CLI", () => {
  it("evaluates a policy as JSON", () => {
    const r = run("--policy", "pingyin-2020", "--facts", '{"followers":100000,"onlineRetailSales":100000000}', "--as-of", "2021-06-01", "--json");
    expect(r.status).toBe(0);
    const award = JSON.parse(r.stdout).find((a: { rule: string }) => a.rule === "influencer-sales");
    expect(award).toMatchObject({ clause: "pingyin-2020:三/(三)/3", eligible: true, amountFen: 2_000_000, upTo: true, inForce: true });
  });

  it("rejects a bad fact with one line naming it and exit 2", () => {
    const r = run("--policy", "liaocheng-2022", "--facts", '{"onlineRetailSales":-1}');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("onlineRetailSales");
  });
});
