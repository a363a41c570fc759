// Letters in keyboard-row order. A run along the home or bottom row is a mash at four letters
// (asdf, hjkl, zxcv); the top row needs five because four-letter slices of it occur inside real
// surnames (Doherty has "erty", Wertheimer "wert", Trewin "trew").
const ROWS: readonly (readonly [string, number])[] = [
  ['qwertyuiop', 5],
  ['asdfghjkl', 4],
  ['zxcvbnm', 4],
];

const ROW_RUNS: readonly string[] = ROWS.flatMap(([row, length]) => {
  const reversed = [...row].reverse().join('');
  return [row, reversed].flatMap((line) =>
    Array.from({ length: line.length - length + 1 }, (_, i) => line.slice(i, i + length)),
  );
});

const ASCII_LETTER_RUN = /[a-z]+/g;
const VOWEL = /[aeiouy]/;
// Long enough that real consonant-heavy names (Ng, Schmidt's "schm", Welsh "Llwyd" with its y)
// are never caught, while typed noise like "xkcdqwrt" is.
const MIN_VOWELLESS_RUN = 5;

/**
 * True when the (already lower-cased) value looks like hands dragged across a keyboard. Only
 * ASCII letters are examined: mashes are typed on Latin layouts, and judging the vowels of other
 * scripts (or of names like Srđan, split at the đ) would flag real people.
 */
export function looksLikeKeyboardMash(lowerCased: string): boolean {
  const runs = lowerCased.match(ASCII_LETTER_RUN) ?? [];
  return runs.some(
    (run) =>
      ROW_RUNS.some((rowRun) => run.includes(rowRun)) ||
      (run.length >= MIN_VOWELLESS_RUN && !VOWEL.test(run)),
  );
}
