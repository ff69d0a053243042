/** Policy documents in the forms governments publish them, read into text the clause parser understands. */
import iconv from "iconv-lite";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentError, readDocumentBytes, readPolicyDocument } from "../../knowledge/documents/readDocument.js";
import { parseClauses } from "../../knowledge/parseClauses.js";
import { docx, encryptedDocx, encryptedPdf, scannedPdf, textPdf } from "./makeDocuments.js";

const LINES = ["某县电子商务扶持办法", "第一条 为促进电子商务发展，制定本办法。", "第二条 对新开设旗舰店的企业，奖励5万元。"];

async function failure(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readDocumentBytes(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as Error).message).not.toContain("\n");
    return (error as Error).message;
  }
  throw new Error("expected a DocumentError");
}

function clauseIds(text: string): string[] {
  return parseClauses("x", text).map((c) => c.id);
}

describe("reading policy documents", () => {
  it("reads UTF-8 and GBK text files alike", async () => {
    const utf8 = await readDocumentBytes(Buffer.from(LINES.join("\r\n")), "a.txt");
    const gbk = await readDocumentBytes(iconv.encode(LINES.join("\n"), "gbk"), "a.md");
    expect(utf8).toEqual({ format: "text", text: LINES.join("\n") });
    expect(gbk.text).toBe(LINES.join("\n"));
  });

  it("reads a .docx one paragraph per line", async () => {
    const doc = await readDocumentBytes(await docx(LINES), "a.docx");
    expect(doc).toEqual({ format: "docx", text: LINES.join("\n") });
    expect(clauseIds(doc.text)).toEqual(["x:序言", "x:第一条", "x:第二条"]);
  });

  it("reads a .docx table one row per line, its cells apart by tabs, so the parser keeps them one row", async () => {
    const rows = [["档次", "年网络零售额", "奖励金额"], ["一档", "5000万元以上", "30万元"], ["二档", "1亿元以上", "50万元"]];
    const doc = await readDocumentBytes(await docx(["第四条 对年网络零售额首次达到以下标准的电商企业，给予一次性奖励：", rows, "企业晋档的，按差额给予补足。"]), "t.docx");
    expect(doc.text).toBe("第四条 对年网络零售额首次达到以下标准的电商企业，给予一次性奖励：\n档次\t年网络零售额\t奖励金额\n一档\t5000万元以上\t30万元\n二档\t1亿元以上\t50万元\n企业晋档的，按差额给予补足。");
  });

  it("reads a PDF's text layer line by line", async () => {
    const doc = await readDocumentBytes(textPdf([...LINES, "— 1 —"]), "a.pdf");
    expect(doc.format).toBe("pdf");
    expect(doc.text).toBe(LINES.join("\n"));
  });

  it("reads the article of a saved government web page, GBK by its meta charset, without menus and footer", async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>政策</title>
      <style>p{}</style></head><body><div class="nav"><a href="/">首页</a> <a href="/zc">政策文件</a></div>
      <div id="zoom"><p>${LINES[0]}</p><p>${LINES[1]}</p><p>${LINES[2]}&nbsp;</p></div>
      <div class="footer">主办单位：某县人民政府办公室　<a href="#">网站地图</a></div></body></html>`;
    const doc = await readDocumentBytes(iconv.encode(page, "gbk"), "a.html");
    expect(doc).toEqual({ format: "html", text: LINES.join("\n") });
  });

  it("tells the kind by the bytes, not the name", async () => {
    expect((await readDocumentBytes(textPdf(LINES), "download.txt")).format).toBe("pdf");
  });

  it("rejects a scanned PDF with no text layer in one line naming the file", async () => {
    expect(await failure(scannedPdf(), "scan.pdf")).toMatch(/^scan\.pdf: the PDF has no text layer/);
  });

  it("rejects encrypted PDFs and Word files", async () => {
    expect(await failure(encryptedPdf(), "locked.pdf")).toMatch(/^locked\.pdf: the PDF is encrypted/);
    expect(await failure(encryptedDocx(), "locked.docx")).toMatch(/^locked\.docx: the file is encrypted/);
  });

  it("rejects unsupported formats, naming them", async () => {
    const ole = encryptedDocx().fill(0, 512);
    expect(await failure(ole, "old.doc")).toMatch(/^old\.doc: unsupported format: old Word/);
    expect(await failure(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "scan.png")).toMatch(/^scan\.png: unsupported format \(\.png\)/);
    expect(await failure(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), "a.ofd")).toMatch(/^a\.ofd: unsupported format: a zip archive \(\.ofd\)/);
    expect(await failure(Buffer.alloc(0), "empty.txt")).toBe("empty.txt: the file is empty");
  });

  const dir = mkdtempSync(join(tmpdir(), "docs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("reads from disk and names a missing file", async () => {
    writeFileSync(join(dir, "p.txt"), LINES.join("\n"));
    expect((await readPolicyDocument(join(dir, "p.txt"))).text).toBe(LINES.join("\n"));
    await expect(readPolicyDocument(join(dir, "none.pdf"))).rejects.toThrow(/none\.pdf: cannot read the file \(ENOENT\)/);
  });
});

describe("heading styles", () => {
  it("numbers 第X条 documents by article, under their chapter when there are chapters", () => {
    expect(clauseIds("某办法\n第一条 总则。\n第二条 对企业奖励5万元。\n")).toEqual(["x:序言", "x:第一条", "x:第二条"]);
    const chaptered = "某细则\n第一章 总则\n第一条 为了促进发展。\n第二章 扶持政策\n第五条 对下列企业给予奖励：\n（一）开设旗舰店的，奖励2万元；\n（二）获评示范的，奖励5万元。\n第三章 附则\n第六条 本细则自发布之日起施行。";
    expect(clauseIds(chaptered)).toEqual([
      "x:序言", "x:第一章", "x:第一章/第一条", "x:第二章", "x:第二章/第五条", "x:第二章/第五条/(一)", "x:第二章/第五条/(二)", "x:第三章", "x:第三章/第六条",
    ]);
  });

  it("reads 一、/（一）/1./1．/(1)/① as nested levels", () => {
    const text = "某意见\n一、扶持政策\n（一）支持企业\n1．对企业奖励：\n(1)首次获评的，奖励1万元；\n①含子公司；\n(2)再次获评的，不奖励。\n2. 对个人奖励1000元。\n";
    expect(clauseIds(text)).toEqual(["x:序言", "x:一", "x:一/(一)", "x:一/(一)/1", "x:一/(一)/1/1", "x:一/(一)/1/1/①", "x:一/(一)/1/2", "x:一/(一)/2"]);
  });

  it("reads an unnumbered 附件 after the body as an attachment with its own items", () => {
    const text = "某意见\n一、对企业奖励5万元。\n附件\n申报条件\n1.在本县注册。\n2.依法纳税。";
    expect(clauseIds(text)).toEqual(["x:序言", "x:一", "x:附件", "x:附件/1", "x:附件/2"]);
    expect(parseClauses("x", text).find((c) => c.id === "x:附件")!.title).toBe("申报条件");
  });

  it("does not take a sentence citing an article for a heading", () => {
    expect(clauseIds("某办法\n第一条 本办法所称企业。\n第一条所称企业，须在本县注册。\n")).toEqual(["x:序言", "x:第一条"]);
  });
});
