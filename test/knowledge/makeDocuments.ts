/**
 * Small documents built in the test, in the forms governments publish: a text PDF (Type0 font with a
 * ToUnicode map, so Chinese text comes out of its text layer), an encrypted PDF, a PDF with no text
 * (a scan), and a .docx zip.
 */
import JSZip from "jszip";

function pdfFile(objects: string[], trailerExtra = ""): Buffer {
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const hex4 = (n: number) => n.toString(16).padStart(4, "0").toUpperCase();

/** A one-page PDF whose text layer holds `lines` (one text line each). */
export function textPdf(lines: string[], trailerExtra = ""): Buffer {
  const chars = [...new Set(lines.join(""))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const toUnicode = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CMapName /Test def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...chunk(chars, 100).map((part) => `${part.length} beginbfchar\n${part.map((c) => `<${hex4(cid.get(c)!)}> <${[...Buffer.from(c, "utf16le")].reduce((s, b, i, a) => (i % 2 ? s : s + hex4(a[i]! | (a[i + 1]! << 8))), "")}>`).join("\n")}\nendbfchar`),
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  const content = lines
    .map((line, i) => `BT /F1 12 Tf 50 ${780 - i * 18} Td <${[...line].map((c) => hex4(cid.get(c)!)).join("")}> Tj ET`)
    .join("\n");
  return pdfFile(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
      stream(content),
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
      stream(toUnicode),
      "<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ],
    trailerExtra,
  );
}

/** A page with an image only, as a scanner makes it: no text layer. */
export function scannedPdf(): Buffer {
  return pdfFile([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
    stream("q 595 0 0 842 0 0 cm /Im1 Do Q"),
  ]);
}

/** A PDF that needs a password to open (standard security handler; the empty password does not fit). */
export function encryptedPdf(): Buffer {
  const o = "<" + "7A".repeat(32) + ">";
  const u = "<" + "3C".repeat(32) + ">";
  return textPdf(["第一条 加密"], `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] `);
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal .docx (Word 2007+ zip) with one paragraph per line; a list of rows is a table (a paragraph per cell). */
export async function docx(paragraphs: Array<string | string[][]>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const para = (p: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`;
  const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;
  const body = paragraphs.map((p) => (typeof p === "string" ? para(p) : table(p))).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

/** What Word writes for a password-protected document: an OLE compound file holding EncryptedPackage. */
export function encryptedDocx(): Buffer {
  const header = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  Buffer.from("EncryptionInfo\0EncryptedPackage\0", "utf16le").copy(header, 512);
  return header;
}
