import { readFileSync } from 'node:fs';

/**
 * Self time of a V8 .cpuprofile (BENCH_CPU_PROFILE=<dir> npm run bench:read), grouped by package or project
 * folder: where an API process's CPU went. Usage: node dist-bench/bench/read/cpu-profile-summary.js <file>
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName ? `(${functionName})` : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const project = /\/(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+\/src\/[^/]+)/.exec(url);
  if (project) return project[1];
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
}

const file = process.argv[2];
if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile>');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const totals = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  const group = groupOf(byId.get(id)!.callFrame);
  totals.set(group, (totals.get(group) ?? 0) + micros);
  all += micros;
});
const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [group, micros] of rows) {
  process.stdout.write(`${((100 * micros) / all).toFixed(1).padStart(5)}%  ${group}\n`);
}
