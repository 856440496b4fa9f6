import { Container } from '@n8n/di';
import { Cipher, EncryptionKeyProxy, InstanceSettings } from 'n8n-core';

let configured = false;

/**
 * The n8n app stores credentials encrypted with its instance key (the CLI registers a key provider
 * backed by its database). The harness registers the equivalent "legacy" provider: one key,
 * derived from the instance key in the temporary N8N_USER_FOLDER, exactly as a fresh n8n has.
 */
export function configureEncryption(): void {
	if (configured) return;
	const cipher = Container.get(Cipher);
	const key = {
		id: 'legacy',
		value: cipher.encryptDEKWithInstanceKey(Container.get(InstanceSettings).encryptionKey),
		algorithm: 'aes-256-cbc',
		format: 'no-prefix' as const,
	};
	Container.get(EncryptionKeyProxy).setProvider({
		getActiveKey: async () => key,
		getKeyById: async (id: string) => (id === key.id ? key : null),
		getLegacyKey: async () => key,
	});
	configured = true;
}
