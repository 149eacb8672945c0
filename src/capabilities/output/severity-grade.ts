import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'output::severity-grade' };
export default capability;
