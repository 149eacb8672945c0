import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'quality::constructor-pattern' };
export default capability;
