"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openBenchDatabase = openBenchDatabase;
const pg_1 = require("pg");
const database_1 = require("../../libs/platform/src/database");
const embedded_postgres_1 = require("../../libs/platform/src/embedded-postgres");
async function openBenchDatabase(log) {
    const fromEnv = process.env.DATABASE_URL;
    if (fromEnv)
        return prepare(fromEnv, 'DATABASE_URL', async () => { });
    const embedded = await (0, embedded_postgres_1.startEmbeddedPostgres)('.data/bench', log);
    try {
        return await prepare(embedded.url, 'embedded', () => embedded.stop());
    }
    catch (error) {
        await embedded.stop();
        throw error;
    }
}
async function prepare(url, source, stop) {
    await (0, database_1.migrate)(url);
    return { url, label: `${source} PostgreSQL ${await serverVersion(url)}`, stop };
}
async function serverVersion(url) {
    const pool = new pg_1.Pool({ connectionString: url, max: 1 });
    try {
        const { rows } = await pool.query('SHOW server_version');
        return rows[0].server_version;
    }
    finally {
        await pool.end();
    }
}
