export * from './fold';
export * from './tokens';
export * from './lines';
