/** Report → List Workflows. */
import { listReports } from './reports';

/** Report → List Workflows: `GET /reports/workflows`. */
export const { description, execute } = listReports('workflows', 'listWorkflows');
