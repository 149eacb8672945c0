import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'quality::cargo-check-green' };
export default capability;
