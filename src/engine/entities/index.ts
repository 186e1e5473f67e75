export * from './mentions';
export * from './registry';
export * from './gazetteer';
export * from './titles';
export * from './names';
export * from './roles';
