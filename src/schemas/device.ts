import { z } from 'astro/zod';
import { ICONS } from './registries';
import { name, slugId, text } from './common';

/** A kind of pascom device or program that needs ports opened (content/devices.yaml). */
export const deviceSchema = z.strictObject({
  /** Permanent id, referenced by rules and used in filter URLs. */
  id: slugId,
  /** Name shown in tables, the legend and filters, e.g. "IP phone". */
  name,
  /** One sentence on what the device is. */
  description: text,
  /** Which inline SVG icon represents the device. */
  icon: z.enum(ICONS, { error: `must be one of: ${ICONS.join(', ')}` }),
});

export type Device = z.infer<typeof deviceSchema>;
