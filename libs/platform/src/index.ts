export * from './config';
export * from './database';
export * from './embedded-postgres';
export * from './runtime';
export * from './prepare-runtime';
export * from './platform.module';
export * from './logging';
export * from './process-lifecycle';
