import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'policy::no-git-ops' };
export default capability;
