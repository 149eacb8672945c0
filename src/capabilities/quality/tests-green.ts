import type { CapabilityModule } from '../types.js';
import { verifyTestsGreen } from '../../verify/checks/tests-green.js';

const capability: CapabilityModule = { name: 'quality::tests-green', verify: verifyTestsGreen };
export default capability;
