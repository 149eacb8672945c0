import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'modal::prelaunch' };
export default capability;
