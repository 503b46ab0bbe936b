// An eventTime in milliseconds since the epoch. CloudTrail writes `2026-11-19T10:42:07Z`: that shape
// is read digit by digit (Date.parse took a microsecond a denial, measured); anything else is left to
// Date.parse (NaN when it names no time).
const DIGIT = (c: number) => c >= 48 && c <= 57;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!DIGIT(c)) return NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

export function timeOf(s: string): number {
  if (s.length === 20 && s[4] === '-' && s[7] === '-' && s[10] === 'T' && s[13] === ':' && s[16] === ':' && s[19] === 'Z') {
    const [y, mo, d, h, mi, sec] = [digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19)];
    // in range: Date.UTC would move 2026-02-30 to 2 March, as Date.parse does not
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 59) {
      const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
      if (new Date(ms).getUTCDate() === d) return ms;
    }
  }
  return Date.parse(s);
}
