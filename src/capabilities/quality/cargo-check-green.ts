import type { CapabilityModule } from '../types.js';
import { verifyCargoCheckGreen } from '../../hook/parts/verify-checks.js';

const capability: CapabilityModule = { name: 'quality::cargo-check-green', verify: verifyCargoCheckGreen };
export default capability;
