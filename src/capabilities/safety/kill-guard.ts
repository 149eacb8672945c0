import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'safety::kill-guard' };
export default capability;
