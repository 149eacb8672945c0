import type { CapabilityModule } from '../types.js';
import { verifySeverityGrade } from '../../verify/checks/severity-grade.js';

const capability: CapabilityModule = { name: 'output::severity-grade', verify: verifySeverityGrade };
export default capability;
