"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPARISONS = void 0;
exports.ratio = ratio;
exports.renderTable = renderTable;
exports.renderJson = renderJson;
exports.COMPARISONS = [
    { name: 'append1_vs_insert1', store: 'append1', baseline: 'raw1', versus: 'raw INSERT', aim: 0.8 },
    { name: 'append8_vs_insert8', store: 'append8', baseline: 'raw8', versus: 'raw INSERT', aim: 0.8 },
    { name: 'batch_vs_copy', store: 'appendMany', baseline: 'rawCopy', versus: 'COPY stream', aim: 0.5 },
    { name: 'batch_vs_copy1000', store: 'appendMany', baseline: 'rawCopy1000', versus: '1,000-row COPYs' },
    { name: 'batch_vs_multirow', store: 'appendMany', baseline: 'rawMultiRow', versus: 'multi-row INSERT' },
];
const JSON_NAMES = {
    raw1: 'rawInsert1',
    raw8: 'rawInsert8',
    rawMultiRow: 'rawMultiRow',
    rawCopy: 'rawCopy',
    rawCopy1000: 'rawCopy1000',
    append1: 'appendSingle1',
    append8: 'appendSingle8',
    appendMany: 'appendMany',
};
function ratio(report, c) {
    const store = report.measurements.find((m) => m.key === c.store);
    const base = report.measurements.find((m) => m.key === c.baseline);
    return store && base ? store.rowsPerSecond / base.rowsPerSecond : null;
}
function renderTable(report) {
    const rows = [['operation', 'rows/s (median)', 'min–max of runs', 'ratio vs baseline']];
    for (const m of report.measurements) {
        const versus = exports.COMPARISONS.filter((c) => c.store === m.key).map((c) => {
            const r = ratio(report, c);
            if (r === null)
                return `${c.versus}: skipped`;
            const aim = c.aim === undefined ? '' : ` (aim ≥ ${c.aim.toFixed(2)}: ${r >= c.aim ? 'met' : 'MISSED'})`;
            return `${r.toFixed(2)}× ${c.versus}${aim}`;
        });
        const spread = `${fmt(Math.min(...m.rounds))}–${fmt(Math.max(...m.rounds))}`;
        rows.push([m.label, fmt(m.rowsPerSecond), spread, versus.join('; ') || 'baseline']);
    }
    for (const [key, reason] of Object.entries(report.skipped))
        rows.push([key, 'skipped', '', reason]);
    const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
    const line = (r) => `| ${r.map((cell, col) => (col === 1 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join(' | ')} |`;
    const rule = `|${widths.map((w, col) => (col === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
    return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
function renderJson(report) {
    const rates = {};
    for (const [key, name] of Object.entries(JSON_NAMES)) {
        const m = report.measurements.find((x) => x.key === key);
        rates[name] = m ? Math.round(m.rowsPerSecond) : null;
    }
    const ratios = {};
    const aimsMet = {};
    for (const c of exports.COMPARISONS) {
        const r = ratio(report, c);
        ratios[c.name] = r === null ? null : Number(r.toFixed(3));
        if (c.aim !== undefined)
            aimsMet[c.name] = r === null ? null : r >= c.aim;
    }
    return JSON.stringify({
        bench: 'store',
        database: report.database,
        payload: report.payload,
        ...rates,
        ratios,
        aimsMet,
        skipped: report.skipped,
    });
}
function fmt(n) {
    return Math.round(n).toLocaleString('en-US');
}
