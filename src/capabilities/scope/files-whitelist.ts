import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'scope::files-whitelist' };
export default capability;
