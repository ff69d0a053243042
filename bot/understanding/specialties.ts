/**
 * Goods the user sells that the policy's document names as the region's own ("卖玫瑰花茶的" in 平阴, whose
 * document names its 玫瑰 industry): selling them is selling local produce (销售本地土特产品/特色产品).
 * The words come from the policies' metadata (policies.json: specialties).
 */
import { literal } from "./literalPattern.js";

/** A selling verb before the goods, in the same clause ("卖玫瑰花茶", "主营黄河口大米", "做玫瑰产品"); not the town named after them (玫瑰镇). */
const SELLING = "(?:卖|销售|售卖|主营|经营|做)(?:的是|的|些|点)?";

/** The user's words that sell one of `specialties`, from the verb to the end of the goods' name, or nothing. */
export function readSpecialty(text: string, specialties: readonly string[]): string | undefined {
  if (specialties.length === 0) return undefined;
  const key = specialties.join("|");
  let pattern = patterns.get(key);
  if (!pattern) patterns.set(key, (pattern = new RegExp(`${SELLING}[^，,。！!？?；;\\s]{0,3}?(?:${specialties.map(literal).join("|")})(?!镇)[^，,。！!？?；;\\s的]{0,4}`)));
  return pattern.exec(text)?.[0];
}

/** One pattern per set of specialties (the conversation's policies): built once, not per message. */
const patterns = new Map<string, RegExp>();
