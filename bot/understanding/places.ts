/**
 * Places in a message: which policy's region the user is in ("垦利区的", "孝直镇", "东阿的"), places of a
 * covered city that a county policy does not cover ("济南长清区" for 平阴), close misspellings ("汩罗"),
 * and names two regions share ("东阿": 平阴县东阿镇 or 聊城市东阿县), resolved by context and stated.
 * All names come from the policies' metadata (policies.json: aliases, places, nearby).
 */
import { countyContains, gazetteerNames, loadCounties, type Counties, type GazetteerName } from "../../knowledge/gazetteer.js";
import { regionAliases, type PolicyMeta } from "../../knowledge/policyMeta.js";

/** A place the message names inside one policy's region. */
export interface PlaceMention {
  policyId: string;
  /** As written. */
  said: string;
  /** The official name understood: the region ("汨罗市") or the place in it ("孝直镇"). */
  name: string;
  start: number;
  end: number;
  /** Written with a look-alike or mistyped character ("汩罗"). */
  nearMiss: boolean;
  /** What else the same written name could mean, when nothing in the conversation settled it. */
  alsoCould: Array<{ policyId: string; name: string }>;
  /** Named as a place that is not the user's now ("不是平阴的", "以前在平阴", "老家平阴", "卖到东营"). */
  notHere?: NotHere;
}

/** Why a region named in a message is not where the user is. */
export type NotHere = "negated" | "former" | "hometown" | "market";

/** A place of a covered parent city that lies outside the county policy of that city ("长清区" for 平阴). */
export interface NearbyPlace {
  /** The county policy of the same parent city. */
  policyId: string;
  said: string;
  name: string;
  start: number;
  end: number;
}

/** A division of the gazetteer that no policy's own names cover ("滨州", "安徽合肥" as 合肥市, "博兴县"). */
export interface OutsidePlace {
  said: string;
  name: string;
  start: number;
  end: number;
  /** Policies whose region lies inside it (济南 holds 平阴): naming it does not put the user outside those. */
  contains: string[];
  /** Said as the user's own place ("滨州博兴县的 我们村…", "我们是安徽合肥的公司"), not a market or a source ("卖到广州"). */
  home: boolean;
}

export interface PlaceReading {
  /**
   * Policies whose regions the message names as the user's, in order of first mention: a region named only
   * as not the user's ({@link PlaceMention.notHere}) is left out when another region is named.
   */
  policyIds: string[];
  mentions: PlaceMention[];
  nearby: NearbyPlace[];
  outside: OutsidePlace[];
}

export interface PlaceContext {
  /** Policies the conversation is about so far: they settle a name two regions share. */
  current?: readonly string[];
  /** Whether the message's subject is one this policy speaks of: settles a shared name the conversation does not. */
  speaksOf?: (policyId: string) => boolean;
  /**
   * Whether the rest of the message fits this policy (its provisions' words, or a kind they are for: 淘宝C店 for a
   * C2C provision): a region name typed with a same-sound character counts only then (default: speaksOf).
   */
  fits?: (policyId: string) => boolean;
}

interface Name {
  written: string;
  policyId: string;
  name: string;
  /** A shortened form ("东阿" for 东阿县): only counts standing on its own, not inside a longer word. */
  short: boolean;
  /** County-level or the region itself (wins an unresolved tie against a town). */
  major: boolean;
  nearby: boolean;
}

/** Administrative suffixes a user may leave out (孝直镇 → 孝直, 垦利区 → 垦利). */
const SUFFIX = /(街道|镇|乡|区|县|市)$/;
/** Characters a user types for another by eye or by pinyin input (汩 for 汨, 成 for 城). */
const LOOK_ALIKE: ReadonlyArray<string> = ["汨汩", "茌荏", "莘辛", "饶绕", "垦恳", "岗冈", "罗逻", "阴荫", "集级", "津律", "唐塘", "弼粥", "城成", "营赢"];
/**
 * Characters of one sound (any tone) that a phone's pinyin input offers for a region name's (平因 for 平阴, 东莹 for
 * 东营, 业集 for 叶集). Real words share sounds far more than looks, so one of these in a name counts only when the
 * message speaks of that region's policy or the conversation is already about it. The one table of sounds.
 */
const SOUND_ALIKE: ReadonlyArray<string> = [
  "平评苹凭瓶屏萍坪",
  "阴因音殷荫姻",
  "东冬",
  "营莹盈迎赢蝇萤荧",
  "聊辽疗僚寥",
  "城成程承诚乘呈",
  "汨密蜜觅秘",
  "罗萝逻锣螺",
  "叶业页夜液",
  "集及级吉急即籍极",
];
/** A short name stands alone when these (or a non-CJK character, or nothing) surround it. */
const SHORT_BEFORE = /[在是从到于我俺咱们省市县区镇的]$/;
const SHORT_AFTER = /^[的这那里人们县区市镇乡边]/;
const CJK = /\p{Script=Han}/u;

/**
 * Each character of a look-alike pair with its partners, as UTF-16 codes: most characters are in none, and the
 * scan compares codes at every position of a message, with no one-character string for it.
 */
const LOOK_ALIKE_OF = partnersOf(LOOK_ALIKE);
const SOUND_ALIKE_OF = partnersOf(SOUND_ALIKE);

function partnersOf(groups: ReadonlyArray<string>): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const group of groups) {
    for (const a of group) {
      const partners = out.get(a.charCodeAt(0)) ?? new Set<number>();
      for (const b of group) if (b !== a) partners.add(b.charCodeAt(0));
      out.set(a.charCodeAt(0), partners);
    }
  }
  return out;
}

function names(metas: readonly PolicyMeta[]): Name[] {
  const out: Name[] = [];
  for (const meta of metas) {
    const region = meta.region.county ?? meta.region.city ?? meta.aliases[0]!;
    for (const written of regionAliases(meta)) out.push({ written, policyId: meta.id, name: region, short: false, major: true, nearby: false });
    for (const place of meta.places) {
      const major = ["district", "county", "countyCity"].includes(place.kind);
      for (const written of [place.name, ...(place.aliases ?? [])]) {
        out.push({ written, policyId: meta.id, name: place.name, short: false, major, nearby: false });
        const short = written.replace(SUFFIX, "");
        if (place.kind !== "zone" && !place.shortIsWord && short !== written && short.length >= 2) {
          out.push({ written: short, policyId: meta.id, name: place.name, short: true, major, nearby: false });
        }
      }
    }
    const city = meta.region.city?.replace(SUFFIX, "");
    for (const entry of meta.nearby) {
      const place = typeof entry === "string" ? entry : entry.name;
      for (const full of typeof entry === "string" ? [place] : [place, ...entry.aliases]) {
        const forms = new Set([full, ...(city ? [city + full] : [])]);
        const short = full.replace(SUFFIX, "");
        for (const written of forms) out.push({ written, policyId: meta.id, name: place, short: false, major: true, nearby: true });
        // "岳阳" alone is the city that holds the region (岳阳市), not its 岳阳县.
        if (short.length >= 2 && short !== full && short !== city) out.push({ written: short, policyId: meta.id, name: place, short: true, major: true, nearby: true });
      }
    }
  }
  return out.sort((a, b) => b.written.length - a.written.length);
}

/**
 * The names (longest first) and, by UTF-16 code, the positions in that list of the names whose first or second
 * character it is: a name occurs at a position only where its first or its second character stands (at most one
 * differs), so a message looks up its own characters instead of trying every name of the catalog.
 */
interface NameTable {
  names: Name[];
  byFirst: Map<number, number[]>;
  bySecond: Map<number, number[]>;
  /** Names of one character (none today): looked for at every position. */
  single: number[];
}

function nameTable(metas: readonly PolicyMeta[]): NameTable {
  const list = names(metas);
  const byFirst = new Map<number, number[]>();
  const bySecond = new Map<number, number[]>();
  const single: number[] = [];
  const add = (map: Map<number, number[]>, code: number, i: number) => {
    const at = map.get(code);
    if (at) at.push(i);
    else map.set(code, [i]);
  };
  list.forEach((name, i) => {
    if (name.written.length < 2) single.push(i);
    else {
      add(byFirst, name.written.charCodeAt(0), i);
      add(bySecond, name.written.charCodeAt(1), i);
    }
  });
  return { names: list, byFirst, bySecond, single };
}

const cache = new WeakMap<readonly PolicyMeta[], NameTable>();
const gazetteerCache = new WeakMap<readonly PolicyMeta[], Map<number, GazetteerName[]>>();

/**
 * The gazetteer's names by first character (its UTF-16 code: no one-character string per position of a
 * message), longest first: one lookup per character of the message.
 */
function gazetteerIndex(metas: readonly PolicyMeta[]): Map<number, GazetteerName[]> {
  let index = gazetteerCache.get(metas);
  if (index) return index;
  index = new Map();
  for (const g of gazetteerNames(metas).sort((a, b) => b.written.length - a.written.length)) {
    const list = index.get(g.written.charCodeAt(0)) ?? [];
    list.push(g);
    index.set(g.written.charCodeAt(0), list);
  }
  gazetteerCache.set(metas, index);
  return index;
}

const byWrittenCache = new WeakMap<readonly PolicyMeta[], Map<string, string[]>>();

/**
 * The policies a place of the gazetteer holds or lies in, by one of its written names ("新疆", "临沂市", "寿光",
 * "长清区": none; "济南": 平阴; "山东": three), or undefined when the name is no province, prefecture or county.
 * A county is known by its full name, or by its stem right after its province or prefecture (`stemOf`: "山东寿光";
 * alone a stem is often a town or a word: 长乐 is 汨罗's 长乐镇 and 福州's 长乐区).
 */
export function policiesHeldBy(name: string, metas: readonly PolicyMeta[], stemOf?: string): readonly string[] | undefined {
  let byWritten = byWrittenCache.get(metas);
  if (!byWritten) {
    byWritten = new Map();
    for (const g of gazetteerNames(metas)) byWritten.set(g.written, [...new Set([...(byWritten.get(g.written) ?? []), ...g.contains])]);
    byWrittenCache.set(metas, byWritten);
  }
  const division = byWritten.get(name);
  if (division) return division;
  const counties = loadCounties();
  if (COUNTY_END.test(name.at(-1)!) && name.length >= 3) {
    const county = counties.byName.get(name);
    return county && countyContains(metas, name, county);
  }
  if (stemOf === undefined) return undefined;
  for (const full of ["市", "县", "区", "旗"].map((s) => name + s)) {
    const county = counties.byName.get(full);
    if (county && (county.parent.startsWith(stemOf) || county.province.startsWith(stemOf))) return countyContains(metas, full, county);
  }
  return undefined;
}

/** A county name written in full at a position, as a candidate beside the divisions' names. */
type Candidate = GazetteerName & { county?: true };
const countyCache = new WeakMap<readonly PolicyMeta[], Map<string, Candidate>>();
/** The suffixes a county name ends with, as char codes. */
const COUNTY_ENDS = new Set([..."县区市旗"].map((c) => c.charCodeAt(0)));
const COUNTY_END = /[县区市旗]/;

/**
 * The county-level division written in full at `at` ("博兴县"), the longest if several: found by its last
 * character, so the thousands of names cost a lookup only where 县/区/市/旗 stands.
 */
function countyAt(text: string, at: number, metas: readonly PolicyMeta[], counties: Counties | undefined): Candidate | undefined {
  if (!counties?.firsts.has(text.charCodeAt(at))) return undefined;
  for (let end = Math.min(text.length, at + counties.longest); end >= at + 2; end--) {
    if (!COUNTY_ENDS.has(text.charCodeAt(end - 1))) continue;
    const name = text.slice(at, end);
    const county = counties.byName.get(name);
    if (!county) continue;
    let known = countyCache.get(metas);
    if (!known) countyCache.set(metas, (known = new Map()));
    let candidate = known.get(name);
    // Two characters ("曹县", "费县") only count standing as a place, like a division's short form.
    if (!candidate) known.set(name, (candidate = { written: name, name, short: name.length === 2, contains: countyContains(metas, name, county), county: true }));
    return candidate;
  }
  return undefined;
}

/**
 * A county of `parent` written without its suffix at `at` ("潍坊寿光", "滨州博兴"): only right after its own
 * prefecture, where a two-character word is no ordinary word. Loads the county list when first needed.
 */
function ownCountyAfter(
  text: string, at: number, parent: string, metas: readonly PolicyMeta[], taken: readonly boolean[],
): { county: Candidate; length: number } | undefined {
  const counties = loadCounties();
  for (const length of [3, 2]) {
    const stem = text.slice(at, at + length);
    if (stem.length < length || taken.slice(at, at + length).some(Boolean)) continue;
    for (const suffix of "县市区旗") {
      const found = counties.byName.get(stem + suffix);
      if (found?.parent !== parent) continue;
      const name = stem + suffix;
      return { county: { written: name, name, short: false, contains: countyContains(metas, name, found), county: true }, length };
    }
  }
  return undefined;
}

/** Before a short division name: a place follows ("在滨州", "来自合肥"), whatever comes after it. */
const PLACE_FOLLOWS = /(在|来自|位于|地处)$/;
/** Before a place: it is where the user is ("我是聊城…", "我们在垦利区"). */
const HOME_BEFORE = /(?:我|我们|咱|咱们|俺|本人)(?:是|在|这边是|家在|公司在|店在)$/;
/** After a place: it is where the user is ("…东阿县的主播", "东营这边的公司"). */
const HOME_AFTER = /^(?:这边|本地)?的?(?:主播|达人|网红|公司|企业|厂子?|店|网店|店铺|合作社|商家|个体户|人)/;
/** A place opening the message is the user's own ("滨州博兴县的 我们村…", "来自合肥"). */
const OPENS_MESSAGE = /^\s*(?:(?:我|我们|咱|咱们|俺|俺们|本人)(?:是|在|家在|公司在|店在|这边是)?|来自|在)?$/;
/** Before or after a short division name that stands as a place ("我们潍坊这边", "滨州的企业", "合肥注册"). */
const DIVISION_BEFORE = /[是从自于到咱我们俺省市，,。]$/;
const DIVISION_AFTER = /^(市|省|的|人|注册|这边|这里|那边|那里|那块|一带|本地|地区|[，,。、])/;
/** After a short division name: a county-level place of it follows ("滨州博兴县", "河南固始县"); read as one place. */
const COUNTY_AFTER = /^[^\s的在是我们和与跟了个这那里县区市省镇乡村]{1,3}(?:县|区|市|旗)(?![里委级长])/u;
/** After a county name written in full, a word it starts: "河北区域" is no district of 天津, "义乌市场" a market. */
const NOT_AFTER_COUNTY = /^[域场]/;

/**
 * Divisions of the gazetteer the message names where no policy's name was read. A short form ("合肥",
 * "白银") counts only standing as a place: after 在/来自, or with 的/市/这边/人/注册… after it and the
 * message start, a place, or 是/我们… before it, so words such as 白银 (silver) or 大同小异 are not places.
 */
function readOutside(text: string, metas: readonly PolicyMeta[], taken: boolean[]): OutsidePlace[] {
  const index = gazetteerIndex(metas);
  const found: OutsidePlace[] = [];
  // A county is written with its suffix: a message with none of them names none, and needs no list of them.
  const counties = COUNTY_END.test(text) ? loadCounties() : undefined;
  const startsDivision = (at: number) => (index.get(text.charCodeAt(at)) ?? []).some((g) => text.startsWith(g.written, at)) || countyAt(text, at, metas, counties) !== undefined;
  for (let at = 0; at < text.length; at++) {
    if (taken[at]) continue;
    const names: readonly Candidate[] = index.get(text.charCodeAt(at)) ?? [];
    const inFull = countyAt(text, at, metas, counties);
    // Longest first, as within the divisions' names ("河北区" of 天津 before "河北").
    const longer = inFull && names.find((g) => g.written.length > inFull.written.length && text.startsWith(g.written, at));
    for (const division of inFull && !longer ? [inFull, ...names] : names) {
      let g = division;
      let end = at + g.written.length;
      if (!text.startsWith(g.written, at) || taken.slice(at, end).some(Boolean)) continue;
      if (g.short) {
        const before = text.slice(0, at);
        const after = text.slice(end);
        const follows = before === "" || !CJK.test(before.at(-1)!) || DIVISION_BEFORE.test(before) || found.at(-1)?.end === at || taken[at - 1] === true;
        const county = g.county ? undefined : COUNTY_AFTER.exec(after)?.[0];
        let stands = after === "" || !CJK.test(after[0]!) || DIVISION_AFTER.test(after) || startsDivision(end) || county !== undefined;
        // "潍坊寿光": one of its counties without the suffix, right after the prefecture, is that county.
        const own = !stands && follows && !g.county ? ownCountyAfter(text, end, g.name, metas, taken) : undefined;
        if (own) {
          stands = true;
          g = own.county;
        }
        if (!PLACE_FOLLOWS.test(before) && !(follows && stands)) continue;
        if (own) end += own.length;
        else if (county && !startsDivision(end) && !taken.slice(end, end + county.length).some(Boolean)) end += county.length;
      } else if (g.county && NOT_AFTER_COUNTY.test(text.slice(end, end + 1))) continue;
      taken.fill(true, at, end);
      // "安徽合肥": a province then its city names the city.
      const outer = found.at(-1)?.end === at ? found.pop()! : undefined;
      const start = outer?.start ?? at;
      const home = OPENS_MESSAGE.test(text.slice(0, start)) || HOME_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || HOME_AFTER.test(text.slice(end, end + 6));
      found.push({ said: text.slice(start, end), name: g.name, start, end, contains: g.contains, home });
      at = end - 1;
      break;
    }
    if ((found.at(-1)?.end ?? -1) > at) continue;
    // "昆山的电商公司", "我是义乌的": a county-level city without 市, standing as a place.
    const short = countyShortAt(text, at, metas, taken);
    if (!short) continue;
    const end = at + short.length;
    taken.fill(true, at, end);
    const home = OPENS_MESSAGE.test(text.slice(0, at)) || HOME_BEFORE.test(text.slice(Math.max(0, at - 5), at)) || HOME_AFTER.test(text.slice(end, end + 6));
    found.push({ said: text.slice(at, end), name: short.county.name, start: at, end, contains: short.county.contains, home });
    at = end - 1;
  }
  return found;
}

/** Whether a place already read covers any of [from, to). */
function takenIn(taken: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (taken[i]) return true;
  return false;
}

/** Characters after which a place name may start: a break, a blank, or a word that puts a place after it. */
const SHORT_COUNTY_BEFORE = new Set(Array.from(" \t\n\u3000，,。！!？?；;：:、是在从自于到咱我们俺的", (c) => c.charCodeAt(0)));
/** After a county's short form: it stands as a place ("昆山的", "义乌这边", "义乌人", "昆山注册"), never "义乌市场". */
const SHORT_COUNTY_AFTER = /(?:的|这边|那边|这里|那里|人|注册|本地|[\s，,。！!？?；;、]|$)/y;

/**
 * A county-level city written without 市 at `at` ("昆山", "义乌"): only standing as a place on both
 * sides, and never a name a policy's places already took. The words before are tested first, so most positions
 * of a message cost no copy.
 */
function countyShortAt(text: string, at: number, metas: readonly PolicyMeta[], taken: readonly boolean[]): { county: Candidate; length: number } | undefined {
  if (at > 0 && !SHORT_COUNTY_BEFORE.has(text.charCodeAt(at - 1))) return undefined;
  const counties = loadCounties();
  if (!counties.firsts.has(text.charCodeAt(at))) return undefined;
  for (const length of [3, 2]) {
    if (at + length > text.length || takenIn(taken, at, at + length)) continue;
    // Read in place: most positions that may start a name are followed by no place word.
    SHORT_COUNTY_AFTER.lastIndex = at + length;
    if (!SHORT_COUNTY_AFTER.test(text)) continue;
    const stem = text.slice(at, at + length);
    // County-level cities only: short forms of 县 are too often words or names of their own (和平, 安福).
    const name = `${stem}市`;
    const found = counties.byName.get(name);
    if (found) return { county: { written: stem, name, short: true, contains: countyContains(metas, name, found), county: true }, length };
  }
  return undefined;
}

/**
 * Whether `written` stands at `at` in `text`, exactly or with one look-alike or same-sound character: 0 no,
 * 1 exactly, 2 as a near miss by look, 3 by sound only.
 */
function occursAt(text: string, written: string, at: number): 0 | 1 | 2 | 3 {
  const n = written.length;
  if (at + n > text.length) return 0;
  let misses = 0;
  let bySound = false;
  for (let i = 0; i < n && misses <= 1; i++) {
    const c = text.charCodeAt(at + i);
    const w = written.charCodeAt(i);
    if (c === w) continue;
    if (LOOK_ALIKE_OF.get(c)?.has(w)) misses += 1;
    else if (SOUND_ALIKE_OF.get(c)?.has(w)) {
      misses += 1;
      bySound = true;
    } else misses += 2;
  }
  return misses === 0 ? 1 : misses === 1 ? (bySound ? 3 : 2) : 0;
}

/**
 * Where the names of the table may stand in `text`, as (position in the table) * (text length + 1) + (position
 * in the text), in table order then text order (no object per candidate): where a name's first or second character stands (one name of
 * 2+ characters differs in one character at most), and everywhere for a name of one character.
 */
function candidates(text: string, table: NameTable): number[] {
  const out: number[] = [];
  const stride = text.length + 1;
  for (let at = 0; at < text.length; at++) {
    const first = table.byFirst.get(text.charCodeAt(at));
    if (first) for (const i of first) out.push(i * stride + at);
    // Starting one character earlier: the name's second character stands here.
    const second = at > 0 ? table.bySecond.get(text.charCodeAt(at)) : undefined;
    if (second) for (const i of second) out.push(i * stride + at - 1);
    for (const i of table.single) out.push(i * stride + at);
  }
  out.sort((a, b) => a - b);
  return out;
}

/** Whether a short name stands alone on each side: 0 neither, 1 before only, 2 after only, 3 both. */
function standsAlone(text: string, start: number, end: number): 0 | 1 | 2 | 3 {
  const before = text[start - 1];
  const after = text[end];
  const okBefore = before === undefined || !CJK.test(before) || SHORT_BEFORE.test(text.slice(0, start));
  const okAfter = after === undefined || !CJK.test(after) || SHORT_AFTER.test(text.slice(end));
  return ((okBefore ? 1 : 0) + (okAfter ? 2 : 0)) as 0 | 1 | 2 | 3;
}

/**
 * Read the places a message names. Longest names win where they overlap ("平阴东阿镇" is 平阴 and its
 * 东阿镇, never 聊城's 东阿县). A name two policies share is settled by the other places in the message,
 * then by the conversation so far, then in favour of the county-level place; `alsoCould` keeps the
 * others so the reply can say which was understood.
 */
export function readPlaces(text: string, metas: readonly PolicyMeta[], context: PlaceContext = {}): PlaceReading {
  let table = cache.get(metas);
  if (!table) cache.set(metas, (table = nameTable(metas)));
  const taken = new Array<boolean>(text.length).fill(false);
  type Hit = { start: number; end: number; said: string; nearMiss: boolean; candidates: Name[] };
  const hits: Hit[] = [];
  const afterPlace: { name: Name; at: number; end: number; nearMiss: boolean }[] = [];
  // Names in table order (longest first), each at its positions in text order; a position found twice is one.
  const stride = text.length + 1;
  let previous = -1;
  for (const candidate of candidates(text, table)) {
    if (candidate === previous) continue;
    previous = candidate;
    const name = table.names[Math.floor(candidate / stride)]!;
    const at = candidate % stride;
    const found = occursAt(text, name.written, at);
    if (found === 0) continue;
    const nearMiss = found >= 2;
    const end = at + name.written.length;
    // A near miss needs a name long enough that one changed character still identifies it.
    if (nearMiss && name.short) continue;
    // "东莹 龙头企业奖励": a same-sound character counts where the message speaks of that region's policy.
    // It must also stand as a word of its own ("水平因为…" holds no 平阴).
    if (found === 3 && (standsAlone(text, at, end) !== 3 || !(context.current?.includes(name.policyId) || (context.fits ?? context.speaksOf)?.(name.policyId)))) continue;
    if (name.short) {
      const alone = standsAlone(text, at, end);
      // "我在聊城临清", "东营广饶的": a short name right after another place name stands alone on that side (decided below).
      if (alone === 2) afterPlace.push({ name, at, end, nearMiss });
      if (alone !== 3) continue;
    }
    const same = hits.find((h) => h.start === at && h.end === end);
    if (same) {
      if (!same.candidates.some((c) => c.policyId === name.policyId)) same.candidates.push(name);
      continue;
    }
    if (taken.slice(at, end).some(Boolean)) continue;
    taken.fill(true, at, end);
    hits.push({ start: at, end, said: text.slice(at, end), nearMiss, candidates: [name] });
  }
  for (const d of afterPlace) {
    const same = hits.find((h) => h.start === d.at && h.end === d.end);
    if (same) {
      if (!same.candidates.some((c) => c.policyId === d.name.policyId)) same.candidates.push(d.name);
      continue;
    }
    if (!hits.some((h) => h.end === d.at) || taken.slice(d.at, d.end).some(Boolean)) continue;
    taken.fill(true, d.at, d.end);
    hits.push({ start: d.at, end: d.end, said: text.slice(d.at, d.end), nearMiss: d.nearMiss, candidates: [d.name] });
  }
  hits.sort((a, b) => a.start - b.start);

  const inside = hits.filter((h) => h.candidates.some((c) => !c.nearby));
  const settled = new Set(inside.filter((h) => h.candidates.length === 1).map((h) => h.candidates[0]!.policyId));
  const mentions: PlaceMention[] = [];
  const nearby: NearbyPlace[] = [];
  for (const hit of hits) {
    const within = hit.candidates.filter((c) => !c.nearby);
    if (within.length === 0) {
      const c = hit.candidates[0]!;
      nearby.push({ policyId: c.policyId, said: hit.said, name: c.name, start: hit.start, end: hit.end });
      continue;
    }
    const speaking = within.length > 1 && context.speaksOf ? within.filter((c) => context.speaksOf!(c.policyId)) : [];
    const pick =
      within.find((c) => settled.has(c.policyId)) ??
      within.find((c) => context.current?.includes(c.policyId)) ??
      (speaking.length === 1 ? speaking[0] : undefined) ??
      within.find((c) => c.major) ??
      within[0]!;
    const alsoCould = within.length > 1 && !settled.has(pick.policyId) ? within.filter((c) => c !== pick).map((c) => ({ policyId: c.policyId, name: c.name })) : [];
    const mention: PlaceMention = { policyId: pick.policyId, said: hit.said, name: pick.name, start: hit.start, end: hit.end, nearMiss: hit.nearMiss, alsoCould };
    // "卖到东营广饶": a name right after another of the same region shares its role.
    const previous = mentions.at(-1);
    const notHere = previous?.end === hit.start && previous.policyId === pick.policyId ? previous.notHere : notHereAt(text, hit.start, hit.end);
    if (notHere) mention.notHere = notHere;
    mentions.push(mention);
  }
  const own = mentions.filter((m) => !m.notHere);
  const ids = (list: PlaceMention[]) => [...new Set(list.map((m) => m.policyId))];
  return { policyIds: ids(own.length > 0 ? own : mentions), mentions, nearby, outside: readOutside(text, metas, taken) };
}

/** Before a region: the user says it is not theirs ("不是平阴的", "不在东营"; not "是不是平阴的"). */
const NEGATED_BEFORE = /(?:(?<!是)不是|不在|不属于|并非)$/;
/** Before a region: where the user was ("以前在平阴", "原来是东营的"). */
const FORMER_BEFORE = /(?:以前|之前|原来|原先|早先|从前|过去)(?:是|在|住在|开在|注册在)?$/;
/** "从平阴搬到东营", "从东营过来的": 从 before a region and a move after it. */
const MOVED_AFTER = /^(?:县|市|区)?(?:搬|迁|过来|来的|回来)/;
/** Before a region: where the user comes from ("老家平阴的", "老家是东营的"). */
const HOMETOWN_BEFORE = /老家(?:是|在)?$/;
/** After a region: the user's origin ("我是平阴人"; not 人社局, 人员, 人才). */
const ORIGIN_AFTER = /^(?:县|市|区)?人(?![社员才民口数次])/;
/** Before or after a region: a market, not the user's place ("卖到东营", "供货给聊城的超市", "东营的客户"). */
const MARKET_BEFORE = /(?:卖到|卖往|卖去|卖给|销往|销到|发到|发往|发给|运到|寄到|送到|供货给|供应给)$/;
const MARKET_AFTER = /^(?:那边|这边)?的?(?:客户|顾客|买家|市场|消费者)/;

/** Why the region written at [start, end) is not where the user is, if the words around it say so. */
function notHereAt(text: string, start: number, end: number): NotHere | undefined {
  const before = text.slice(Math.max(0, start - 6), start);
  const after = text.slice(end, end + 6);
  if (NEGATED_BEFORE.test(before)) return "negated";
  if (FORMER_BEFORE.test(before) || (before.endsWith("从") && MOVED_AFTER.test(after))) return "former";
  if (HOMETOWN_BEFORE.test(before) || ORIGIN_AFTER.test(after)) return "hometown";
  if (MARKET_BEFORE.test(before) || MARKET_AFTER.test(after)) return "market";
  return undefined;
}

/** Where the applicant is registered, when the message says so ("注册在济南长清区", "营业执照在泰安肥城"). */
export interface Registration {
  said: string;
  /** The policy whose region holds that place; null when it lies outside every region. */
  policyId: string | null;
}

/** "注册在", "执照在", "注册地是", "落户在": what follows is where the business is registered. */
const REGISTERED_AT = /(?:注册|登记|营业执照|执照|落户)(?:地址?|的地方)?(?:办)?(?:在|是|于|挂在)/g;
/** Words after 注册在 that name no place ("注册在本地", "注册在我们县"). */
const NOT_A_PLACE = /^(本地|当地|这边|这里|那边|本县|本市|本区|我们|咱们|县里|市里|区里|镇上|村里)/;

/**
 * The registration place the message names, read against the places found by {@link readPlaces}:
 * a place of a region, a nearby place (outside its county policy), or any other place-like word.
 */
export function readRegistration(text: string, reading: PlaceReading): Registration | undefined {
  // "长清区注册的公司", "平阴注册的": a place right before 注册.
  for (const m of text.matchAll(/(?:的)?(?:注册|登记)(?!在|是|于|地)/g)) {
    const inside = reading.mentions.find((p) => p.end === m.index);
    const near = reading.nearby.find((p) => p.end === m.index);
    // A division holding no covered region ("潍坊注册的"); one holding the region asked about says too little.
    const elsewhere = reading.outside.find((p) => p.end === m.index && p.contains.length === 0);
    if (near ?? elsewhere) return { said: (near ?? elsewhere)!.said, policyId: null };
    if (inside) return { said: inside.said, policyId: inside.policyId };
  }
  for (const m of text.matchAll(REGISTERED_AT)) {
    const from = m.index + m[0].length;
    const tail = text.slice(from);
    if (NOT_A_PLACE.test(tail)) continue;
    // "注册在济南" holds 平阴 as well as the rest of 济南: it decides nothing by itself (nor does a region named after it).
    if (reading.outside.some((p) => p.start === from && p.contains.length > 0)) continue;
    const inside = reading.mentions.find((p) => p.start >= from && p.start <= from + 4);
    const near = reading.nearby.find((p) => p.start >= from && p.start <= from + 4);
    if (inside && (!near || inside.start <= near.start)) {
      // "注册在济南长清区": a region word right before a nearby place does not make it inside.
      if (near && near.start <= inside.end + 1) return { said: text.slice(from, near.end), policyId: null };
      return { said: inside.said, policyId: inside.policyId };
    }
    if (near) return { said: text.slice(from, near.end), policyId: null };
    const word = /^[\p{Script=Han}]{2,6}?(?=[的，,。\s]|有|开|做|在|$)/u.exec(tail)?.[0] ?? /^[\p{Script=Han}]{2,4}/u.exec(tail)?.[0];
    if (word) return { said: word, policyId: null };
  }
  return undefined;
}

/** The user's own place, in another covered region than the one asked about ("我是聊城东阿县的主播 … 平阴那个奖励"). */
export interface HomeElsewhere {
  /** The user's place as written, neighbouring names joined ("聊城东阿县"). */
  said: string;
  /** The one policy asked about. */
  asked: string;
}

/** Between two regions: they are listed together ("平阴和东营", "平阴县、东营市"). */
const JOINED = /^(?:县|市|区)?(?:和|跟|与|及|以及|还有|、)$/;

/** After a place: it is the region asked about ("平阴那个…奖励", "平阴的政策", "平阴那边的补贴"). */
const ASKED_AFTER = /^(?:县|市|区)?(?:那个|那边的?|这个|的(?:政策|奖励?|补贴|补助|扶持|文件|那个))/;

/**
 * Where the user is, when the message names two covered regions: one as the user's own place and another as
 * the one asked about. Both must be plain; anything less decides nothing (a comparison names two regions too).
 */
export function readHomeElsewhere(text: string, reading: PlaceReading): HomeElsewhere | undefined {
  if (reading.policyIds.length !== 2) return undefined;
  // "我们在平阴和东营都有公司": regions joined in a list are all the user's.
  const listed = (m: PlaceMention) => reading.mentions.some((o) => o.policyId !== m.policyId && (JOINED.test(text.slice(m.end, o.start)) || JOINED.test(text.slice(o.end, m.start))));
  const home = reading.mentions.filter((m) => !listed(m) && (HOME_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start)) || HOME_AFTER.test(text.slice(m.end, m.end + 6))));
  const asked = reading.mentions.filter((m) => ASKED_AFTER.test(text.slice(m.end, m.end + 6)));
  const homeIds = new Set(home.map((m) => m.policyId));
  const askedIds = new Set(asked.map((m) => m.policyId));
  if (homeIds.size !== 1 || askedIds.size !== 1) return undefined;
  const [homeId] = homeIds;
  const [askedId] = askedIds;
  if (homeId === askedId) return undefined;
  // The home region's names written side by side make one place ("聊城" + "东阿县").
  const run = reading.mentions.filter((m) => m.policyId === homeId);
  const first = home[0]!;
  let start = first.start;
  let end = first.end;
  for (const m of run) if (m.end === start) start = m.start;
  for (const m of run) if (m.start === end) end = m.end;
  return { said: text.slice(start, end), asked: askedId! };
}

/**
 * Whether the user is registered in the region asked about (`asked`), and the words that say so, or nothing when
 * the message does not tell. A stated registration place decides always; where the user says they are decides
 * only while nothing is known (`known`), and the reply names the place beside the clause's words:
 * - "注册在济南长清区" / "执照在泰安肥城": registered where it says;
 * - "我是聊城东阿县的主播 … 平阴那个奖励": the user's own covered region is not the one asked about;
 * - "济南长清区的 … 平阴的奖励": a place of the asked county's city outside the county;
 * - "济南的直播基地 … 聊城那个50万的": a division holding none of the regions asked about (`named`: the message names one).
 */
export function registeredWhere(
  places: PlaceReading & { registration?: Registration; home?: HomeElsewhere },
  asked: readonly string[],
  named: boolean,
  known: boolean,
): { local: boolean; said: string } | undefined {
  if (places.registration && asked.length > 0) return { local: asked.includes(places.registration.policyId ?? ""), said: places.registration.said };
  if (known) return undefined;
  if (places.home) return { local: false, said: places.home.said };
  const nearby = places.nearby[0];
  if (nearby && asked.includes(nearby.policyId)) return { local: false, said: nearby.said };
  const away = named ? places.outside.find((p) => p.home && !p.contains.some((id) => asked.includes(id))) : undefined;
  return away && { local: false, said: away.said };
}

