import type { CapabilityModule } from '../types.js';
import { verifySeverityGrade } from '../../hook/parts/verify-checks.js';

const capability: CapabilityModule = { name: 'output::severity-grade', verify: verifySeverityGrade };
export default capability;
