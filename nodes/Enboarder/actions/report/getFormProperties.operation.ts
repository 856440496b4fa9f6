/** Report → Get Form Properties. */
import { reportProperties } from './reports';

/** Report → Get Form Properties: `GET /reports/forms/{id}/properties`. */
export const { description, execute } = reportProperties('forms', 'getFormProperties');
