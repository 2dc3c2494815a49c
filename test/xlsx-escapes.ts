/**
 * Test helper: exceljs drops control characters when it writes a workbook, while Excel keeps them as `_xHHHH_` escapes
 * (ECMA-376 ST_Xstring). This writes the escapes into an exceljs workbook's shared strings, as Excel would.
 */
import JSZip from 'jszip';

/** Replaces each `marker` (e.g. `{NUL}`) in the workbook's strings by the escape of its character. */
export async function withControlChars(xlsx: Buffer, markers: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  // workbook and shared strings first, as the streaming reader needs them before the sheets
  const first = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'].filter((n) => zip.files[n]);
  for (const name of [...first, ...Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && !first.includes(n))]) {
    let content = await zip.files[name]!.async('string');
    if (name === 'xl/sharedStrings.xml' || name.startsWith('xl/worksheets/'))
      for (const [marker, ch] of Object.entries(markers))
        content = content.split(marker).join(`_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
    out.file(name, content);
  }
  return out.generateAsync({ type: 'nodebuffer' });
}
