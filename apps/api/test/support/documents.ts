import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { TestClient } from './test-app.js';

/** A real PDF whose text layer holds `lines` (WinAnsi: umlauts work). */
export async function pdfWith(...lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 760 - i * 18, size: 12, font }));
  return Buffer.from(await doc.save());
}

export async function docxWith(...paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }));
}

/** POST /uploads as a browser would, with the session cookie and the CSRF header. */
export async function upload(url: string, client: TestClient, data: Buffer, fileName: string, headers: Record<string, string> = { 'x-verbund-upload': '1' }) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), fileName);
  const res = await fetch(`${url}/uploads`, { method: 'POST', body: form, headers: { ...headers, ...(client.cookie ? { cookie: client.cookie } : {}) } });
  return { status: res.status, body: (await res.json()) as { id: string; mimeType: string; fileName: string; size: number; code?: string; message?: string } };
}
