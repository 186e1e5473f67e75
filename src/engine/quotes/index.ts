export * from './find';
export * from './match';
