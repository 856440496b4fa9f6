/** How busy this n8n process's own event loop has been: tells a vendor that got slower apart from a process that is too busy to read its answers on time. */

/**
 * Share of the time since the previous call (0..1) that the event loop spent running code rather
 * than waiting for I/O.
 */
export type LoadProbe = () => number;

/**
 * A probe reading Node's event-loop utilization (the global `performance`, no import needed). A
 * request's latency is counted until our code sees the answer; when the process itself is saturated
 * (expressions, JSON, other nodes and executions), answers wait in its own queue and the latency
 * rises although the vendor is as fast as before. Where the runtime has no such measure, the probe
 * says 0 (idle): the latency is then always read as the vendor's, as before.
 */
export function eventLoopLoad(): LoadProbe {
	const measure = typeof performance === 'undefined' ? undefined : performance.eventLoopUtilization?.bind(performance);
	if (!measure) return () => 0;
	let previous = measure();
	return () => {
		const current = measure();
		const since = measure(current, previous);
		previous = current;
		return Number.isFinite(since.utilization) ? since.utilization : 0;
	};
}
