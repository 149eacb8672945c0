import type { CapabilityModule } from '../types.js';
import { verifyCargoCheckGreen } from '../../verify/checks/cargo-check-green.js';

const capability: CapabilityModule = { name: 'quality::cargo-check-green', verify: verifyCargoCheckGreen };
export default capability;
