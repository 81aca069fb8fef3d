/**
 * A small report writer on top of pdfkit: title block, key–value lines, tables that break across
 * pages, signatures drawn from SVG path data, and page footers. Chinese renders with Noto Sans SC,
 * which travels with the app as an npm package (subset into each PDF, so files stay small).
 * Runs in: the hub.
 */
import { createRequire } from 'node:module';
import type PDFDocumentClass from 'pdfkit';

// The bundles are CommonJS (the shell's hub process) or carry a require (the command line); the
// tests run the ES module source directly.
const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
// pdfkit and its font engine take about a quarter of a second to load: that happens at the first
// report, not while the hub starts (a screen waits for the hub; nobody waits for a report that much).
let pdfkit: typeof PDFDocumentClass | null = null;
const loadPdfkit = () => (pdfkit ??= resolver('pdfkit') as typeof PDFDocumentClass);
const fontFile = (weight: '400Regular' | '700Bold') =>
  resolver.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);

export interface Column {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface ReportOptions {
  title: string;
  subtitle?: string;
  /** The instant the report is made (from the hub's clock, so a report can be reproduced). */
  createdAt: Date;
  footer: (page: number, pages: number) => string;
  landscape?: boolean;
}

const margin = 40;

export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly options: ReportOptions) {
    const PDFDocument = loadPdfkit();
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margin,
      bufferPages: true,
      info: { Title: options.title, Creator: 'SafeFloor', CreationDate: options.createdAt, ModDate: options.createdAt },
    });
    this.doc.registerFont('body', fontFile('400Regular'));
    this.doc.registerFont('bold', fontFile('700Bold'));
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('bold').fontSize(16).text(options.title);
    if (options.subtitle) this.doc.font('body').fontSize(10).fillColor('#333').text(options.subtitle).fillColor('black');
    this.doc.moveDown(0.8);
  }

  private get width() {
    return this.doc.page.width - margin * 2;
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.4).font('bold').fontSize(12).text(text, margin).moveDown(0.3);
    return this;
  }

  /** Lines of `label: value`, the label in bold. */
  facts(pairs: ReadonlyArray<[string, string]>): this {
    for (const [label, value] of pairs) {
      this.ensureSpace(16);
      this.doc.font('bold').fontSize(10).text(`${label}：`, margin, undefined, { continued: true }).font('body').text(value);
    }
    this.doc.moveDown(0.5);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('body').fontSize(10).text(text, margin, undefined, { width: this.width });
    this.doc.moveDown(0.5);
    return this;
  }

  table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): this {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const drawRow = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? 'bold' : 'body').fontSize(9);
      const heights = cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i]! - 6 }));
      const height = Math.max(14, ...heights) + 6;
      if (!this.ensureSpace(height) && !bold) drawRow(columns.map((c) => c.header), true);
      const y = this.doc.y;
      let x = margin;
      cells.forEach((cell, i) => {
        if (bold) this.doc.rect(x, y, widths[i]!, height).fillAndStroke('#eeeeee', '#999999').fillColor('black');
        else this.doc.rect(x, y, widths[i]!, height).strokeColor('#999999').stroke().strokeColor('black');
        this.doc.text(cell, x + 3, y + 3, { width: widths[i]! - 6, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      this.doc.x = margin;
      this.doc.y = y + height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    this.doc.moveDown(0.8);
    return this;
  }

  /** A signature drawn on screen (SVG path data in a 300 × 100 box), with a caption under it. */
  signature(caption: string, path: string | null): this {
    this.ensureSpace(80);
    const x = margin;
    const y = this.doc.y;
    this.doc.rect(x, y, 180, 60).strokeColor('#999999').stroke().strokeColor('black');
    if (path) {
      this.doc.save().translate(x, y).scale(0.6).path(path).lineWidth(2).stroke().restore();
    }
    this.doc.font('body').fontSize(9).text(caption, x, y + 64, { width: 300 });
    this.doc.x = margin;
    this.doc.moveDown(0.8);
    return this;
  }

  /** Starts a new page when less than `height` is left; true when it did not need to. */
  private ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.doc.page.height - margin - 20) return true;
    this.doc.addPage();
    return false;
  }

  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing inside the bottom margin would otherwise start a new page.
      this.doc.page.margins.bottom = 0;
      const bottom = this.doc.page.height - margin + 10;
      this.doc.font('body').fontSize(8).fillColor('#555').text(this.options.footer(i + 1, range.count), margin, bottom, { width: this.width, align: 'center', lineBreak: false });
      this.doc.fillColor('black');
    }
    this.doc.end();
    return this.done;
  }
}
