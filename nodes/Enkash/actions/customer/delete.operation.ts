/** Customer → Delete. */
import { customerAction } from './byId';

/** `DELETE /api/v0/customer/{customerId}?parentCompanyId=`: removes the customer and its reminders. */
export const { description, execute } = customerAction('delete', 'DELETE', (id) => `/api/v0/customer/${id}`, false);
