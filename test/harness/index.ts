import './environment';

export { HarnessCredentialsHelper, type CredentialInput } from './credentialsHelper';
export { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from './runWorkflow';
export { pollNode, type PollResult } from './pollNode';
export { packageTypes, repoRoot } from './packageTypes';
export { loadExample } from './examples';
export { enkashCredentialData } from './sandboxCredentials';
export { testCredential } from './credentialTester';
export { resetTokenState } from './processState';
export {
	assertNoSecrets,
	assertNoSecretsInLedger,
	assertNoSecretsInOutput,
	capturedOutput,
	findSecrets,
	registerBasicPair,
	registerSecret,
	secretForms,
	serializeError,
} from './secretAudit';
