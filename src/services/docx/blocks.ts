/** Word documents in the usual official layout (the `docx` package): 仿宋 body with first-line indent, 黑体 headings, plain tables. */
import { AlignmentType, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export const FONT = '仿宋_GB2312';
export const p = (text: string, opts: { bold?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: opts.center ? undefined : { firstLine: 640 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 32, font: FONT })],
  });
export const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, font: '黑体', size: 32 })] });

export function table(head: string[], rows: (string | number)[][]): Table {
  const row = (cells: (string | number)[], bold = false) =>
    new TableRow({
      children: cells.map(
        (c) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text: String(c), bold, size: 24, font: FONT })] })],
          }),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(head, true), ...rows.map((r) => row(r))] });
}

