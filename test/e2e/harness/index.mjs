export * from './paths.mjs';
export * from './processes.mjs';
export * from './code-server.mjs';
export * from './browser.mjs';
export * from './workbench.mjs';
export * from './usage-log.mjs';
export * from './session.mjs';
