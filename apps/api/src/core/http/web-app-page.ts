import type { FastifyReply } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';

const NONCE_PLACEHOLDER = '__CSP_NONCE__';
const SCRIPT_NONCE = /(<script\b[^>]*\bnonce=")__CSP_NONCE__"/g;

type ReplyWithNonce = FastifyReply & { cspNonce?: { script: string; style: string } };

/** The web app's index.html (built by Vite with nonce placeholders), sent with this response's CSP nonces. */
export class WebAppPage {
  private template: string | undefined;

  constructor(private readonly webDir: string) {}

  /** False when no web app is built. */
  send(reply: ReplyWithNonce): boolean {
    const html = this.load();
    if (!html) return false;
    const nonce = reply.cspNonce;
    const page = nonce
      ? html.replace(SCRIPT_NONCE, `$1${nonce.script}"`).replaceAll(NONCE_PLACEHOLDER, nonce.style)
      : html;
    reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    return true;
  }

  private load(): string | undefined {
    if (this.template === undefined) {
      const file = path.join(this.webDir, 'index.html');
      if (!fs.existsSync(file)) return undefined;
      this.template = fs.readFileSync(file, 'utf8');
    }
    return this.template;
  }
}
