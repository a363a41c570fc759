import { once } from 'node:events';
import { createGzip, gunzip, type Gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

/**
 * Compresses text as it is written and keeps the result in memory. An NDJSON answer kept for
 * replay is about 1.4 KB a record as text and several times smaller compressed, so a stream in
 * progress holds little and the idempotency store keeps many more answers in the same bytes.
 */
export class GzipCollector {
  private readonly gzip: Gzip = createGzip({ level: 1 });
  private readonly chunks: Buffer[] = [];
  private compressed = 0;

  constructor() {
    this.gzip.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.compressed += chunk.length;
    });
  }

  /** Compressed bytes produced so far (text still being compressed is not counted yet). */
  get bytes(): number {
    return this.compressed;
  }

  write(text: string): void {
    this.gzip.write(text);
  }

  /** The whole gzip body; write no more after this. */
  async finish(): Promise<Buffer> {
    const ended = once(this.gzip, 'end');
    this.gzip.end();
    await ended;
    return Buffer.concat(this.chunks, this.compressed);
  }

  discard(): void {
    this.gzip.destroy();
    this.chunks.length = 0;
  }
}

export const gunzipText = async (body: Buffer): Promise<string> =>
  (await gunzipAsync(body)).toString('utf8');
