/** policy:import fills a policy's region and aliases from the place its issuer or title names, looked up in the gazetteer. */
import { describe, expect, it } from "vitest";
import { documentRegion } from "../../../rules/draft/documentRegion.js";

describe("documentRegion", () => {
  it("finds a county named by the issuer with its prefecture and province, and the short name users write", () => {
    expect(documentRegion("柳林县人民政府办公室", "柳林县促进“乡村e镇”电子商务发展奖励扶持办法")).toEqual({
      region: { province: "山西省", city: "吕梁市", county: "柳林县" }, aliases: ["柳林", "柳林县"],
    });
  });

  it("keeps a one-character county's full name only (泾县, not 泾)", () => {
    expect(documentRegion("泾县人民政府办公室", null)?.aliases).toEqual(["泾县"]);
  });

  it("reads the longest county name at a place, the one under a named prefecture", () => {
    expect(documentRegion(null, "沂南县电子商务进农村综合示范项目资金管理办法")?.region.county).toBe("沂南县");
    expect(documentRegion(null, "宿迁市宿豫区促进直播电商产业高质量发展扶持办法")?.region).toEqual({ province: "江苏省", city: "宿迁市", county: "宿豫区" });
  });

  it("gives a city or a province policy its level, and null when no place is named", () => {
    expect(documentRegion("东营市人民政府", null)?.region).toEqual({ province: "山东省", city: "东营市", county: null });
    expect(documentRegion("山东省商务厅", null)?.region).toEqual({ province: "山东省", city: null, county: null });
    expect(documentRegion("县商务局", "关于促进电商发展的若干措施")).toBeNull();
  });
});
