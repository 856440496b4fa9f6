/** Matches `METHOD /path/:param` routes; a vendor module lists its routes once and looks them up per request. */

export type Params = Record<string, string>;

interface CompiledRoute<H> {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: H;
}

export class Router<H> {
	private readonly routes: Array<CompiledRoute<H>> = [];

	add(method: string, path: string, handler: H): this {
		const names: string[] = [];
		const source = path
			.split('/')
			.map((segment) => {
				if (segment.startsWith(':')) {
					names.push(segment.slice(1));
					return '([^/]+)';
				}
				return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
		return this;
	}

	match(method: string, path: string): { handler: H; params: Params } | undefined {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const found = route.pattern.exec(path);
			if (!found) continue;
			const params: Params = {};
			route.names.forEach((name, index) => {
				params[name] = safeDecode(found[index + 1]);
			});
			return { handler: route.handler, params };
		}
		return undefined;
	}
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
