import { describe, expect, it } from "vitest";
import { supposedSuccess } from "../../../bot/understanding/supposition.js";

/** The supposition around the first `title` in `text`. */
const around = (text: string, title: string) => supposedSuccess(text, text.indexOf(title), text.indexOf(title) + title.length);

describe("supposedSuccess: a title the asker supposes getting, asking what it brings", () => {
  it("reads success supposed after the title, then an amount question", () => {
    expect(around("我们村想创淘宝村 成了能给多少", "淘宝村")).toBe("淘宝村 成了");
    expect(around("俺们村正在创建电商特色村 创成了奖励多少", "电商特色村")).toBe("电商特色村 创成了");
    expect(around("想申报中国淘宝镇 成功了的话给多少钱", "中国淘宝镇")).toBe("中国淘宝镇 成功了的话");
  });
  it("reads 要是/如果 with a verb of getting it before the title", () => {
    expect(around("要是评上电商示范村 能奖多少", "电商示范村")).toBe("要是评上电商示范村");
  });
  it("reads nothing when success is not supposed or no amount is asked", () => {
    expect(around("淘宝村有啥奖", "淘宝村")).toBeUndefined();
    expect(around("我们村还没评上淘宝村 有奖吗", "淘宝村")).toBeUndefined();
    expect(around("要是评上淘宝村 要什么条件", "淘宝村")).toBeUndefined();
    expect(around("淘宝村的标准是多少家网店", "淘宝村")).toBeUndefined();
  });
});
