/** Remembers, within one process, the password logins the server refused. */
/**
 * Remembers password logins the server rejected, so they are never sent again automatically:
 * Enkash locks an account after three consecutive failed logins, and a scheduled workflow retrying
 * a wrong password every hour would lock it within three hours. Keyed by the credential's
 * fingerprint, so saving a corrected password allows one new attempt.
 */
export class LoginGuard {
	private readonly rejected = new Map<string, Error>();

	/** Throws the remembered rejection, without contacting the server, if this login failed before. */
	assertNotRejected(key: string): void {
		const error = this.rejected.get(key);
		if (error) throw error;
	}

	remember(key: string, error: Error): void {
		this.rejected.set(key, error);
	}

	clear(): void {
		this.rejected.clear();
	}
}
