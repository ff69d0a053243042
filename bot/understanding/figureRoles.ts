/**
 * Figure roles: what a number in a message does when it is not simply a fact's figure — money per event the
 * user held is that event's cost; "一间40平" introduces the figure after it; "两层" counts things no fact counts.
 */
import type { NumberMention } from "./numbers.js";
import { isMoney } from "./quantities.js";
import { tailTester } from "./tailReader.js";
import { headTester } from "./windowTests.js";

/** 一次/每场/另一期 right before a figure (a verb of spending may stand between). */
const PER_EVENT_BEFORE = /(?:一|每|另一|第[一二三四五六七八九十\d])(?:次|场|期|届)(?:活动|比赛|大赛|培训)?(?:是|花了?|用了?|投了?)?\s?$/;
/** PER_EVENT_BEFORE read in place (this and the other looks below run for every figure of a long message: no slice per look). */
const perEventBefore = headTester(PER_EVENT_BEFORE);
/** The user held the events (办了两次, 承办, 举办). */
const HELD = /办|举行|组织/;
/** Words of selling: then money per event may be what each event sold. */
const SOLD = /卖|销售|零售|营业|成交|带货|收入|赚/;

/**
 * "直播大赛 我们办了两次 一次4万 一次6万": money per event the user held, with no word of selling anywhere,
 * is what each event cost.
 */
export function isEventCost(text: string, m: NumberMention): boolean {
  if (!isMoney(m) || !HELD.test(text) || SOLD.test(text)) return false;
  const wordsStart = m.end - m.words.length;
  return perEventBefore(text, Math.max(0, wordsStart - 8), wordsStart);
}

/**
 * A promotion or an event followed only by a total word, then money: "自建站加速卖通推广一共1.2M", "宣传推介合计35万".
 * What was done adds up to what it cost (a verb of selling would stand between: "推广一共卖了300万").
 */
const ACTIVITY_TOTAL_BEFORE = /(?:推广|宣传|推介|广告|投放|投流|引流|营销|办赛|大赛|比赛)(?:上)?(?:一共|总共|合计|共计|总计|加起来|累计|前后一共|前后)(?:是|有)?\s?$/;

const activityTotalBefore = headTester(ACTIVITY_TOTAL_BEFORE);

/** Money right after an activity and a total word is what the activity cost. */
export function isActivityTotal(text: string, m: NumberMention): boolean {
  if (!isMoney(m)) return false;
  const wordsStart = m.wordsStart;
  return activityTotalBefore(text, Math.max(0, wordsStart - 10), wordsStart);
}

const INTRODUCING_UNITS: ReadonlySet<string | undefined> = new Set(["间", "个", "家", "户", "位", "名"]);
/** A digit right after (a blank may stand between). */
const digitAfter = tailTester(/^\s?\d/);

/** "一间40平", "一个店30万": 一 with a measure word right before a figure says which thing the figure is of. */
export function introducesFigure(text: string, m: NumberMention): boolean {
  return m.value === 1 && m.chinese === true && INTRODUCING_UNITS.has(m.unit) && digitAfter(text, m.end, 2);
}

/** A verb right after "一个" ("一个花了一万五", "一个是…"): the one of several things spoken of, no count of its own. */
const VERB_AFTER_ONE = /^\s?(?:花|投|用|是|卖|办|建|装|做|招|签|开|搞|弄)/;
const verbAfterOne = tailTester(VERB_AFTER_ONE);
const ONE_OF_UNITS: ReadonlySet<string | undefined> = new Set(["个", "家", "户", "位", "名", "间"]);

/**
 * "两个网点 一个花了一万五 一个花了三万", "两个员工一个是…一个是…": 一个 before a verb, said more than once
 * (or with 另一个), picks out one of the things counted before; it is no count of one.
 */
export function picksOneOf(text: string, m: NumberMention): boolean {
  if (m.value !== 1 || m.chinese !== true || !ONE_OF_UNITS.has(m.unit) || !verbAfterOne(text, m.end, 3)) return false;
  const word = text.slice(m.start, m.end);
  return text.indexOf(word) !== m.start || text.indexOf(word, m.end) >= 0;
}

/** A measure word no unit names, right after a small Chinese numeral: "两层", "三台", "一栋" (not 两万, 五六, 三十来). */
const OTHER_MEASURE_AFTER = /^[\u4e00-\u9fff](?<![万亿千百十多来几余左上下出头把])/u;
const otherMeasureAfter = tailTester(OTHER_MEASURE_AFTER);
const STANDS_ALONE: ReadonlySet<string> = new Set(["俩", "仨"]);

/** "租了两层 一层80平": a small number counting things no fact counts (floors, machines) is no figure of a fact. */
export function countsOtherThings(text: string, m: NumberMention): boolean {
  // 俩 and 仨 take no measure word: the noun after them is what they count ("招了俩登记失业的").
  return m.chinese === true && m.unit === undefined && m.value < 10 && otherMeasureAfter(text, m.end, 1) && !STANDS_ALONE.has(m.raw);
}

/** The speaker right before a count of one: "就俺自己一个人", "只有我一个", "我自己一个人干". */
const SPEAKER_BEFORE_ONE = /(?:我|俺|咱|本人)(?:自己)?(?:就|只)?\s?$/;
const speakerBeforeOne = headTester(SPEAKER_BEFORE_ONE);
const PEOPLE_UNITS: ReadonlySet<string | undefined> = new Set([undefined, "人", "个", "位", "名"]);

/** "公司就俺自己一个人": a count of one person that is the speaker, not someone the business took on. */
export function isSpeakerAlone(text: string, m: NumberMention): boolean {
  if (m.value !== 1 || !PEOPLE_UNITS.has(m.unit)) return false;
  const wordsStart = m.end - m.words.length;
  return speakerBeforeOne(text, Math.max(0, wordsStart - 5), wordsStart);
}

/** Words right before a figure that state it as the value now or in all: "现在是6家了", "目前有", "一共". */
const CURRENT_BEFORE = /(?:现在|目前|如今|眼下|一共|总共|总计|合计|加起来)(?:是|有|已经|已|达到了?|到了)?\s?$/;
const currentBefore = headTester(CURRENT_BEFORE);

/**
 * "刚又谈下来2家 现在是6家了": the figure stated as the value now (or the total), rather than the one added
 * to it, is what a remembered count has become.
 */
export function statesCurrentValue(text: string, m: NumberMention): boolean {
  const wordsStart = m.end - m.words.length;
  return currentBefore(text, Math.max(0, wordsStart - 6), wordsStart);
}

/** Words naming what the policy gives, right after a count: "这两个奖", "三项补贴", "两条政策". */
const PROVISION_AFTER = /^[个项条种]?(?:奖|补贴|补助|政策|优惠|扶持|条款|文件)/;
const provisionAfter = tailTester(PROVISION_AFTER);
const PROVISION_COUNT_UNITS: ReadonlySet<string | undefined> = new Set([undefined, "个", "项", "条", "种"]);

/** "这两个奖 全市总共有多少钱": a count of awards or provisions is no fact about the asker. */
export function countsProvisions(text: string, m: NumberMention): boolean {
  return m.value < 10 && PROVISION_COUNT_UNITS.has(m.unit) && provisionAfter(text, m.end, 3);
}
