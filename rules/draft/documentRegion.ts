/**
 * The region a policy document names in its issuer or title ("柳林县人民政府办公室" → 山西省 吕梁市 柳林县), looked
 * up in the gazetteer, with the names users write for it, so policy:import fills region and aliases instead of
 * leaving an empty province for the operator to miss. Null when no province, prefecture or county is named.
 */
import { loadCounties, loadGazetteer } from "../../knowledge/gazetteer.js";

export interface DocumentRegion {
  region: { province: string; city: string | null; county: string | null };
  aliases: string[];
}

/** "柳林县" → ["柳林", "柳林县"]; a one-character short form ("泾" of 泾县) is no name users write. */
function writtenForms(name: string): string[] {
  const short = name.replace(/(?:省|市|县|区|旗|地区|盟)$/, "");
  return short.length >= 2 && short !== name ? [short, name] : [name];
}

export function documentRegion(...texts: Array<string | null>): DocumentRegion | null {
  const text = texts.filter(Boolean).join("\n");
  const divisions = loadGazetteer();
  const named = divisions.filter((d) => text.includes(d.name));
  const city = named.find((d) => d.name !== d.province);
  const counties = loadCounties();
  // Counties written in full, the one under a named prefecture first ("宿迁市宿豫区").
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!counties.firsts.has(text.charCodeAt(i))) continue;
    // The longest name at a place, and none inside it ("沂南县", not its "南县").
    for (let n = counties.longest; n >= 2; n--) {
      if (!counties.byName.has(text.slice(i, i + n))) continue;
      found.push(text.slice(i, i + n));
      i += n - 1;
      break;
    }
  }
  const county = found.find((c) => counties.byName.get(c)!.parent === city?.name) ?? found[0];
  if (county) {
    const { parent, province } = counties.byName.get(county)!;
    return { region: { province, city: parent === province ? null : parent, county }, aliases: writtenForms(county) };
  }
  if (city) return { region: { province: city.province, city: city.name, county: null }, aliases: writtenForms(city.name) };
  const province = named[0];
  return province ? { region: { province: province.name, city: null, county: null }, aliases: writtenForms(province.name) } : null;
}
