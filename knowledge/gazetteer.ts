/**
 * China's provinces and prefecture-level divisions (gazetteer.json) and county-level divisions
 * (gazetteerCounties.json), so a place outside every policy is recognised as such ("滨州的企业",
 * "博兴县的村子") instead of being taken for no place at all. Validated by zod at load.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { PolicyMeta } from "./policyMeta.js";

const Division = z.union([
  z.string().min(2),
  z.strictObject({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).min(1).optional(),
    /** Why the short form is not read as this place: merchants mean something else by it ("阿里" is 阿里巴巴). */
    shortIsWord: z.string().min(2).optional(),
  }),
]);
const GazetteerSchema = z.strictObject({
  about: z.string(),
  provinces: z.array(z.strictObject({ name: z.string().min(2), aliases: z.array(z.string().min(2)).optional(), cities: z.array(Division) })).min(1),
});
/** County-level divisions by parent (a prefecture of gazetteer.json, or a province for those without one): names written in full (县, 区, 县级市, 旗), separated by spaces. */
const CountiesSchema = z.strictObject({
  about: z.string(),
  counties: z.record(z.string(), z.string().regex(/^[\u3400-\u9fff]+[县区市旗](?: [\u3400-\u9fff]+[县区市旗])*$/, "expected county-level names ending in 县, 区, 市 or 旗, separated by spaces")),
});

/** One written form of a province or prefecture-level division. */
export interface GazetteerName {
  written: string;
  /** The official name ("滨州市"). */
  name: string;
  /** Written without its suffix ("滨州"): counts only where it stands as a place. */
  short: boolean;
  /** Policies whose region lies inside it (济南市 holds 平阴县; 山东省 holds 东营 and 聊城). */
  contains: string[];
}

/** Suffixes a user leaves out; autonomous prefectures and regions list their short forms as aliases. */
const SUFFIX = /(省|市|地区|盟)$/;
const DEFAULT_FILE = fileURLToPath(new URL("./gazetteer.json", import.meta.url));
const COUNTIES_FILE = fileURLToPath(new URL("./gazetteerCounties.json", import.meta.url));

/** One division: its official name, the short forms users write, its province. */
export interface Division {
  name: string;
  aliases: string[];
  province: string;
  /** The suffix-less form is an ordinary word of merchants' talk, so only the full name counts. */
  shortIsWord?: boolean;
}

/** A county-level division, known by its full name ("博兴县"). */
export interface County {
  /** Its prefecture ("滨州市"), or its province where it has none. */
  parent: string;
  province: string;
}

/** The county-level divisions by name, with what a reader needs to find them in a message cheaply. */
export interface Counties {
  byName: ReadonlyMap<string, County>;
  /** Characters a county name starts with, as char codes. */
  firsts: ReadonlySet<number>;
  /** The longest name's length. */
  longest: number;
}

let loaded: Division[] | undefined;

/** A data file validated by `schema`; throws one line naming the file and the bad field. */
function readValid<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".")} ${issue.message}`);
  }
  return parsed.data;
}

/** The provinces and prefecture-level divisions of the gazetteer file. */
export function loadGazetteer(file = DEFAULT_FILE): Division[] {
  if (file === DEFAULT_FILE && loaded) return loaded;
  const out: Division[] = readValid(file, GazetteerSchema).provinces.flatMap((p) => [
    { name: p.name, aliases: p.aliases ?? [], province: p.name },
    ...p.cities.map((c) =>
      typeof c === "string" ? { name: c, aliases: [], province: p.name } : { name: c.name, aliases: c.aliases ?? [], province: p.name, shortIsWord: c.shortIsWord !== undefined },
    ),
  ]);
  if (file === DEFAULT_FILE) loaded = out;
  return out;
}

let loadedCounties: Counties | undefined;

/**
 * The county-level divisions (gazetteerCounties.json), each under a division of `divisions`. Names, not objects:
 * thousands of them, read only once a message has a 县, 区, 市 or 旗 in it.
 */
export function loadCounties(file = COUNTIES_FILE, divisions = loadGazetteer()): Counties {
  if (file === COUNTIES_FILE && loadedCounties) return loadedCounties;
  const provinceOf = new Map(divisions.map((d) => [d.name, d.province]));
  const byName = new Map<string, County>();
  const firsts = new Set<number>();
  let longest = 0;
  for (const [parent, names] of Object.entries(readValid(file, CountiesSchema).counties)) {
    const province = provinceOf.get(parent);
    if (!province) throw new Error(`${file}: counties.${parent} is no province or prefecture of the gazetteer`);
    const county = { parent, province };
    for (const name of names.split(" ")) {
      if (!byName.has(name)) byName.set(name, county);
      firsts.add(name.charCodeAt(0));
      longest = Math.max(longest, name.length);
    }
  }
  const out = { byName, firsts, longest };
  if (file === COUNTIES_FILE) loadedCounties = out;
  return out;
}

/**
 * The policies a county holds or lies in: the county policy named after it, or its prefecture's city policy
 * (垦利区 is in 东营's). A county of a county policy's city holds none (历城区 of 济南 is not 平阴).
 */
export function countyContains(metas: readonly PolicyMeta[], name: string, county: County): string[] {
  return metas.filter((m) => m.region.county === name || (m.region.county === null && m.region.city === county.parent)).map((m) => m.id);
}

/** Every written form of every province and prefecture-level division, with the policies each one holds. */
export function gazetteerNames(metas: readonly PolicyMeta[], divisions = loadGazetteer()): GazetteerName[] {
  return divisions.flatMap((d) => {
    const contains = metas.filter((m) => m.region.province === d.name || m.region.city === d.name).map((m) => m.id);
    const short = d.name.replace(SUFFIX, "");
    const forms: GazetteerName[] = [{ written: d.name, name: d.name, short: false, contains }];
    if (short !== d.name && short.length >= 2 && !d.shortIsWord) forms.push({ written: short, name: d.name, short: true, contains });
    for (const alias of d.aliases) forms.push({ written: alias, name: d.name, short: true, contains });
    return forms;
  });
}
