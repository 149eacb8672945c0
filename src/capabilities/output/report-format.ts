import type { CapabilityModule } from '../types.js';

const capability: CapabilityModule = { name: 'output::report-format' };
export default capability;
