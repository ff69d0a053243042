/**
 * China's provinces and prefecture-level divisions (gazetteer.json), so a place outside every policy is
 * recognised as such ("滨州的企业") instead of being taken for no place at all. Validated by zod at load.
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

/** One division: its official name, the short forms users write, its province. */
export interface Division {
  name: string;
  aliases: string[];
  province: string;
  /** The suffix-less form is an ordinary word of merchants' talk, so only the full name counts. */
  shortIsWord?: boolean;
}

let loaded: Division[] | undefined;

/** The divisions of the gazetteer file; throws one line naming the file and the bad field. */
export function loadGazetteer(file = DEFAULT_FILE): Division[] {
  if (file === DEFAULT_FILE && loaded) return loaded;
  const parsed = GazetteerSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".")} ${issue.message}`);
  }
  const out: Division[] = parsed.data.provinces.flatMap((p) => [
    { name: p.name, aliases: p.aliases ?? [], province: p.name },
    ...p.cities.map((c) =>
      typeof c === "string" ? { name: c, aliases: [], province: p.name } : { name: c.name, aliases: c.aliases ?? [], province: p.name, shortIsWord: c.shortIsWord !== undefined },
    ),
  ]);
  if (file === DEFAULT_FILE) loaded = out;
  return out;
}

/** Every written form of every division, with the policies each one holds. */
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
