"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rowsPerSecond = rowsPerSecond;
exports.measureAll = measureAll;
exports.median = median;
exports.concurrently = concurrently;
async function rowsPerSecond(workload, ms, round) {
    const start = performance.now();
    const rows = await workload.run(start + ms, round);
    return rows / ((performance.now() - start) / 1000);
}
async function measureAll(workloads, timing, progress) {
    for (const w of workloads)
        await rowsPerSecond(w, timing.warmupMs, 'warm');
    const results = workloads.map((w) => ({ key: w.key, label: w.label, rounds: [] }));
    for (let round = 0; round < timing.rounds; round++) {
        for (const [i, w] of workloads.entries()) {
            const rate = await rowsPerSecond(w, timing.runMs, `r${round}`);
            results[i].rounds.push(rate);
            progress(`  round ${round + 1}/${timing.rounds}  ${w.label.padEnd(44)} ${Math.round(rate).toLocaleString('en-US')} rows/s`);
        }
    }
    return results.map((r) => ({ ...r, rowsPerSecond: median(r.rounds) }));
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
async function concurrently(writers, loop) {
    const counts = await Promise.all(Array.from({ length: writers }, (_, writer) => loop(writer)));
    return counts.reduce((a, b) => a + b, 0);
}
