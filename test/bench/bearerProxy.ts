/**
 * Enboarder's REST API v2 takes the OAuth token as `Authorization: <token>`, without "Bearer", and
 * the sandbox answers a "Bearer " prefix with 401 as Enboarder does. n8n's generic OAuth2
 * credential always sends "Bearer <token>", so n8n's HTTP Request node cannot call Enboarder with
 * it at all. To still compare how many tokens each side asks for, scenario 3 sends both sides
 * through this loopback pass-through, which only drops that prefix; everything else (token
 * requests included) reaches the sandbox unchanged.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BearerProxy {
	url: string;
	close(): Promise<void>;
}

export async function startBearerProxy(target: string): Promise<BearerProxy> {
	const upstream = new URL(target);
	const agent = new Agent({ keepAlive: true });
	const server: Server = createServer((req, res) => {
		const headers = { ...req.headers };
		if (typeof headers.authorization === 'string' && headers.authorization.startsWith('Bearer ')) headers.authorization = headers.authorization.slice('Bearer '.length);
		headers.host = upstream.host;
		const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		forward.on('error', () => {
			if (!res.headersSent) res.writeHead(502);
			res.end();
		});
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				agent.destroy();
			}),
	};
}
