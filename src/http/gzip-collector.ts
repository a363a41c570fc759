import { once } from 'node:events';
import { createGzip, gunzip, type Gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);
/**
 * Text is handed to zlib in pieces of about this size: one small write per line costs a thread-pool
 * round trip each, and every output chunk would pin a 16 KB buffer for a few hundred bytes.
 */
const PIECE_CHARS = 64 * 1024;

/**
 * Compresses text as it is written and keeps the result in memory. An NDJSON answer kept for
 * replay is about 1.4 KB a record as text and several times smaller compressed, so a stream in
 * progress holds little and the idempotency store keeps many more answers in the same bytes.
 */
export class GzipCollector {
  private readonly gzip: Gzip = createGzip({ level: 1 });
  private readonly chunks: Buffer[] = [];
  private compressed = 0;
  private pending = '';

  constructor() {
    this.gzip.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.compressed += chunk.length;
    });
  }

  /** Compressed bytes produced so far (text not yet compressed is not counted). */
  get bytes(): number {
    return this.compressed;
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= PIECE_CHARS) {
      this.gzip.write(this.pending);
      this.pending = '';
    }
  }

  /** The whole gzip body; write no more after this. */
  async finish(): Promise<Buffer> {
    const ended = once(this.gzip, 'end');
    if (this.pending === '') this.gzip.end();
    else this.gzip.end(this.pending);
    this.pending = '';
    await ended;
    return Buffer.concat(this.chunks, this.compressed);
  }

  discard(): void {
    this.gzip.destroy();
    this.chunks.length = 0;
    this.pending = '';
  }
}

export const gunzipText = async (body: Buffer): Promise<string> =>
  (await gunzipAsync(body)).toString('utf8');
