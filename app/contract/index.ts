export * from './result';
export * from './channels';
export * from './events';
export * from './dispatch';
export * from './api';
export * from './socket-protocol';
export * from './engine-channels';
export * from './rule-set-channels';
