import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GpuCatalogSchema } from '../../src/modal/catalog-schema.js';
import { catalogPrice, priciest } from '../../src/modal/catalog.js';
import { loadCapabilities } from '../../src/policy/sources.js';
import { AUTO_BELOW_USD, ASK_ABOVE_USD, DAILY_CAP_USD, APP_LIST_FRESH_MINUTES, tierOf, withinCap } from '../../src/modal/tiers.js';
import { REPO_ROOT } from '../helpers/gate.js';

const CASES_1 = [
  ['h100', 'H100'],
  ['H100!', 'H100'],
  ['a10', 'A10G'],
  [' a10g ', 'A10G'],
  ['A100-80GB', 'A100-80GB'],
] as const;

describe('data/gpu-prices.json', () => {
  const data = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'gpu-prices.json'), 'utf8'));

  it('fits its schema', () => {
    expect(GpuCatalogSchema.safeParse(data).success).toBe(true);
  });

  it('carries the seed prices', () => {
    expect([catalogPrice('A10G')?.usdPerHour, catalogPrice('H100')?.usdPerHour, catalogPrice('B200')?.usdPerHour]).toEqual([1.1, 4.5, 8]);
  });

  it('rejects unknown keys and prices without a source', () => {
    expect(GpuCatalogSchema.safeParse({ ...data, extra: 1 }).success).toBe(false);
    expect(GpuCatalogSchema.safeParse({ ...data, gpus: { H100: { usdPerHour: 4.5, aliases: [] } } }).success).toBe(false);
  });

  it.each(CASES_1)('%j is %s', (name, gpu) => {
    expect(catalogPrice(name)?.gpu).toBe(gpu);
  });

  it('does not guess unknown GPUs', () => {
    expect(catalogPrice('A100')).toBeUndefined();
    expect(catalogPrice('TPU')).toBeUndefined();
  });

  it('picks the priciest of a fallback list', () => {
    expect(priciest(['A10G', 'H100', 'unknown'])).toEqual({ gpu: 'H100', usdPerHour: 4.5 });
    expect(priciest(['unknown'])).toBeUndefined();
  });
});

const CASES_2 = [
  [4.99, 'auto'],
  [5, 'warn'],
  [20, 'warn'],
  [20.01, 'stop'],
  [0, 'auto'],
] as const;

describe('tiers', () => {
  it.each(CASES_2)('$%s is %s', (usd, tier) => {
    expect(tierOf(usd)).toBe(tier);
  });

  it('the cap holds at exactly $20 and breaks a cent over', () => {
    expect(withinCap(15, 5)).toBe(true);
    expect(withinCap(15.01, 5)).toBe(false);
    expect(withinCap(0.1 + 0.2, 19.7)).toBe(true);
  });

  it('the rule texts state the same numbers the code enforces', () => {
    const caps = loadCapabilities(REPO_ROOT);
    const cost = caps.get('modal::cost-line')!.text;
    expect(cost).toContain(`under $${AUTO_BELOW_USD}`);
    expect(cost).toContain(`$${AUTO_BELOW_USD} to $${ASK_ABOVE_USD}`);
    expect(cost).toContain(`over $${ASK_ABOVE_USD}`);
    expect(cost).toContain(`$${DAILY_CAP_USD} daily cap`);
    expect(cost).toContain('Estimate: $X.XX (= N_gpus × hours × $/hr/gpu)');
    for (const [gpu, price] of [['A10G', '1.10'], ['H100', '4.50']]) expect(cost).toContain(`${gpu} $${price}/hr`);
    expect(caps.get('modal::prelaunch')!.text).toContain(`last ${APP_LIST_FRESH_MINUTES}`);
  });
});
