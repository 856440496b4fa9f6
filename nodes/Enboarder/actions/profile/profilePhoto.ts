/** A profile photo from an item's binary data, as Enboarder takes it. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

const PHOTO_LABEL = 'Photo Binary Property';

/** Enboarder takes JPG and PNG photos (`profilePhoto.imageType` jpg, jpeg or png). */
function imageTypeOf(data: Buffer): 'jpg' | 'png' | undefined {
	if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
	return undefined;
}

/**
 * The photo in the item's binary property `property`, as Enboarder's `profilePhoto`. The type is
 * read from the file's first bytes, so a PDF or a file merely named `.png` is refused before sending.
 */
export async function profilePhoto(context: IExecuteFunctions, itemIndex: number, property: string): Promise<IDataObject> {
	const fail = (message: string, description?: string): NodeOperationError =>
		new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${PHOTO_LABEL} ${message}`, { itemIndex, description });
	let fileName: string | undefined;
	let mimeType: string | undefined;
	let data: Buffer;
	try {
		const binary = context.helpers.assertBinaryData(itemIndex, property);
		fileName = binary.fileName;
		mimeType = binary.mimeType;
		data = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	} catch (error) {
		const present = Object.keys(context.getInputData()[itemIndex]?.binary ?? {});
		throw fail(
			`"${property}" names no file in the input item`,
			present.length > 0 ? `The item has these binary properties: ${present.join(', ')}` : `The item has no binary data. (${(error as Error).message})`,
		);
	}
	if (data.length === 0) throw fail(`"${property}" holds an empty file`);
	const imageType = imageTypeOf(data);
	if (!imageType) {
		const got = [mimeType, fileName].filter(Boolean).join(', ') || 'a file of unknown type';
		throw fail(`must hold a JPG or PNG image (got ${got})`);
	}
	return { imageType, body: data.toString('base64') };
}
