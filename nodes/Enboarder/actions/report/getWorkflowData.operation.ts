/** Report → Get Workflow Data. */
import { reportData } from './reports';

/** Report → Get Workflow Data: `GET /reports/workflows/{id}/data`, paged by `nextKey`. */
export const { description, execute } = reportData('workflows', 'getWorkflowData');
