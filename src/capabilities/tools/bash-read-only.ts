import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'tools::bash-read-only' };
export default capability;
