/**
 * A head count as exports write it ("1200", "1,200"). Ranges and labels ("51-200", "Large")
 * are no count at all, so they are left out rather than guessed at.
 */
export function parseEmployeeCount(value: string): number | undefined {
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(value)) return undefined;
  const count = Number(value.replace(/,/g, ''));
  return Number.isSafeInteger(count) ? count : undefined;
}
