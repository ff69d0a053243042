/**
 * WeChat end to end: the real PolicyBot behind the real Wechaty adapter on wechaty-puppet-mock.
 */
import { FileBox } from "file-box";
import { ScanStatus } from "wechaty";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyBot } from "../../../bot/policyBot.js";
import { quietLog } from "../../../adapters/adapterLog.js";
import { parseConfig } from "../../../adapters/config.js";
import { startWechat, type RunningWechat } from "../../../adapters/wechat/startWechat.js";
import { JsonRoomRegionStore } from "../../../adapters/wechat/roomRegions.js";
import { startMockWechat, type MockWechat } from "../support/mockWechat.js";
import { AWARD_QUESTION, expectTwentyThousandAward } from "../support/policyAnswers.js";
import { waitFor } from "../support/waitFor.js";


describe("WeChat with the real PolicyBot", () => {
  let env: MockWechat;
  let wechat: RunningWechat;
  let members: ReturnType<MockWechat["mocker"]["createContacts"]>;
  let staff: (typeof members)[number];
  let room: ReturnType<MockWechat["mocker"]["createRoom"]>;
  const printedQr: string[] = [];
  const logged: string[] = [];
  const mention = (text: string) => `@${env.botUser.payload.name}\u2005${text}`;
  const sentTo = (chatId: string) => env.sent.filter((s) => s.chatId === chatId).map((s) => s.text);

  beforeAll(async () => {
    env = await startMockWechat();
    members = env.mocker.createContacts(3);
    staff = env.mocker.createContact({ name: "运营小王" });
    room = env.mocker.createRoom({ topic: "带货主播群", memberIdList: [env.botUser.id, staff.id, ...members.map((m) => m.id)] });
    const config = parseConfig({
      WECHATY_PUPPET: "wechaty-puppet-mock",
      STAFF_IDS: `wechat:${staff.id},telegram:42`,
      WECHAT_PACE_CHAT_MS: "20",
      WECHAT_PACE_GLOBAL_MS: "5",
      WECHAT_PACE_JITTER_MS: "5",
    });
    const handler = await PolicyBot.create({ log: () => undefined });
    // The running, logged-in mock Wechaty stands in for the configured puppet.
    wechat = await startWechat(config, handler, {
      wechaty: env.wechaty,
      log: { ...quietLog, info: (line: string) => void logged.push(line) },
      roomRegions: new JsonRoomRegionStore({}),
      printQr: (code) => void printedQr.push(code),
    });
    await wechat.ready;
  });

  afterAll(async () => {
    await wechat?.stop();
  });

  it("prints the login QR code in the terminal when the puppet asks for a scan", async () => {
    env.mocker.scan("https://login.weixin.qq.com/l/test-code", ScanStatus.Waiting);
    await waitFor(() => printedQr.length === 1);
    expect(printedQr[0]).toBe("https://login.weixin.qq.com/l/test-code");
    expect(logged.some((line) => line.includes("scan this QR code"))).toBe(true);
  });

  it("answers an @-mention in a room by mentioning the asker, with the engine's amount", async () => {
    const [alice] = members;
    alice!.say("今天的直播数据还行").to(room);
    alice!.say(mention(AWARD_QUESTION), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentTo(room.id)).toHaveLength(1); // the chatter without a mention was not answered
    expect(sentTo(room.id)[0]!.startsWith(`@${alice!.payload.name}`)).toBe(true);
    expectTwentyThousandAward(sentTo(room.id)[0]);
  });

  it("uses the room's region after a staff member (from STAFF_IDS) binds it, for questions without a place", async () => {
    const [, bob] = members;
    staff.say(mention("绑定 平阴"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).some((t) => t.includes("本群已绑定地区：平阴")), 10_000);
    bob!.say(mention("15万粉丝 2021年卖了120万 能拿多少？"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).some((t) => t.startsWith(`@${bob!.payload.name}`)), 10_000);
    expectTwentyThousandAward(sentTo(room.id).find((t) => t.startsWith(`@${bob!.payload.name}`)));
  });

  it("answers a private image with a hint and a private 10,000-character message without failing", async () => {
    const [, , carol] = members;
    carol!.say(FileBox.fromBase64(Buffer.from("GIF89a").toString("base64"), "voice.jpg")).to(env.botUser);
    await waitFor(() => sentTo(carol!.id).length === 1, 10_000);
    expect(sentTo(carol!.id)[0]).toMatch(/文字/);
    carol!.say("叶集电商".repeat(2_500)).to(env.botUser);
    await waitFor(() => sentTo(carol!.id).length === 2, 10_000);
    expect(sentTo(carol!.id)[1]!.length).toBeGreaterThan(0);
  });

  it("100 messages in one second from one member: one notice, the rest dropped, others still answered", async () => {
    const spammer = env.mocker.createContact({ name: "刷屏号" });
    const [alice] = members;
    room.payload.memberIdList.push(spammer.id);
    for (let i = 0; i < 100; i++) spammer.say(mention(`东营 第${i}条`), [env.botUser]).to(room);
    alice!.say(mention("东营 企业 网络零售额5000万 能拿多少？"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).some((t) => t.includes("太快")), 15_000);
    await waitFor(() => sentTo(room.id).filter((t) => t.startsWith(`@${alice!.payload.name}`)).length === 2, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const toSpammer = sentTo(room.id).filter((t) => t.startsWith(`@${spammer.payload.name}`));
    expect(toSpammer.filter((t) => t.includes("太快"))).toHaveLength(1);
    expect(toSpammer.length).toBeLessThan(15);
  });
});
