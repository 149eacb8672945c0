import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'safety::no-dep-bump' };
export default capability;
