/** Customer → Deactivate. */
import { customerAction } from './byId';

/** `PUT /api/v0/customer/deactivate/{customerId}?parentCompanyId=`: stops invoicing the customer. */
export const { description, execute } = customerAction('deactivate', 'PUT', (id) => `/api/v0/customer/deactivate/${id}`, true);
