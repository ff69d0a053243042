/**
 * What policy:import can read off a document for its policies.json entry: the title (the 《…》 of a 印发通知,
 * else the title line), 征求意见稿 → status "draft", the document number, and the sentence stating its period
 * with the dates it names. Suggestions for the operator to check, never a date the text does not state.
 */

export interface DocumentMeta {
  title: string;
  status: "final" | "draft";
  docNumber: string | null;
  effectiveFrom: string | null;
  validUntil: string | null;
  periodQuote: string | null;
}

const DOC_NUMBER = /[\u4e00-\u9fff]{1,10}[〔［[（(]\d{4}[〕］\]）)]\d{1,4}号/;
const TITLE_END = /(?:办法|措施|意见|细则|方案|规定|政策|决定|通知)(?:[（(](?:试行|暂行|修订)[）)])?$/;
const DRAFT = /征求意见稿|送审稿|草案/;
const PERIOD = /[^。\n]*(?:有效期|自[^。，]{1,16}之?日起(?:施行|执行|实施))[^。\n]*。?/;

/** "2025年4月1日" → "2025-04-01". */
function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

export function documentMeta(text: string): DocumentMeta {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const head = lines.slice(0, 12);
  const issued = /《([^》]{4,60})》/.exec(head.find((l) => /印发|关于/.test(l) && /《/.test(l)) ?? "")?.[1];
  const titleLine = head.find((l) => TITLE_END.test(l) && !/^关于印发/.test(l) && !/[，。；《》]/.test(l));
  const status = head.some((l) => DRAFT.test(l)) ? "draft" : "final";
  let title = issued ?? titleLine ?? lines[0] ?? "";
  if (status === "draft" && !DRAFT.test(title)) title += "（征求意见稿）";
  // The sentence as it stands, without the heading number it sits under ("第十五条  本办法自…").
  const period = PERIOD.exec(text)?.[0].trim().replace(/^(?:第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、|\d+[.．、])[\s\u3000]*/, "") ?? null;
  const from = period && /自(\d{4})年(\d{1,2})月(\d{1,2})日起/.exec(period);
  const until = period && /有效期至(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(period);
  return {
    title,
    status,
    docNumber: DOC_NUMBER.exec(head.join("\n"))?.[0] ?? null,
    effectiveFrom: from ? isoDate(from[1]!, from[2]!, from[3]!) : null,
    validUntil: until ? isoDate(until[1]!, until[2]!, until[3]!) : null,
    periodQuote: period,
  };
}
