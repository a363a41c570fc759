import { GzipCollector, gunzipText } from '../../../src/http/gzip-collector';

const line = (n: number) => `{"line":${n},"result":{"status":"scored","score":${n % 100}}}\n`;

describe('an answer kept gzip-compressed for replay', () => {
  it('gives back exactly the text written, line by line, across many pieces', async () => {
    const collector = new GzipCollector();
    let text = '';
    for (let n = 1; n <= 5000; n += 1) {
      collector.write(line(n));
      text += line(n);
    }
    const body = await collector.finish();

    expect(await gunzipText(body)).toBe(text);
    expect(body.length).toBe(collector.bytes);
    expect(body.length).toBeLessThan(text.length / 4);
  });

  it('keeps a short answer and an empty one', async () => {
    const short = new GzipCollector();
    short.write(line(1));
    expect(await gunzipText(await short.finish())).toBe(line(1));
    expect(await gunzipText(await new GzipCollector().finish())).toBe('');
  });
});
