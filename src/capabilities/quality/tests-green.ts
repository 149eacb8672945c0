import type { CapabilityModule } from '../types.js';
import { verifyTestsGreen } from '../../hook/parts/verify-checks.js';

const capability: CapabilityModule = { name: 'quality::tests-green', verify: verifyTestsGreen };
export default capability;
