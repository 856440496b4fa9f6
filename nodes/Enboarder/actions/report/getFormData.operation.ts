/** Report → Get Form Data. */
import { reportData } from './reports';

/** Report → Get Form Data: `GET /reports/forms/{id}/data`, paged by `nextKey`. */
export const { description, execute } = reportData('forms', 'getFormData');
