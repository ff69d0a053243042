/** policy:check: quotes in the text, coverage 100%, a test case per rule, complete metadata, drafts waiting. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPolicy, type CheckDirs } from "../../rules/checkPolicy.js";
import { draftFileOf, writeDraftFile } from "../../rules/draft/draftFile.js";
import { draftPolicy } from "../../rules/draft/draftPolicy.js";

const root = mkdtempSync(join(tmpdir(), "check-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dirs: CheckDirs = { policyDir: join(root, "policies"), rulesDir: join(root, "rules"), draftsDir: join(root, "drafts"), casesDir: join(root, "cases") };
Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));

const TEXT = "某县关于促进电子商务发展的若干措施\n一、到2030年，全县网络零售额力争达到50亿元。\n二、对新开设旗舰店的企业，给予一次性奖励2万元。\n";
const meta = (places: unknown[]) => ({
  policies: [{
    id: "test-2030", file: "test-2030.txt", title: "关于促进电子商务发展的若干措施", issuer: "某县人民政府", docNumber: null,
    region: { province: "山东省", city: "某市", county: "某县" }, aliases: ["某县"], places,
    issued: "2030-01-01", effectiveFrom: "2030-01-01", validUntil: "2031-12-31", status: "final", notes: "",
  }],
});
writeFileSync(join(dirs.policyDir, "test-2030.txt"), TEXT);

const failing = (id = "test-2030") => checkPolicy(id, dirs).filter((l) => !l.ok).map((l) => `${l.check}: ${l.message}`);

describe("policy:check", () => {
  it("reports drafts waiting, rules without test cases and places not stated", () => {
    writeFileSync(join(dirs.policyDir, "policies.json"), JSON.stringify(meta([])));
    writeDraftFile(draftFileOf(draftPolicy("test-2030", TEXT), "test-2030.txt"), dirs.draftsDir);
    expect(failing()).toEqual([
      `cases: rule s2 (test-2030:二) has no test case in ${join(dirs.casesDir, "test-2030.yaml")}`,
      "metadata: policies.json test-2030: places (the towns, districts or zones it covers) is not stated",
      "drafts: 1 drafted rules still 待确认 (staff console → 政策)",
    ]);
  });

  it("passes once the rules are confirmed, cased and the metadata is complete", () => {
    writeFileSync(join(dirs.policyDir, "policies.json"), JSON.stringify(meta([{ name: "某镇", kind: "town" }])));
    rmSync(join(dirs.draftsDir, "test-2030.yaml"));
    writeFileSync(join(dirs.rulesDir, "test-2030.yaml"), `policy: test-2030
notAwards: [ { clause: "test-2030:一", amount: 50亿元, reason: 发展目标，不是奖励 } ]
rules:
  - { id: flagship, title: 旗舰店奖励, clause: "test-2030:二", quote: 对新开设旗舰店的企业，给予一次性奖励2万元。, entityTypes: [ company ], keywords: [ 旗舰店 ], amount: 2万元, upTo: false }
`);
    writeFileSync(join(dirs.casesDir, "test-2030.yaml"), "policy: test-2030\nasOf: \"2030-06-01\"\ncases:\n  - { name: 旗舰店, rule: flagship, facts: {}, expect: { amountFen: 2000000 } }\n");
    expect(failing()).toEqual([]);
  });

  it("reports a quote that does not stand in the text and an amount nobody covers", () => {
    writeFileSync(join(dirs.rulesDir, "test-2030.yaml"), `policy: test-2030
rules:
  - { id: flagship, title: 旗舰店奖励, clause: "test-2030:二", quote: 对新开设旗舰店的企业，给予奖励2万元。, entityTypes: [ company ], keywords: [ 旗舰店 ], amount: 2万元, upTo: false }
`);
    expect(failing()).toEqual([
      "quotes: rule flagship: quote does not stand in test-2030:二: “对新开设旗舰店的企业，给予奖励2万元。”",
      "coverage: test-2030:一 50亿元: used by no rule and not listed in notAwards with a reason",
      "coverage: 1/2 amounts covered",
    ]);
  });
});
