export * from './actors.projection';
export * from './actors.read-model';
export * from './actors.query';
export * from './actor-known.query';
export * from './actors.schema';
