"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
exports.poolOf = poolOf;
exports.migrate = migrate;
const typeorm_1 = require("typeorm");
const migrations_1 = require("../../../migrations");
const MIGRATION_LOCK = 7_401_001;
function dataSourceOptions(options) {
    return {
        type: 'postgres',
        url: options.url,
        poolSize: options.poolSize ?? 10,
        applicationName: options.applicationName ?? 'annals',
        entities: options.entities ?? [],
        migrations: migrations_1.MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        migrationsTransactionMode: 'each',
        synchronize: false,
        logging: ['error'],
    };
}
function poolOf(dataSource) {
    return dataSource.driver.master;
}
async function migrate(url) {
    const dataSource = new typeorm_1.DataSource({ ...dataSourceOptions({ url, poolSize: 2, applicationName: 'annals-migrate' }) });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
        await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        return applied.map((m) => m.name);
    }
    finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        await runner.release();
        await dataSource.destroy();
    }
}
