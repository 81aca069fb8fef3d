export * from './common.js';
export * from './device.js';
export * from './errors.js';
export * from './events.js';
export * from './methods.js';
export * from './presence.js';
export * from './roles.js';
export * from './bridge.js';
