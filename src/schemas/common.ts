import { z } from 'astro/zod';

/**
 * A permanent identifier: lower-case words joined by hyphens. It becomes part of
 * public URLs, so it must survive being typed into a support article.
 */
export const slugId = z
  .string({ error: 'must be a text id such as "sip-tls"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lower-case letters, digits and single hyphens, such as "sip-tls"',
  });

/** One line of prose, trimmed and never empty. */
export const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
