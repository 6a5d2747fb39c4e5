import { z } from 'astro/zod';
import { ENDPOINT_KINDS } from './registries';
import { name, slugId, text } from './common';

/**
 * A hostname a rule can target. A leading "*." stands for any instance below that
 * domain (the pascom.cloud instances); everything else is a plain DNS name.
 */
const hostname = z
  .string({ error: 'must be a hostname' })
  .regex(/^(\*\.)?(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, {
    error: 'must be a lower-case hostname such as "pool.ntp.org" (optionally starting with "*.")',
  })
  .max(253, { error: 'must be at most 253 characters long, the limit of a DNS name' });

/** A source or target of traffic (content/endpoints.yaml). */
export const endpointSchema = z
  .strictObject({
    /** Permanent id, referenced by rules. */
    id: slugId,
    /** Name shown in the Source and Target columns. */
    name,
    /** What the endpoint is, for readers and for the generated firewall comments. */
    description: text,
    /** network: a place, not a host; pascom-instance: the customer's own pascom; host: fixed DNS names. */
    kind: z.enum(ENDPOINT_KINDS, { error: `must be one of: ${ENDPOINT_KINDS.join(', ')}` }),
    /** DNS names behind the endpoint; required for hosts and pascom instances. */
    hosts: z.array(hostname).default([]),
    /** A footnote shown wherever the endpoint appears, e.g. why pascom.cloud has no fixed address. */
    footnote: text.optional(),
  })
  .superRefine((endpoint, ctx) => {
    if (endpoint.kind !== 'network' && endpoint.hosts.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['hosts'],
        message: `an endpoint of kind "${endpoint.kind}" needs at least one hostname`,
      });
    }
  });

export type Endpoint = z.infer<typeof endpointSchema>;
