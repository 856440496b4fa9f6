import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../../shared/router';

export const operations: Record<string, Operation> = {};

export const description: INodeProperties[] = [];
