import { describe, expect, it } from "vitest";
import { countiesFrom } from "../../scripts/gazetteerCounties.js";

describe("gazetteerCounties", () => {
  it("keeps county-level divisions by prefecture, or by province where they have none", () => {
    const counties = countiesFrom({
      山东省: { 滨州市: ["滨城区", "博兴县", "邹平市"] },
      北京市: { 市辖区: ["东城区", "朝阳区"] },
      河南省: { 省直辖县级行政区划: ["济源市"] },
    });
    expect(counties).toEqual({ 滨州市: ["滨城区", "博兴县", "邹平市"], 北京市: ["朝阳区"], 河南省: ["济源市"] });
  });

  it("leaves out development zones, towns and names that are ordinary words", () => {
    const counties = countiesFrom({
      山东省: { 东营市: ["东营区", "东营经济技术开发区", "东营港经济开发区"], 济南市: ["市中区", "济南高新技术产业开发区"] },
      广东省: { 东莞市: ["东城街道", "虎门镇", "松山湖"] },
      山西省: { 阳泉市: ["城区", "矿区", "郊区", "盂县"] },
    });
    expect(counties).toEqual({ 东营市: ["东营区"], 阳泉市: ["盂县"] });
  });
});
