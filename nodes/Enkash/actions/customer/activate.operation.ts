/** Customer → Activate. */
import { customerAction } from './byId';

/** `PUT /api/v0/customer/activate/{customerId}?parentCompanyId=`: the customer can be invoiced again. */
export const { description, execute } = customerAction('activate', 'PUT', (id) => `/api/v0/customer/activate/${id}`, true);
