/** policy:import prints the policies.json entry to fill in, with the region the document names already filled. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "import-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const importFile = (name: string, lines: string[], id: string) => {
  const file = join(dir, name);
  writeFileSync(file, lines.join("\n"));
  return spawnSync(process.execPath, ["--import", "tsx", "rules/cli/policyImport.ts", file, "--id", id, "--dir", dir], { encoding: "utf8" });
};
const entryOf = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf("{"), stdout.lastIndexOf("}") + 1));

describe("policy:import", () => {
  it("fills region and aliases from the county its issuer names", () => {
    const r = importFile("云和.txt", ["云和县人民政府办公室关于印发云和县促进电子商务发展若干政策的通知", "一、对年网络零售额达到500万元的企业，奖励2万元。"], "yunhe-2030");
    expect(r.stderr).toBe("");
    expect(entryOf(r.stdout)).toMatchObject({ region: { province: "浙江省", city: "丽水市", county: "云和县" }, aliases: ["云和", "云和县"] });
  });

  it("says in one line that region.province is to be filled when the document names no place", () => {
    const r = importFile("某县.txt", ["关于促进电子商务发展的若干措施", "一、对年网络零售额达到500万元的企业，奖励2万元。"], "mouxian-2030");
    expect(entryOf(r.stdout).region.province).toBe("");
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^region\.province: .*fill in region/);
  });
});
