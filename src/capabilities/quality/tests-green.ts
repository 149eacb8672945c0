import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'quality::tests-green' };
export default capability;
