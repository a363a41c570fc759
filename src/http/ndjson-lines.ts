import { Transform, type TransformCallback } from 'node:stream';

export interface NdjsonLine {
  /** 1-based line number in the input. */
  line: number;
  text: string;
  /** The line was longer than allowed; its text is dropped. */
  tooLong?: boolean;
}

/**
 * Splits a byte stream into lines, one object per non-blank line, holding at most one line (up to
 * maxLineBytes) in memory: an over-long line is reported and skipped, not buffered, and the
 * stream goes on. Being a stream, it passes backpressure from its reader to its writer.
 */
export class NdjsonLineSplitter extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overflow = false;
  private lineNumber = 0;

  constructor(private readonly maxLineBytes: number) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, newline));
      this.emitLine();
      start = newline + 1;
    }
    this.append(chunk.subarray(start));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pendingBytes > 0 || this.overflow) this.emitLine();
    done();
  }

  private append(part: Buffer): void {
    if (part.length === 0 || this.overflow) return;
    if (this.pendingBytes + part.length > this.maxLineBytes) {
      this.overflow = true;
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private emitLine(): void {
    this.lineNumber += 1;
    if (this.overflow) {
      this.push({ line: this.lineNumber, text: '', tooLong: true } satisfies NdjsonLine);
    } else {
      const text = Buffer.concat(this.pending).toString('utf8').replace(/\r$/, '');
      if (text.trim() !== '') this.push({ line: this.lineNumber, text } satisfies NdjsonLine);
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.overflow = false;
  }
}
