import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'scope::files-denylist' };
export default capability;
