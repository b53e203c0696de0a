import { extract } from '../../libs/temporal/src/index';
for (const t of process.argv.slice(2))
  console.log(
    JSON.stringify(
      extract(t, '2023-11-01').mentions.map((m) => [
        m.text,
        m.resolution.timex,
        m.resolution.direction,
        m.cue,
        m.ambiguous ?? '',
        (m.alternatives ?? []).map((a) => a.timex).join(','),
      ]),
    ),
  );
