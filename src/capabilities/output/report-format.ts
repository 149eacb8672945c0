import type { CapabilityModule } from '../types.js';
import { verifyReportFormat } from '../../hook/parts/verify-checks.js';

const capability: CapabilityModule = { name: 'output::report-format', verify: verifyReportFormat };
export default capability;
