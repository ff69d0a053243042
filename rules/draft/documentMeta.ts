/**
 * What policy:import can read off a document for its policies.json entry: the title (the 《…》 of a 印发通知,
 * else the title line), 征求意见稿 → status "draft", the document number, the issuer and date of its 印发通知,
 * and the sentence stating its period with the dates it names (有效期至…, 执行期至…, 至…止, 有效期为…至…);
 * the end of "自2024年7月1日起施行，有效期五年" is counted from the two (the day before the fifth anniversary)
 * and the note says so. Suggestions for the operator to check, never a date the text does not give.
 */
import { smallNumber } from "./sentence.js";

export interface DocumentMeta {
  title: string;
  /** Who issued it: the office before 关于印发, or the signature above the notice's date. */
  issuer: string | null;
  /** The date of the 印发通知 (the line with only a date above the document). */
  issued: string | null;
  status: "final" | "draft";
  docNumber: string | null;
  effectiveFrom: string | null;
  validUntil: string | null;
  periodQuote: string | null;
  /** How a date was read, when it was counted rather than written ("有效期五年，自2024年7月1日起算至2029年6月30日"). */
  notes: string;
}

const DOC_NUMBER = /[\u4e00-\u9fff]{1,10}[〔［[（(]\d{4}[〕］\]）)]\d{1,4}号/;
const TITLE_END = /(?:办法|措施|意见|细则|方案|规定|政策|决定|通知)(?:[（(](?:试行|暂行|修订)[）)])?$/;
const DRAFT = /征求意见稿|送审稿|草案/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const ISSUER = /(?:人民政府|办公室|委员会|管委会|局)$/;
const PERIOD = /[^。\n]*(?:有效期|自[^。，]{1,16}之?日起(?:施行|执行|实施))[^。\n]*。?/;

/** "2025年4月1日" → "2025-04-01". */
function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** The last day of a period of `years` starting on `start` (ISO): 2024-07-01 + 5 years → 2029-06-30. */
function periodEnd(start: string, years: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** "有效期五年", "有效期为3年", "有效期限两年". */
const YEARS = /有效期(?:限)?为?(\d{1,2}|[一二两三四五六七八九十])年/;

export function documentMeta(text: string): DocumentMeta {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const head = lines.slice(0, 12);
  const issued = /《([^》]{4,60})》/.exec(head.find((l) => /印发|关于/.test(l) && /《/.test(l)) ?? "")?.[1];
  const titleLine = head.find((l) => TITLE_END.test(l) && !/^关于印发/.test(l) && !/[，。；《》]/.test(l));
  const status = head.some((l) => DRAFT.test(l)) ? "draft" : "final";
  let title = issued ?? titleLine ?? lines[0] ?? "";
  if (status === "draft" && !DRAFT.test(title)) title += "（征求意见稿）";
  // The sentence as it stands, without the heading number it sits under ("第十五条  本办法自…", "（三）本政策自…").
  const period = PERIOD.exec(text)?.[0].trim().replace(/^(?:第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d+[.．、])[\s\u3000]*/, "") ?? null;
  const from = period && (/自(\d{4})年(\d{1,2})月(\d{1,2})日起/.exec(period) ?? /有效期为?(\d{4})年(\d{1,2})月(\d{1,2})日至/.exec(period));
  const until = period && /至(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(period);
  const effectiveFrom = from ? isoDate(from[1]!, from[2]!, from[3]!) : null;
  const years = period && !until && effectiveFrom ? YEARS.exec(period) : null;
  const n = years ? smallNumber(years[1]!.replace("两", "二")) : null;
  const counted = n && effectiveFrom ? periodEnd(effectiveFrom, n) : null;
  // The 印发通知 above the document: its date line, and the office that signs it or opens its title.
  const notice = head.some((l) => /印发/.test(l)) ? head : [];
  const dateAt = notice.findIndex((l) => DATE_LINE.test(l));
  const date = dateAt >= 0 ? DATE_LINE.exec(notice[dateAt]!) : null;
  const opener = notice.map((l) => /^(.{2,30}?)关于印发/.exec(l)?.[1]).find(Boolean);
  // "武功县商务局关于公开征求《…（征求意见稿）》意见的公告", "丰县商务局关于《…（征求意见稿）》公开征求意见的公告":
  // the office that publishes the draft (no issue date).
  const consulting = head.map((l) => /^(.{2,30}?)关于(?:对)?(?:《[^》]{2,60}》)?(?:向社会)?(?:公开)?征求/.exec(l)?.[1]).find(Boolean);
  const signer = dateAt > 0 && ISSUER.test(notice[dateAt - 1]!) ? notice[dateAt - 1]! : undefined;
  return {
    title,
    issuer: opener ?? signer ?? consulting ?? null,
    issued: date ? isoDate(date[1]!, date[2]!, date[3]!) : null,
    status,
    docNumber: DOC_NUMBER.exec(head.join("\n"))?.[0] ?? null,
    effectiveFrom,
    validUntil: until ? isoDate(until[1]!, until[2]!, until[3]!) : counted,
    periodQuote: period,
    notes: counted ? `${years![0]}，自${from![0].slice(1, -1)}起算，至${Number(counted.slice(0, 4))}年${Number(counted.slice(5, 7))}月${Number(counted.slice(8, 10))}日（按文件写明的起始日和年限推算，请核对）` : "",
  };
}
