/** A credential's identity as a one-way digest of its secrets. */
import { createHash } from 'node:crypto';

/**
 * A stable, non-reversible identity for a credential's secrets: tokens are cached and failed logins
 * remembered per fingerprint, so changing any field (a corrected password) starts afresh, and no
 * secret is kept as a map key in clear.
 */
export function fingerprint(...parts: unknown[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(`${typeof part}:${String(part ?? '')}\u0000`);
	return hash.digest('hex');
}
