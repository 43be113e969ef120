// A process's own peak RSS. On Linux the peak (getrusage's maxRSS, /proc's VmHWM) starts at the
// parent's peak at the fork and survives exec, so a child of a large benchmark process reports the
// parent's size whatever it does: `resetPeakRss()` first (clear_refs 5), then `peakRssMB()`.
import { readFileSync, writeFileSync } from 'node:fs';

let reset = false;

export function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    reset = true;
  } catch {
    reset = false;
  }
}

export function peakRssMB() {
  if (reset) {
    const m = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}
