import { forgetLimiters } from '../../shared/concurrency/limiters';
import { loginCoordination, logins, tokens } from '../../shared/token';

/**
 * Our package keeps tokens, rejected logins and concurrency limiters per process, as n8n loads it
 * once per process. Tests that want a fresh start (as after an n8n restart) call this; it does not
 * change behaviour.
 */
export function resetTokenState(): void {
	tokens.clear();
	logins.clear();
	loginCoordination.clear();
	forgetLimiters();
}
