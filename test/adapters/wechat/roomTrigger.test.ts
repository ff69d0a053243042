import { describe, expect, it } from "vitest";
import { roomTrigger } from "../../../adapters/wechat/roomTrigger.js";

const base = { roomId: "r1@chatroom", mentionsBot: false };

describe("roomTrigger", () => {
  it("answers an @-mention with the mention and separators removed", async () => {
    expect(roomTrigger({ ...base, text: "@小惠 ：平阴多少", mentionsBot: true, textWithoutMention: "：平阴多少" }, { prefixes: {} })).toEqual({
      addressed: true,
      via: "mention",
      text: "平阴多少",
    });
  });

  it("ignores everything else by default, including questions", async () => {
    expect(roomTrigger({ ...base, text: "补贴能拿多少？", textWithoutMention: "补贴能拿多少？" }, { prefixes: {} })).toEqual({ addressed: false });
  });

  it("answers a room's own prefix, falling back to the '*' prefix", async () => {
    const prefixes = { "r1@chatroom": "小惠", "*": "?" };
    expect(roomTrigger({ ...base, text: "小惠，东营能拿多少", textWithoutMention: "" }, { prefixes })).toMatchObject({ via: "prefix", text: "东营能拿多少" });
    expect(roomTrigger({ ...base, roomId: "r2@chatroom", text: "?东营", textWithoutMention: "" }, { prefixes })).toMatchObject({ via: "prefix", text: "东营" });
    expect(roomTrigger({ ...base, text: "?东营", textWithoutMention: "" }, { prefixes })).toEqual({ addressed: false });
  });

  it("answers the question pattern only when configured", async () => {
    const questionTrigger = /(补贴|奖励).*(多少|吗)/u;
    expect(roomTrigger({ ...base, text: "奖励有多少", textWithoutMention: "" }, { prefixes: {}, questionTrigger })).toMatchObject({ via: "question", text: "奖励有多少" });
    expect(roomTrigger({ ...base, text: "今晚几点直播", textWithoutMention: "" }, { prefixes: {}, questionTrigger })).toEqual({ addressed: false });
  });
});
