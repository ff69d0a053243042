import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { decodePolicyText, PolicyEncodingError } from "../../knowledge/decodePolicyText.js";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { loadCorpus } from "../../knowledge/loadCorpus.js";

const dirs: string[] = [];

/** A copy of the shipped policy directory that a test may break. */
function policyCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  dirs.push(dir);
  cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  return dir;
}

type Meta = Record<string, unknown>;
function editMeta(dir: string, edit: (policies: Meta[]) => Meta[]): void {
  const file = join(dir, "policies.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as { policies: Meta[] };
  json.policies = edit(json.policies);
  writeFileSync(file, JSON.stringify(json));
}

/** The metadata entry of a small extra policy stored in `file`. */
function extraMeta(id: string, file: string): Meta {
  return {
    id, file, title: "测试政策", issuer: "测试县人民政府", docNumber: null,
    region: { province: "测试省", city: null, county: null }, aliases: ["测试县"],
    issued: null, effectiveFrom: null, validUntil: null, status: "final", notes: "",
  };
}

const EXTRA_TEXT = "测试县人民政府\n关于支持电商发展的意见\n一、扶持政策\n（一）对年网络零售额达到100万元的企业，给予一次性奖励1万元。\n（二）对新开网店的，给予补贴500元。\n";

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The problem lines of a corpus, and the ids it still serves. */
function outcome(dir: string) {
  const corpus = loadCorpus(dir);
  return { problems: corpus.problems, served: corpus.policies.map((p) => p.meta.id), corpus };
}

const SHIPPED = ["pingyin-2020", "dongying-2020", "liaocheng-2022", "miluo-2017", "yeji-2017"];

describe("loadCorpus", () => {
  it("serves the five shipped policies without problems", () => {
    const { problems, served, corpus } = outcome(DEFAULT_POLICY_DIR);
    expect(problems).toEqual([]);
    expect(served).toEqual(SHIPPED);
    expect(corpus.clauses.length).toBe(corpus.policies.reduce((n, p) => n + p.clauses.length, 0));
  });

  it("serves a policy added as a file plus a metadata entry", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "test-2024.md"), EXTRA_TEXT);
    editMeta(dir, (p) => [...p, extraMeta("test-2024", "test-2024.md")]);
    const { problems, served, corpus } = outcome(dir);
    expect(problems).toEqual([]);
    expect(served).toEqual([...SHIPPED, "test-2024"]);
    expect(corpus.clauses.filter((c) => c.policyId === "test-2024").map((c) => c.id)).toEqual([
      "test-2024:序言", "test-2024:一", "test-2024:一/(一)", "test-2024:一/(二)",
    ]);
  });

  it("rejects an empty file with one line naming it and serves the others", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "miluo-2017.txt"), "");
    const { problems, served } = outcome(dir);
    expect(problems).toEqual([`${join(dir, "miluo-2017.txt")}: file is empty; policy "miluo-2017" not served`]);
    expect(served).toEqual(SHIPPED.filter((id) => id !== "miluo-2017"));
  });

  it("rejects a file with no recognisable headings", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "yeji-2017.txt"), "这是一份没有编号标题的文件。\n只有两段文字。\n");
    const { problems, served } = outcome(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escape(join(dir, "yeji-2017.txt"))}: no recognisable clause headings`));
    expect(served).toEqual(SHIPPED.filter((id) => id !== "yeji-2017"));
  });

  it("rejects a duplicate policy id and keeps the first", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "copy.txt"), EXTRA_TEXT);
    editMeta(dir, (p) => [...p, extraMeta("pingyin-2020", "copy.txt")]);
    const { problems, served, corpus } = outcome(dir);
    expect(problems).toEqual([`${join(dir, "policies.json")}: policies[5].id: duplicate policy id "pingyin-2020"; entry skipped`]);
    expect(served).toEqual(SHIPPED);
    expect(corpus.policies[0]!.meta.title).toBe("关于进一步加快电商产业发展的意见");
  });

  it("rejects a document whose clause ids repeat", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "dup.txt"), "一、总则\n内容。\n二、政策\n内容。\n二、政策\n重复。\n");
    editMeta(dir, (p) => [...p, extraMeta("dup-2024", "dup.txt")]);
    const { problems, served } = outcome(dir);
    expect(problems).toEqual([expect.stringMatching(/dup\.txt: duplicate clause id dup-2024:二 \(line 5\)/)]);
    expect(served).toEqual(SHIPPED);
  });

  it("reports metadata naming a missing file", () => {
    const dir = policyCopy();
    rmSync(join(dir, "liaocheng-2022.txt"));
    const { problems, served } = outcome(dir);
    expect(problems).toEqual([`${join(dir, "liaocheng-2022.txt")}: named by policies.json (policy "liaocheng-2022") but the file does not exist`]);
    expect(served).toEqual(SHIPPED.filter((id) => id !== "liaocheng-2022"));
  });

  it("reports a policy file that has no metadata entry", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "stray.txt"), EXTRA_TEXT);
    expect(outcome(dir).problems).toEqual([`${join(dir, "stray.txt")}: no entry in policies.json; add one to serve this policy`]);
  });

  it("converts a GBK-encoded file and parses it like the UTF-8 original", () => {
    const dir = policyCopy();
    const original = readFileSync(join(dir, "pingyin-2020.txt"), "utf8");
    writeFileSync(join(dir, "pingyin-2020.txt"), iconv.encode(original, "gbk"));
    const { problems, corpus } = outcome(dir);
    expect(problems).toEqual([]);
    const pingyin = corpus.policies.find((p) => p.meta.id === "pingyin-2020")!;
    expect(pingyin.encoding).toBe("gbk");
    expect(pingyin.clauses).toEqual(loadCorpus(DEFAULT_POLICY_DIR).policies[0]!.clauses);
  });

  it("rejects a file that is neither UTF-8 nor GBK Chinese text", () => {
    const dir = policyCopy();
    writeFileSync(join(dir, "dongying-2020.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x30, 0xff, 0xff, 0x00, 0x9f]));
    const { problems, served } = outcome(dir);
    expect(problems).toEqual([expect.stringMatching(/dongying-2020\.txt: neither valid UTF-8 nor GBK Chinese text/)]);
    expect(served).toEqual(SHIPPED.filter((id) => id !== "dongying-2020"));
  });

  it("skips a metadata entry with a bad date and serves the rest", () => {
    const dir = policyCopy();
    editMeta(dir, (p) => p.map((m) => (m.id === "yeji-2017" ? { ...m, issued: "2017-13-01" } : m)));
    const { problems, served } = outcome(dir);
    expect(problems).toEqual([`${join(dir, "policies.json")}: policies[4].issued: not a real calendar date`]);
    expect(served).toEqual(SHIPPED.filter((id) => id !== "yeji-2017"));
  });
});

describe("decodePolicyText", () => {
  it("strips a byte-order mark and turns CRLF into LF", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("一、总则\r\n内容。\r\n", "utf8")]);
    expect(decodePolicyText(bytes)).toEqual({ text: "一、总则\n内容。\n", encoding: "utf-8" });
  });

  it("detects GBK", () => {
    expect(decodePolicyText(iconv.encode("一、扶持政策\n对电商企业给予奖励。", "gbk"))).toEqual({ text: "一、扶持政策\n对电商企业给予奖励。", encoding: "gbk" });
  });

  it("rejects text that is not Chinese", () => {
    expect(() => decodePolicyText(Buffer.from("just some English text, no policy here", "utf8"))).toThrow(PolicyEncodingError);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
