import type { CapabilityModule } from '../types.js';
import { verifyReportFormat } from '../../verify/checks/report-format.js';

const capability: CapabilityModule = { name: 'output::report-format', verify: verifyReportFormat };
export default capability;
