/**
 * Goods the asker sells that are called the region's own with a word for "here" ("卖的本地小米", "主营当地的花椒",
 * "销售我县的阿胶枣"): selling them is selling local produce (销售本地土特产品). Place names are read by the
 * caller (readLocalGoods); the vocabulary's alias 卖本地 covers only the verb right before 本地.
 */

/** Words that call a thing the asker's own region's. */
const HOME = ["本地", "当地", "本市", "我市", "本县", "我县", "本区", "我区"] as const;

/** A selling verb before the home word, optionally with 的/的是 ("卖的本地", "主营的是当地"); not after a negation. */
const SELLS_BEFORE = /(?<![不没])(?:卖|销售|售卖|主营|经营)(?:的是|的)?$/;
/** After the home word (and an optional 的), the goods' name: not a place, an office or a company of the region. */
const GOODS_AFTER = /^的?(?![县市区镇乡村这那里边人注企公厂政部商单电网的])\p{Script=Han}/u;
/** The goods' name: up to the clause's end or a 的. */
const GOODS = /^的?[^\s，,。！!？?；;的]{1,6}/;

/** The user's words from the selling verb to the end of the goods' name, or nothing. */
export function readHomeGoods(text: string): string | undefined {
  for (const home of HOME) {
    for (let at = text.indexOf(home); at >= 0; at = text.indexOf(home, at + home.length)) {
      const verb = SELLS_BEFORE.exec(text.slice(Math.max(0, at - 4), at));
      const rest = text.slice(at + home.length, at + home.length + 8);
      if (!verb || !GOODS_AFTER.test(rest)) continue;
      return verb[0] + home + GOODS.exec(rest)![0];
    }
  }
  return undefined;
}
