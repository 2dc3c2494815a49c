/** The district's own facts in `settings` (written at first start): its name, and the prefix of task numbers. */
import { z } from 'zod';
import { defineSetting } from './read.js';

export const districtSchema = z.object({
  name: z.string(),
  fullName: z.string().optional(),
  code: z.string().optional(),
  /** task numbers read PREFIX-YEAR-NNN */
  taskPrefix: z.string().optional(),
});
export type District = z.infer<typeof districtSchema>;

/** null until the first start has written it */
export const districtSetting = defineSetting<District | null>('district', districtSchema, () => null);
