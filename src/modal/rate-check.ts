/**
 * The GPU side of a cost line: the GPUs the launched script asks for, priced from the catalog.
 * A rate under the catalog's, or fewer GPUs than one container takes, means the estimate is low.
 */
import type { LaunchScan, ModalLaunch } from './launch.js';
import type { GpuRequest } from './gpu-request.js';
import { cachedScriptFacts, entryDefinition } from './script-facts.js';
import { parseGpuString } from './gpu-request.js';
import { catalogPrice, priciest, PRICING_PAGE, type CatalogPrice } from './catalog.js';
import { dollars, type Estimate } from './estimate.js';
import type { ModalOutcome } from './outcome.js';

function scriptGpus(launch: ModalLaunch): GpuRequest[] {
  const text = launch.script?.source?.ok ? launch.script.source.text : launch.code;
  if (text === undefined) return [];
  const facts = cachedScriptFacts(text);
  const entry = entryDefinition(facts, launch.script?.entry);
  const fn = entry ? facts.modal.functions.find((f) => f.definition === entry) : undefined;
  return fn && fn.gpus.length > 0 ? fn.gpus : facts.modal.gpus;
}

/** Every GPU request of the launches that can be read (script gpu= and `modal shell --gpu`). */
export function launchGpus(scan: LaunchScan): GpuRequest[] {
  return scan.launches.flatMap((l) => {
    const flag = l.gpuFlag === undefined ? undefined : parseGpuString(l.gpuFlag, 0);
    return [...scriptGpus(l), ...(flag ? [flag] : [])];
  });
}

function priciestRequest(requests: GpuRequest[]): { price: CatalogPrice; count: number } | undefined {
  const price = priciest(requests.map((r) => r.type));
  if (!price) return undefined;
  const count = Math.max(...requests.filter((r) => catalogPrice(r.type)?.gpu === price.gpu).map((r) => r.count));
  return { price, count };
}

/** A cost line to copy, priced for the script's GPU when it is known. */
export function exampleLine(scan: LaunchScan): string {
  const known = priciestRequest(launchGpus(scan)) ?? { price: catalogPrice('H100')!, count: 1 };
  const rate = known.price.usdPerHour;
  return `Estimate: $${dollars(known.count * rate)} (= ${known.count} × 1h × $${dollars(rate)}/hr/gpu)`;
}

export function rateOutcomes(estimate: Estimate, scan: LaunchScan): ModalOutcome[] {
  const requests = launchGpus(scan);
  const known = priciestRequest(requests);
  const out: ModalOutcome[] = [];
  if (known && estimate.rate < known.price.usdPerHour - 0.005) {
    out.push({ kind: 'warn', message: 'rate-low', data: { rate: dollars(estimate.rate), gpu: known.price.gpu, catalog: dollars(known.price.usdPerHour), page: PRICING_PAGE } });
  }
  const most = requests.reduce<GpuRequest | undefined>((best, r) => (!best || r.count > best.count ? r : best), undefined);
  if (most && estimate.gpus < most.count) {
    out.push({ kind: 'warn', message: 'gpu-count-low', data: { gpus: estimate.gpus, count: most.count, gpu: most.type } });
  }
  return out;
}
