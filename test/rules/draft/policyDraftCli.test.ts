/** policy:draft reads a document in any published form and writes draft rules; rules --draft evaluates them. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docx, scannedPdf } from "../../knowledge/makeDocuments.js";

const dir = mkdtempSync(join(tmpdir(), "draft-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = (script: string, ...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" });

const LINES = [
  "某县关于促进电子商务发展的若干措施",
  "一、对年网络零售额达到500万元、1000万元以上的企业，分别奖励5万元、10万元。",
  "二、对新开设旗舰店的企业，给予一次性奖励2万元。",
  "三、对重大项目实行“一事一议”。",
];

describe("policy:draft and rules --draft", () => {
  it("drafts a .docx, writes the draft file and prints the rules as JSON, every one 待确认", async () => {
    const file = join(dir, "措施.docx");
    writeFileSync(file, await docx(LINES));
    const r = tsx("rules/cli/policyDraft.ts", file, "--id", "pingyin-2020", "--json", "--out", dir);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.rules.map((x: { clause: string; shape: string; status: string }) => [x.clause, x.shape, x.status])).toEqual([
      ["pingyin-2020:一", "tiers", "待确认"],
      ["pingyin-2020:二", "fixed", "待确认"],
      ["pingyin-2020:三", "noAmount", "待确认"],
    ]);
    expect(readFileSync(join(dir, "pingyin-2020.yaml"), "utf8")).toContain("status: 待确认");
  });

  it("evaluates the draft rules before confirmation", () => {
    const r = tsx("rules/cli/rules.ts", "--policy", "pingyin-2020", "--draft", "--drafts", dir, "--facts", '{"onlineRetailSales":800000000}', "--json");
    expect(r.stderr).toBe("");
    const tier = JSON.parse(r.stdout).find((a: { clause: string }) => a.clause === "pingyin-2020:一");
    expect(tier).toMatchObject({ eligible: true, amountFen: 5_000_000 });
  });

  it("refuses a scanned PDF in one line naming the file, exit 2", () => {
    const file = join(dir, "scan.pdf");
    writeFileSync(file, scannedPdf());
    const r = tsx("rules/cli/policyDraft.ts", file, "--id", "x-2030", "--out", dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("scan.pdf: the PDF has no text layer");
  });
});
