import { z } from 'zod';

/** data/gpu-prices.json: the GPU prices a cost line is checked against (build and test time only). */
export const GpuCatalogSchema = z
  .strictObject({
    currency: z.literal('USD'),
    unit: z.literal('per GPU per hour'),
    pricingPage: z.url(),
    gpus: z.record(
      z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'upper-case Modal GPU name'),
      z.strictObject({
        usdPerHour: z.number().positive(),
        aliases: z.array(z.string().min(1)),
        /** Where the price comes from: a document or page, so every number can be checked. */
        source: z.string().min(10),
      }),
    ),
  })
  .describe('GPU prices for Modal cost lines');

export type GpuCatalog = z.infer<typeof GpuCatalogSchema>;
