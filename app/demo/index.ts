export * from './prng';
export * from './demo-clients';
export * from './demo-data';
export * from './demo-activity';
export * from './planted-interest';
export * from './demo-users';
