export * from './clock';
export * from './events';
export * from './records';
export * from './stores';
export * from './language-model-signals';
export * from './trainer';
export * from './import-source';
