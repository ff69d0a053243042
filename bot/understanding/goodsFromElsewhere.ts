/**
 * Goods the asker says come from a place outside the policy's region: bought in from it ("从新疆进的红枣",
 * "货是云南进的", "从河北沧州发过来的"), sold under its name ("卖的广西砂糖橘", "卖云南的普洱茶"), grown there
 * ("新疆产的"), or simply "不是本地的" said of what they sell. Such goods are not the region's own produce
 * (销售本地土特产品 fails). Which names are places elsewhere is the caller's (the gazetteer against the
 * conversation's policies): a name that may lie inside the region (山东, 济南 for 平阴) is no such statement.
 */

/**
 * Whether a name is a place outside the conversation's regions ("新疆", "临沂", "寿光" after 山东: true), a place
 * that may hold or lie in one (山东, 济南 for 平阴: false), or no place (undefined). `after`: the place named right
 * before it ("山东" before "寿光"), whose counties may be written without their suffix.
 */
export type IsElsewhere = (name: string, after?: string) => boolean | undefined;

/** Words for "elsewhere" that need no gazetteer ("从外地进的", "东北拉来的"). */
const ELSEWHERE_WORDS: ReadonlySet<string> = new Set(["外地", "外省", "外县", "外市", "外区", "东北", "西北", "南方", "北方", "国外", "外国", "海外"]);

/** Where goods come from: 从 or 是 before a place ("从新疆", "货是云南"); a selling verb before it ("卖的广西"). */
const CUE = /从|是|(?<![不没])(?:卖|销售|售卖|主营|经营)(?:的是|的都是|的)?/g;
/** After the place (and an optional 那边): a verb of buying in or shipping ("进的", "批来的", "拉的货", "发过来"). */
const BROUGHT_AFTER = /^(?:那边|那儿|那里|那块|那)?(?:进|批|拉|调|采购|采|拿|收|运|发|购|订|弄)/;
/** After the place: grown or made there ("新疆产的", "云南那边种的"). */
const MADE_AFTER = /^(?:那边|那儿|那里)?(?:产|生产|种|出产)的/;
/** After a place the goods are sold under, their name ("广西砂糖橘", "云南的普洱茶"), not a buyer ("广州的客户"). */
const GOODS_AFTER = /^的?(?![客人商市朋老])\p{Script=Han}/u;
/** "不是本地的", "也不是当地的" at the end of a clause, in a message about what is sold. */
const NOT_HOME = /(?<![我你他她们咱俺])(?:都不是|也不是|不是|并非|不算)(?:咱们?|我们|俺们?)?(?:这边|这里|这儿|本地|当地)(?:的|产的|货)?(?=$|[\s，,。！!？?；;])/g;
const SELLING = /卖|销售|经营|货/;
/**
 * The words of a clause before 从/是/不是 that leave the goods sold as what is spoken of ("货是云南进的", "都是从义乌批的",
 * "卖的红枣不是本地的"), unlike another thing named there ("包装盒从浙江进的").
 */
const SUBJECT_IS_GOODS = /^(?:我们|我|俺们|俺|咱们|咱|我家|俺家|家里|店里|网店里?|店铺|网上|线上|平台上|(?:卖|销售|主营|经营)的?[^\s，,。！!？?；;]{0,6}?|货|东西|产品|商品|主要|大部分|大多|都|全|全部|一般|基本上?|也|是|的)*$/;
/** A name of a place: 2 to 8 characters (河北沧州, 新疆维吾尔自治区), read longest first. */
const LONGEST = 8;
const BREAK = /[\s，,。！!？?；;、]/;

/** The user's words saying the goods come from elsewhere, from the cue to the end of its clause, or nothing. */
export function readGoodsFromElsewhere(text: string, isElsewhere: IsElsewhere): string | undefined {
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m !== null; m = CUE.exec(text)) {
    const at = m.index + m[0].length;
    const place = placeAt(text, at, isElsewhere);
    if (place === undefined) continue;
    const tail = text.slice(at + place, at + place + 4);
    const from = m[0] === "从" || m[0] === "是";
    if (from && !SUBJECT_IS_GOODS.test(text.slice(clauseStart(text, m.index), m.index))) continue;
    if ((from && BROUGHT_AFTER.test(tail)) || MADE_AFTER.test(tail) || (!from && GOODS_AFTER.test(tail))) return wordsFrom(text, m.index);
  }
  if (!SELLING.test(text)) return undefined;
  NOT_HOME.lastIndex = 0;
  for (let m = NOT_HOME.exec(text); m !== null; m = NOT_HOME.exec(text)) {
    // What is sold is named before the denial ("卖的红枣 不是本地的").
    if (SELLING.test(text.slice(0, m.index)) && SUBJECT_IS_GOODS.test(text.slice(clauseStart(text, m.index), m.index))) return m[0];
  }
  return undefined;
}

/**
 * The length of the places named from `at` on ("河北沧州", "山东寿光": a province, then a place in it) when the
 * last of them lies elsewhere, or undefined.
 */
function placeAt(text: string, at: number, isElsewhere: IsElsewhere): number | undefined {
  let end = at;
  let elsewhere: boolean | undefined;
  let previous: string | undefined;
  for (;;) {
    const next = nameAt(text, end, isElsewhere, previous);
    if (next === undefined) break;
    previous = text.slice(end, end + next.length);
    [end, elsewhere] = [end + next.length, next.elsewhere];
  }
  return elsewhere ? end - at : undefined;
}

/** The longest place name starting at `at` and whether it lies elsewhere. */
function nameAt(text: string, at: number, isElsewhere: IsElsewhere, after: string | undefined): { length: number; elsewhere: boolean } | undefined {
  for (let n = Math.min(LONGEST, text.length - at); n >= 2; n--) {
    const name = text.slice(at, at + n);
    if (BREAK.test(name)) continue;
    const elsewhere = ELSEWHERE_WORDS.has(name) || isElsewhere(name, after);
    if (elsewhere !== undefined) return { length: n, elsewhere };
  }
  return undefined;
}

/** Where the clause holding `at` starts. */
function clauseStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !BREAK.test(text[start - 1]!)) start--;
  return start;
}

/** From `start` to the end of its clause, at most 14 characters. */
function wordsFrom(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 14 && !BREAK.test(text[end]!)) end++;
  return text.slice(start, end);
}
