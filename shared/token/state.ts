/** The token state of one n8n process: its token cache, its memory of refused logins, its side of the login claim. */
import { LoginCoordination } from './loginClaim';
import { LoginGuard } from './loginGuard';
import { TokenManager } from './tokenManager';

/*
 * Process-wide instances: n8n loads a package's credential and node files once per process, so
 * every item, execution and node of that process shares these.
 */
export const tokens = new TokenManager();
export const logins = new LoginGuard();
export const loginCoordination = new LoginCoordination();
