export function formatRate(rows: number, seconds: number): string {
  if (seconds <= 0 || rows === 0) return '0 rows/s';
  const rate = rows / seconds;
  return `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} rows/s`;
}
