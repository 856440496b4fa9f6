/** The sandbox: one local HTTP server that behaves like the Enboarder, Partner, Enkash and PAT APIs. */
export { startSandbox, DEFAULT_SEED } from './server';
export type { Sandbox, SandboxOptions } from './server';
export { SandboxControl } from './control';
export { SandboxClient } from './client';
export type { SandboxHealth } from './client';
export { DEMO_CREDENTIALS } from './credentials';
export type { DemoCredentials } from './credentials';
export { vendorBaseUrls, VENDOR_PREFIXES, CONTROL_PREFIX } from './urls';
export type { VendorBaseUrls } from './urls';
export { SEED_FACTS } from './seed';
export { DEFAULT_TOKEN_LIFETIMES } from './tokens';
export { formatEnkashDateTime } from './vendors/enkash-store';
export { ENKASH_LOCKED_MESSAGE } from './vendors/enkash';
export { PAT_USER } from './vendors/pat';
export { VENDORS } from './types';
export { ACCESS_TOKEN_FORMS, EXPIRES_IN_FORMS } from './types';
export { parseCsv, toCsv } from './csv';
export type * from './types';
