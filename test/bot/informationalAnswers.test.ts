/**
 * Questions the five documents answer without an award amount, asked through `ask --json` as a user would:
 * every example of issue 11 and one informational question per numbered section of each document. Each
 * answer must cite the clause, say what it means in one plain sentence, and have the right status/missing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema, type Answer } from "../../bot/answer.js";
import { numberGuard } from "../../bot/numberGuard.js";

interface Case {
  id: string;
  q: string;
  /** The clause the answer must cite. */
  clause: string;
  /** Words of the plain sentence (or the procedure's plain words). */
  says: string;
  status?: Answer["status"];
  missing?: string[];
  /** A provision with no fixed amount: an award entry with amountFen null at the cited clause. */
  noAmount?: boolean;
  /** An overview: the provision listed first. */
  firstListed?: string;
}

const CASES: Case[] = [
  // The examples of the issue ("Why").
  { id: "why-fund", q: "平阴县每年拿出多少钱来扶持电商", clause: "pingyin-2020:五/(二)", says: "扶持资金总额，不是发给某一家的钱" },
  { id: "why-office", q: "入驻平阴电商产业基地 办公场地要交房租不", clause: "pingyin-2020:三/(一)/2", says: "不用交房租" },
  { id: "why-praise", q: "聊城 我们县新增网店600多家 县里能拿多少奖金", clause: "liaocheng-2022:四", says: "只有通报表扬，没有奖金" },
  { id: "why-loan", q: "聊城那个齐鲁电商贷 一户最多能贷多少", clause: "liaocheng-2022:十一", says: "贷款额度，不是补贴" },
  { id: "why-case-by-case", q: "平阴 投个好几个亿的大项目 有固定数吗", clause: "pingyin-2020:三/(七)", says: "没有固定金额——“一事一议”", noAmount: true },
  { id: "why-land", q: "汨罗 一次性投资三千多万 要新增建设用地", clause: "miluo-2017:三/(二)/2", says: "用地政策" },
  { id: "why-service", q: "叶集 走政府购买服务", clause: "yeji-2017:二/3", says: "政府购买服务" },
  { id: "why-talent", q: "聊城 引进来的电商人才 有啥补贴", clause: "liaocheng-2022:九", says: "没有固定金额", noAmount: true },
  { id: "why-reference", q: "东营对外地电商企业来落户有啥支持", clause: "dongying-2020:三/(二)", says: "本文件没有写金额", noAmount: true },
  { id: "why-apply", q: "平阴 去哪申请？要啥材料", clause: "pingyin-2020:四/(二)", says: "条文没有写明：需要准备的申报材料" },
  { id: "why-whom", q: "东营 找谁申请", clause: "dongying-2020:四/(一)", says: "没有写明申报流程" },
  { id: "why-traffic", q: "聊城 流量补贴能拿多少 怎么算的", clause: "liaocheng-2022:二", says: "每实现1万元", status: "needs_info", missing: ["onlineRetailSales"] },
  { id: "why-training", q: "叶集 两天的培训 管吃管住 补助一共多少", clause: "yeji-2017:六/17", says: "培训人数", status: "needs_info", missing: ["trainees"] },
  { id: "why-overview", q: "平阴有什么补贴可以拿", clause: "pingyin-2020:三/(二)/1", says: "2.4万元 + “每个岗位2000元”" },
  { id: "why-overview-role", q: "平阴 我是带货主播 有什么补贴可以拿", clause: "pingyin-2020:三/(三)/3", says: "\n📘 带货达人线上销售奖励", status: "needs_info", missing: ["followers", "onlineRetailSales"], firstListed: "带货达人线上销售奖励" },
  // One informational question per numbered section.
  { id: "pingyin-1", q: "平阴这个电商意见的指导思想是啥", clause: "pingyin-2020:一", says: "工作方向和措施" },
  { id: "pingyin-2", q: "平阴到2022年要培育多少家电商企业 目标是啥", clause: "pingyin-2020:二", says: "发展目标，不是奖励或补贴" },
  { id: "pingyin-3", q: "平阴 跨境电商的奖励是怎么规定的", clause: "pingyin-2020:三/(五)", says: "按条文" },
  { id: "pingyin-4", q: "平阴 哪些人算扶持对象 虚报了会怎样", clause: "pingyin-2020:四/(一)", says: "谁能享受扶持" },
  { id: "pingyin-5", q: "平阴 电商产业发展领导小组谁当组长", clause: "pingyin-2020:五/(一)", says: "组织领导" },
  { id: "pingyin-6", q: "平阴这个政策到什么时候失效", clause: "pingyin-2020:六", says: "有效期至2022年12月31日" },
  { id: "dongying-1", q: "东营到2022年电子商务交易额目标是多少", clause: "dongying-2020:一", says: "发展目标" },
  { id: "dongying-2", q: "东营 直播电商基地建设有啥要求", clause: "dongying-2020:二/(七)", says: "工作方向和措施" },
  { id: "dongying-3", q: "东营 电商企业融资难 有没有金融方面的支持", clause: "dongying-2020:三/(八)", says: "贷款要还，不是补贴" },
  { id: "dongying-4", q: "东营 网售产品质量监管是怎么要求的", clause: "dongying-2020:四/(三)", says: "工作方向和措施" },
  { id: "liaocheng-1", q: "聊城 网络零售额增幅排前五的县 有奖金吗", clause: "liaocheng-2022:一", says: "只有通报表扬，没有奖金" },
  { id: "liaocheng-2", q: "聊城流量补贴怎么规定的", clause: "liaocheng-2022:二", says: "“每实现1万元，最高给予4元”" },
  { id: "liaocheng-3", q: "聊城 市外企业分支机构转法人 奖励多少", clause: "liaocheng-2022:三", says: "5万元" },
  { id: "liaocheng-4", q: "聊城 新开网店多的县有奖励吗", clause: "liaocheng-2022:四", says: "只有通报表扬，没有奖金" },
  { id: "liaocheng-5", q: "聊城 企业店铺回迁到本地 政府提供啥服务", clause: "liaocheng-2022:五", says: "提供服务" },
  { id: "liaocheng-6", q: "聊城 新注册的直播电商企业奖励怎么规定的", clause: "liaocheng-2022:六", says: "20万元" },
  { id: "liaocheng-7", q: "聊城 外贸企业出口转内销 有啥政策", clause: "liaocheng-2022:七", says: "工作方向和措施" },
  { id: "liaocheng-8", q: "聊城 电商产业园区综合评价排名靠前有什么好处", clause: "liaocheng-2022:八", says: "没有写奖金" },
  { id: "liaocheng-9", q: "聊城 电商人才引进 有啥政策", clause: "liaocheng-2022:九", says: "没有固定金额", noAmount: true },
  { id: "liaocheng-10", q: "聊城 物流中心建设用地有保障吗", clause: "liaocheng-2022:十", says: "用地政策" },
  { id: "liaocheng-11", q: "聊城 齐鲁电商贷能贷多少", clause: "liaocheng-2022:十一", says: "贷款额度，不是补贴" },
  { id: "liaocheng-12", q: "聊城 电商监测数据多久反馈一次", clause: "liaocheng-2022:十二", says: "组织领导" },
  { id: "miluo-1", q: "汨罗 电子商务发展中的深层次矛盾和重大问题 文件怎么说", clause: "miluo-2017:一", says: "工作方向和措施" },
  { id: "miluo-2", q: "汨罗到2020年电商交易额的目标是多少", clause: "miluo-2017:二/(一)", says: "发展目标" },
  { id: "miluo-3", q: "汨罗市财政每年拿多少钱扶持电商", clause: "miluo-2017:三/(一)", says: "扶持资金总额" },
  { id: "miluo-4", q: "汨罗 申报电商奖励要什么材料", clause: "miluo-2017:四/(一)", says: "市商务粮食局" },
  { id: "yeji-1", q: "叶集 电商发展的主要指标要达到什么水平", clause: "yeji-2017:一/1", says: "发展目标" },
  { id: "yeji-2", q: "叶集 电商公共服务是政府购买服务吗", clause: "yeji-2017:二/3", says: "政府购买服务" },
  { id: "yeji-3", q: "叶集 农村电商特色小镇有啥说法", clause: "yeji-2017:三/6", says: "工作方向和措施" },
  { id: "yeji-4", q: "叶集 仓储物流配送这块有啥支持", clause: "yeji-2017:五/10", says: "最高不超过50万元" },
  { id: "yeji-5", q: "叶集 电子商务示范企业奖励怎么规定的", clause: "yeji-2017:五/15", says: "50万元" },
  { id: "yeji-6", q: "叶集的电商补贴怎么申请 找谁", clause: "yeji-2017:六/16", says: "区商务和粮食局" },
];

/** Nothing in the documents relates to this (the region is named, so it is not out of scope either). */
const UNRELATED = { id: "unrelated", q: "平阴 我想开个饭店 能拿多少" };

const ROOT = new URL("../../", import.meta.url).pathname;
let answers: Map<string, Answer>;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "informational-"));
  const batch = join(dir, "cases.jsonl");
  writeFileSync(batch, [...CASES, UNRELATED].map((c) => JSON.stringify({ id: c.id, turns: [c.q] })).join("\n"));
  let out: string;
  try {
    out = execFileSync(process.execPath, ["scripts/run.mjs", "adapters/cli/ask.ts", "--json", "--as-of", "2026-11-23", "--batch", batch], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, REVIEW_CHATS: "", DATA_DIR: join(dir, "data") },
      stdio: ["ignore", "pipe", "ignore"],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  answers = new Map(out.trim().split("\n").map((line) => {
    const { id, ...answer } = JSON.parse(line);
    return [id as string, AnswerSchema.parse(answer)];
  }));
}, 300_000);

describe("informational answers through ask --json", () => {
  for (const c of CASES) {
    it(`${c.id}: cites ${c.clause} and says "${c.says}" (${c.status ?? "answered"})`, () => {
      const a = answers.get(c.id)!;
      expect(a.citations.map((x) => x.clause), a.text).toContain(c.clause);
      expect(a.text).toContain(c.says);
      expect(a.status, a.text).toBe(c.status ?? "answered");
      expect(a.missing).toEqual(c.missing ?? []);
      expect(a.text).not.toContain("能说说你的情况吗");
      if (c.noAmount) expect(a.awards.find((x) => x.clause === c.clause)?.amountFen).toBeNull();
      if (c.firstListed) expect(a.awards[0]?.title).toBe(c.firstListed);
      const guard = numberGuard(a.text, {
        userTexts: [c.q],
        quotes: a.citations.map((x) => x.quote),
        amountsFen: a.awards.flatMap((x) => (x.amountFen === null ? [] : [x.amountFen])),
        extraTexts: a.awards.flatMap((x) => [...x.trace, ...x.conditions]),
      });
      expect(guard.ungrounded.map((u) => u.raw)).toEqual([]);
    });
  }

  it("lists every provision in an overview, within one chat bubble", () => {
    const a = answers.get("why-overview")!;
    expect(a.awards.map((x) => x.clause)).toContain("pingyin-2020:三/(七)");
    expect(a.text.length).toBeLessThan(1000);
  });

  it("keeps asking about the situation for a question nothing in the documents relates to", () => {
    const a = answers.get(UNRELATED.id)!;
    expect(a.text).toContain("能说说你的情况吗");
    expect(a.citations).toEqual([]);
  });
});
