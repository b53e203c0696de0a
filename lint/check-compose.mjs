// Keeps docker-compose.yml valid where `docker compose` cannot run (no compose plugin on CI machines): with the
// plugin, `docker compose config` for each profile; always, a structural check of what Compose would refuse or
// silently mis-run: unknown keys, a service without image/build, depends_on naming a missing service or one
// only another profile starts, undeclared named volumes, bind mounts of files not in the repository, non-string
// environment values, nginx upstreams that are not services of the profile.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..', 'docker-compose.yml'));
const root = dirname(file);
const problems = [];
const TOP = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets']);
const SERVICE = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'volumes',
  'depends_on',
  'healthcheck',
  'restart',
  'profiles',
  'user',
  'working_dir',
  'networks',
  'expose',
  'deploy',
  'stop_grace_period',
  'stop_signal',
  'labels',
  'logging',
  'init',
  'ulimits',
  'shm_size',
  'tmpfs',
  'read_only',
  'container_name',
]);
const RESTART = new Set(['no', 'always', 'on-failure', 'unless-stopped']);
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

let doc;
try {
  doc = parse(readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true });
} catch (error) {
  console.error(`${file}: not valid YAML: ${error.message}`);
  process.exit(1);
}
const services = doc.services ?? {};
const volumes = doc.volumes ?? {};
for (const key of Object.keys(doc))
  if (!TOP.has(key) && !key.startsWith('x-')) problems.push(`unknown top-level key '${key}'`);
if (Object.keys(services).length === 0) problems.push('no services');

const profilesOf = (name) => services[name]?.profiles ?? [];
// A service with no profiles always starts; one with profiles starts only when one of them is active.
const startsWhenever = (dependency, dependent) => {
  const needed = profilesOf(dependency);
  if (needed.length === 0) return true;
  const active = profilesOf(dependent);
  return active.length > 0 && active.every((p) => needed.includes(p));
};

for (const [name, service] of Object.entries(services)) {
  const at = `services.${name}`;
  for (const key of Object.keys(service)) if (!SERVICE.has(key)) problems.push(`${at}: unknown key '${key}'`);
  if (!service.image && !service.build) problems.push(`${at}: needs image or build`);
  if (service.restart !== undefined && !RESTART.has(service.restart))
    problems.push(`${at}.restart: '${service.restart}'`);
  if (
    service.profiles !== undefined &&
    !(Array.isArray(service.profiles) && service.profiles.every((p) => typeof p === 'string'))
  )
    problems.push(`${at}.profiles must be a list of names`);
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    for (const entry of env)
      if (typeof entry !== 'string') problems.push(`${at}.environment: '${entry}' must be KEY=value`);
  } else {
    for (const [k, v] of Object.entries(env)) {
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        problems.push(`${at}.environment.${k} must be a string`);
      if (typeof v === 'boolean') problems.push(`${at}.environment.${k}: quote '${v}' (Compose refuses YAML booleans)`);
    }
  }
  const depends = Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((d) => [d, {}]))
    : (service.depends_on ?? {});
  for (const [dependency, rule] of Object.entries(depends)) {
    if (!services[dependency]) problems.push(`${at}.depends_on: no service '${dependency}'`);
    else if (!startsWhenever(dependency, name))
      problems.push(
        `${at}.depends_on: '${dependency}' only starts with profile(s) ${profilesOf(dependency).join(', ')}`,
      );
    if (rule?.condition && !CONDITIONS.has(rule.condition))
      problems.push(`${at}.depends_on.${dependency}: condition '${rule.condition}'`);
    if (rule?.condition === 'service_healthy' && services[dependency] && !services[dependency].healthcheck)
      problems.push(`${at}.depends_on.${dependency}: service_healthy, but '${dependency}' has no healthcheck`);
  }
  for (const mount of service.volumes ?? []) {
    const [source] = String(mount).split(':');
    if (source.startsWith('.') || source.startsWith('/')) {
      if (!existsSync(resolve(root, source))) problems.push(`${at}.volumes: '${source}' is not in the repository`);
    } else if (!(source in volumes)) problems.push(`${at}.volumes: named volume '${source}' is not declared`);
  }
  for (const port of service.ports ?? [])
    if (!/^(\d+:)?\d+(\/(tcp|udp))?$/.test(String(port))) problems.push(`${at}.ports: '${port}'`);
  const healthcheck = service.healthcheck?.test;
  if (
    healthcheck !== undefined &&
    !(Array.isArray(healthcheck) && ['CMD', 'CMD-SHELL', 'NONE'].includes(healthcheck[0]))
  )
    problems.push(`${at}.healthcheck.test must start with CMD, CMD-SHELL or NONE`);

  // nginx: every upstream server must be a service that starts with the proxy.
  for (const mount of service.volumes ?? []) {
    const [source] = String(mount).split(':');
    if (!source.endsWith('.conf') || !existsSync(resolve(root, source))) continue;
    for (const match of readFileSync(resolve(root, source), 'utf8').matchAll(/^\s*server\s+([\w.-]+):\d+/gm)) {
      const upstream = match[1];
      if (!services[upstream]) problems.push(`${source}: upstream '${upstream}' is not a service`);
      else if (!startsWhenever(upstream, name))
        problems.push(`${source}: upstream '${upstream}' does not start with '${name}'`);
      else if (!(upstream in depends)) problems.push(`${at}: proxies to '${upstream}' but does not depend on it`);
    }
  }
}

const profiles = [...new Set(Object.values(services).flatMap((s) => s.profiles ?? []))];
if (problems.length === 0 && composePluginAvailable()) {
  for (const profile of [undefined, ...profiles]) {
    const args = ['compose', '-f', file, ...(profile ? ['--profile', profile] : []), 'config', '--quiet'];
    try {
      execFileSync('docker', args, { stdio: 'pipe', env: { ...process.env, ADMIN_TOKEN: 'x'.repeat(16) } });
    } catch (error) {
      problems.push(`docker ${args.join(' ')}: ${String(error.stderr ?? error.message).trim()}`);
    }
  }
}

if (problems.length > 0) {
  console.error(`${file}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `docker-compose.yml: ok (${Object.keys(services).length} services; profiles: default, ${profiles.join(', ')})`,
);

function composePluginAvailable() {
  try {
    execFileSync('docker', ['compose', 'version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
