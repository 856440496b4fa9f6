/** The Enkash node's resources, handed to the shared router. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../../shared/router';
import * as bharatConnect from './bharatConnect/BharatConnect.resource';
import * as customer from './customer/Customer.resource';
import * as customerContact from './customerContact/CustomerContact.resource';
import * as invoice from './invoice/Invoice.resource';
import * as paymentReminder from './paymentReminder/PaymentReminder.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, { bharatConnect: bharatConnect.operations, customer: customer.operations, customerContact: customerContact.operations, invoice: invoice.operations, paymentReminder: paymentReminder.operations });
}
