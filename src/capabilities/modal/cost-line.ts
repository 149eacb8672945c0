import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'modal::cost-line' };
export default capability;
