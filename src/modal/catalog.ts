/**
 * GPU price lookup over data/gpu-prices.json (bundled into the hook; its schema is checked by
 * the tests, so the hot path only indexes it).
 */
import catalogData from '../../data/gpu-prices.json' with { type: 'json' };
import type { GpuCatalog } from './catalog-schema.js';

export interface CatalogPrice {
  gpu: string;
  usdPerHour: number;
}

const catalog = catalogData as GpuCatalog;
const byName = new Map<string, CatalogPrice>();
for (const [gpu, entry] of Object.entries(catalog.gpus)) {
  for (const name of [gpu, ...entry.aliases]) byName.set(name.toUpperCase(), { gpu, usdPerHour: entry.usdPerHour });
}

export const PRICING_PAGE = catalog.pricingPage;

/** The catalog price of a Modal GPU name such as 'h100', 'H100!' or 'A10'; undefined when unknown. */
export function catalogPrice(gpuName: string): CatalogPrice | undefined {
  return byName.get(gpuName.trim().toUpperCase());
}

/** The most expensive known GPU among several (a fallback list bills whichever it gets). */
export function priciest(gpuNames: string[]): CatalogPrice | undefined {
  let best: CatalogPrice | undefined;
  for (const name of gpuNames) {
    const price = catalogPrice(name);
    if (price && (!best || price.usdPerHour > best.usdPerHour)) best = price;
  }
  return best;
}
