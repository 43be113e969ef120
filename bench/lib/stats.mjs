// Summary statistics for benchmark samples: the median is the figure, the spread (min/max,
// quartiles, p95) shows how far one run can be trusted.

/** Linear-interpolated quantile of numeric samples (q in [0, 1]). */
export function quantile(samples, q) {
  if (samples.length === 0) return NaN;
  const xs = [...samples].sort((a, b) => a - b);
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export function median(samples) {
  return quantile(samples, 0.5);
}

export function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** { n, median, mean, min, max, p25, p75, p95 }, rounded to `digits` decimals. */
export function summarize(samples, digits = 3) {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    n: samples.length,
    median: round(median(samples), digits),
    mean: round(mean, digits),
    min: round(Math.min(...samples), digits),
    max: round(Math.max(...samples), digits),
    p25: round(quantile(samples, 0.25), digits),
    p75: round(quantile(samples, 0.75), digits),
    p95: round(quantile(samples, 0.95), digits),
  };
}

/** "median unit (p25–p75, n=…)" for a summarize() result. */
export function spread(s, unit = '') {
  return `${round(s.median)}${unit} (p25–p75 ${round(s.p25)}–${round(s.p75)}${unit}, n=${s.n})`;
}
