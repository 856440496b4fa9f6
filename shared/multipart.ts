/** A multipart/form-data body with one file, built by hand (no runtime dependencies). */
import { randomBytes } from 'node:crypto';

/** A multipart/form-data body with one file part, built by hand: the package has no runtime dependencies. */
export function multipartFile(fieldName: string, fileName: string, contentType: string, data: Buffer): { body: Buffer; contentType: string } {
	const boundary = `----n8nTokenConnectors${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName.replace(/"/g, '')}"\r\nContent-Type: ${contentType}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	return { body: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
