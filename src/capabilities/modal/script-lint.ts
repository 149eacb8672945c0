import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'modal::script-lint' };
export default capability;
