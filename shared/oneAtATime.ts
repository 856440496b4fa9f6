/** Runs tasks with the same key one after the other within this process. */
const chains = new Map<string, Promise<void>>();

/**
 * Runs `task` once every earlier task with the same key (in this process) has finished, whatever
 * their outcome. Items of one run that name the same record (two rows with one External ID, say)
 * then look it up and create it one after the other instead of both finding nothing and both
 * creating it. Different keys still run at the node's full concurrency.
 */
export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = chains.get(key) ?? Promise.resolve();
	const run = previous.then(task);
	const done = run.then(
		() => undefined,
		() => undefined,
	);
	chains.set(key, done);
	try {
		return await run;
	} finally {
		if (chains.get(key) === done) chains.delete(key);
	}
}

/** How many keys have a task queued or running (for tests: the map does not grow). */
export function pendingKeys(): number {
	return chains.size;
}
