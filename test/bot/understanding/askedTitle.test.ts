/** A title the asker holds without naming it: recognised (认定的, 评上了) while the provisions asked about need one. */
import { describe, expect, it } from "vitest";
import { isTitleFact, statesRecognition, titleAsked } from "../../../bot/understanding/askedTitle.js";

const town = { accepts: { honour: ["cityTown"] }, entityTypes: ["town"] };
const village = { accepts: { honour: ["cityVillage"] }, entityTypes: ["village"] };

describe("titleAsked", () => {
  it("takes the one title of the provisions asked about that the asker's kind can hold", () => {
    expect(titleAsked("honour", [town, village], "village")).toBe("cityVillage");
    expect(titleAsked("honour", [town, village], "town")).toBe("cityTown");
    expect(titleAsked("honour", [village], undefined)).toBe("cityVillage");
  });
  it("guesses none when the kind is unknown and several titles remain, or none fits", () => {
    expect(titleAsked("honour", [town, village], undefined)).toBeUndefined();
    expect(titleAsked("honour", [town, village], "company")).toBeUndefined();
  });
  it("counts only title facts (a value implying an applicant kind)", () => {
    expect(isTitleFact("honour")).toBe(true);
    expect(isTitleFact("activity")).toBe(false);
  });
});

describe("statesRecognition", () => {
  it("reads being recognised with its level and year, as written", () => {
    expect(statesRecognition("河口区孤岛镇的一个村 2021年市里认定的")).toBe("2021年市里认定的");
    expect(statesRecognition("东营 我们镇2022年被市里认定了 能拿多少钱")).toBe("2022年被市里认定了");
    expect(statesRecognition("村里搞电商 评上了有没有钱")).toBe("评上了");
  });
  it("reads no recognition in a question how one is recognised, a denial or a wish", () => {
    for (const text of ["电商村怎么认定的", "还没评上 明年准备申报", "想评上了再说", "认定标准是啥"]) expect(statesRecognition(text), text).toBeUndefined();
  });
});
