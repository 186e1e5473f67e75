export * from './fold';
export * from './stopwords';
export * from './lines';
