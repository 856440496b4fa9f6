/** Report → Get Workflow Properties. */
import { reportProperties } from './reports';

/** Report → Get Workflow Properties: `GET /reports/workflows/{id}/properties`. */
export const { description, execute } = reportProperties('workflows', 'getWorkflowProperties');
