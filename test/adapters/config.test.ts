import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_SETTING_NAMES, ConfigError, parseConfig, selectedChannels } from "../../adapters/config.js";

/** The KEY=value lines of .env.example as an environment. */
function exampleEnv(): Record<string, string> {
  const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

describe("configuration", () => {
  it("starts the console with no settings at all, with documented defaults", () => {
    const config = parseConfig({});
    expect(selectedChannels(config)).toEqual(["console"]);
    expect(config).toMatchObject({ DATA_DIR: "data", TELEGRAM_API_ROOT: "https://api.telegram.org", TELEGRAM_THROTTLE: true, WECHAT_PACE_CHAT_MS: 2_000 });
    expect(config.WECHAT_QUESTION_TRIGGER).toBeUndefined(); // the question trigger is off by default
  });

  it("selects Telegram when a token is set and WeChat when a puppet is set", () => {
    expect(selectedChannels(parseConfig({ TELEGRAM_BOT_TOKEN: "123:abc" }))).toEqual(["telegram"]);
    expect(selectedChannels(parseConfig({ TELEGRAM_BOT_TOKEN: "123:abc", WECHATY_PUPPET: "wechaty-puppet-wechat4u" }))).toEqual(["telegram", "wechat"]);
  });

  it("treats empty values as unset, so a copied .env.example is valid as it is", () => {
    const config = parseConfig(exampleEnv());
    expect(selectedChannels(config)).toEqual(["console"]);
  });

  it("documents every setting in .env.example", () => {
    const documented = Object.keys(exampleEnv());
    expect(ALL_SETTING_NAMES.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it("serves health on 127.0.0.1:9464 and logs without message text by default; a bad log or health setting is one line naming it", () => {
    expect(parseConfig({})).toMatchObject({ HEALTH_HOST: "127.0.0.1", HEALTH_PORT: 9464, LOG_TEXT: false });
    expect(parseConfig({}).LOG_LEVEL).toBeUndefined();
    expect(parseConfig({ LOG_LEVEL: "debug", LOG_TEXT: "true", HEALTH_PORT: "0" })).toMatchObject({ LOG_LEVEL: "debug", LOG_TEXT: true, HEALTH_PORT: 0 });
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(/^Bad setting LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent$/);
    expect(() => parseConfig({ HEALTH_PORT: "99999" })).toThrow(/^Bad setting HEALTH_PORT: must be at most 65535$/);
  });

  it("parses room prefixes, room regions and the question trigger", () => {
    const config = parseConfig({
      WECHAT_ROOM_PREFIX: "a@chatroom=小惠;*=？",
      WECHAT_ROOM_REGIONS: '{"b@chatroom":"平阴"}',
      WECHAT_QUESTION_TRIGGER: "(补贴|奖励).*多少",
      WECHAT_STAFF_IDS: "wxid_a, wxid_b",
    });
    expect(config.WECHAT_ROOM_PREFIX).toEqual({ "a@chatroom": "小惠", "*": "？" });
    expect(config.WECHAT_ROOM_REGIONS).toEqual({ "b@chatroom": "平阴" });
    expect(config.WECHAT_QUESTION_TRIGGER?.test("这个补贴能拿多少")).toBe(true);
    expect(config.WECHAT_STAFF_IDS).toEqual(["wxid_a", "wxid_b"]);
  });

  it.each([
    ["TELEGRAM_BOT_TOKEN", "not-a-token"],
    ["TELEGRAM_API_ROOT", "localhost:8081"],
    ["TELEGRAM_THROTTLE", "maybe"],
    ["WECHAT_ROOM_PREFIX", "roomWithoutValue"],
    ["WECHAT_QUESTION_TRIGGER", "(unclosed"],
    ["WECHAT_PACE_CHAT_MS", "fast"],
    ["AS_OF", "2021-02-30x"],
    ["LLM_TIMEOUT_MS", "-5"],
  ])("rejects a bad %s with one line naming it", (name, value) => {
    let error: unknown;
    try {
      parseConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(name);
    expect((error as ConfigError).message).toMatch(new RegExp(`^Bad setting ${name}: [^\\n]+$`));
  });
});
