/** Report → List Forms. */
import { listReports } from './reports';

/** Report → List Forms: `GET /reports/forms`. */
export const { description, execute } = listReports('forms', 'listForms');
