import { z } from 'astro/zod';
import {
  CORRECTABLE_FIELDS,
  DEPLOYMENTS,
  DIRECTIONS,
  FIREWALL_NOTES,
  PROBE_KINDS,
  PROBES,
  PROTOCOLS,
  UNTESTABLE_REASONS,
} from './registries';
import { slugId, text, title } from './common';
import { parsePortRange, type PortRange } from '../lib/ports';

/**
 * One entry of a rule's `ports` list: a number (`5061`) or a range written as
 * "from-to" (`"30000-35000"`). Both become a {@link PortRange}.
 */
const portSpec = z
  .union([z.number(), z.string()], {
    error: 'must be a port number such as 5061 or a range such as "30000-35000"',
  })
  .transform((value, ctx): PortRange => {
    const range = parsePortRange(value);
    if ('error' in range) {
      ctx.addIssue({ code: 'custom', message: range.error });
      return z.NEVER;
    }
    return range;
  });

/** A visible note where this site deliberately differs from the original port table. */
const correctionSchema = z.strictObject({
  /** Which field of the rule was corrected. */
  field: z.enum(CORRECTABLE_FIELDS, {
    error: `must be one of: ${CORRECTABLE_FIELDS.join(', ')}`,
  }),
  /** What the original table said, quoted as it was. */
  original: text,
  /** Why the value here is right, in one or two sentences. */
  note: text,
  /** Only show the note in this tab; omit when the original was wrong in every tab. */
  deployment: z.enum(DEPLOYMENTS).optional(),
});

/**
 * An acknowledged difference from the IANA service registry: the port is used by
 * pascom for something other than what IANA lists, and this says why that is fine.
 * The IANA lint (tests/unit/helpers/iana-lint.ts) defines what counts as a difference.
 */
const ianaAcknowledgementSchema = z.strictObject({
  /** The port/protocol pair this acknowledgement covers, e.g. "8884/tcp". */
  service: z.string().regex(/^\d+\/(tcp|udp)$/, { error: 'must look like "8884/tcp"' }),
  /** Why pascom's use differs from the registry. */
  reason: text,
});

/**
 * A service name as the IANA registry and /etc/services write it (RFC 6335):
 * up to 15 lower-case letters, digits and single inner hyphens, with at least one letter.
 */
const ianaServiceName = z
  .string({ error: 'must be an IANA service name such as "ntp"' })
  .max(15, { error: 'an IANA service name has at most 15 characters' })
  .regex(/^(?=.*[a-z])[a-z0-9](?:-?[a-z0-9]){0,14}$/, {
    error: 'must be an IANA service name as /etc/services writes it, such as "ntp" or "sip-tls"',
  });

/** One test a client can run against one of the rule's ports (`checks`). */
const checkSchema = z.strictObject({
  /** The port to test: one of the rule's single ports, not a range. */
  port: z.number({ error: "must be one of the rule's port numbers, such as 5061" }).int(),
  /** How to test it: `tcp` connect, `tls` handshake, an `https` or `http` request, a `stun` query. */
  kind: z.enum(PROBE_KINDS, { error: `must be one of: ${PROBE_KINDS.join(', ')}` }),
});

/** One firewall clearance (content/rules.yaml). */
export const portRuleSchema = z
  .strictObject({
    /** Permanent id; it is the rule's public anchor and page address. Never reuse or rename. */
    id: slugId,
    /** Earlier ids of this rule; links using them keep landing on it. */
    aliases: z.array(slugId).default([]),
    /** Short name of the function, as in the table's Function column. */
    title,
    /** What the connection is for. */
    purpose: text,
    /** What users notice when the port is blocked. */
    ifBlocked: text,
    /** Ports to open: numbers, or "from-to" ranges. */
    ports: z.array(portSpec).min(1, { error: 'needs at least one port' }),
    /** Transport protocols; a port open for both lists both. */
    protocols: z
      .array(z.enum(PROTOCOLS, { error: `must be one of: ${PROTOCOLS.join(', ')}` }))
      .min(1, { error: 'needs at least one protocol' }),
    /** Ids from content/devices.yaml of the devices that use this connection. */
    devices: z.array(slugId).min(1, { error: 'needs at least one device' }),
    /** Id from content/endpoints.yaml where connections start. */
    source: slugId,
    /** Ids from content/endpoints.yaml the connections go to. */
    destinations: z.array(slugId).min(1, { error: 'needs at least one destination' }),
    /** Which way connections are opened, seen from your network. */
    direction: z.enum(DIRECTIONS, { error: `must be one of: ${DIRECTIONS.join(', ')}` }),
    /** Notes where the original port table was wrong and this rule corrects it. */
    corrections: z.array(correctionSchema).default([]),
    /** IANA service names this rule is, where the registry lists its ports (e.g. "ntp" for 123/udp). */
    ianaNames: z.array(ianaServiceName).default([]),
    /** Explained differences from the IANA service registry. */
    iana: z.array(ianaAcknowledgementSchema).default([]),
    /** Firewall advice the rule needs: `sip-alg` (SIP signalling), `idle-timeout` (long-lived TCP). */
    firewallNotes: z
      .array(z.enum(FIREWALL_NOTES, { error: `must be one of: ${FIREWALL_NOTES.join(', ')}` }))
      .default([]),
    /** How a client can test that the rule's ports get through; see `PROBES` for who can run which. */
    checks: z.array(checkSchema).default([]),
    /**
     * Why no client can test this rule, for a rule without `checks`. Every rule of the site's
     * content has one or the other (tests/unit/checks-data.test.ts); the schema lets test
     * fixtures leave both out.
     */
    untestable: z
      .enum(UNTESTABLE_REASONS, { error: `must be one of: ${UNTESTABLE_REASONS.join(', ')}` })
      .optional(),
  })
  .superRefine((rule, ctx) => {
    for (const [field, values] of [
      ['protocols', rule.protocols],
      ['devices', rule.devices],
      ['destinations', rule.destinations],
      ['aliases', rule.aliases],
      ['ianaNames', rule.ianaNames],
      ['firewallNotes', rule.firewallNotes],
      ['iana', rule.iana.map((acknowledgement) => acknowledgement.service)],
    ] as const) {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) {
          ctx.addIssue({ code: 'custom', path: [field, index], message: `"${value}" is listed twice` });
        }
        seen.add(value);
      });
    }
    if (rule.checks.length > 0 && rule.untestable !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['untestable'], message: 'a rule with `checks` is testable' });
    }
    const seenChecks = new Set<string>();
    rule.checks.forEach(({ port, kind }, index) => {
      const where = `${port}/${PROBES[kind].protocol}`;
      if (!rule.ports.some((range) => range.from === port && range.to === port)) {
        ctx.addIssue({
          code: 'custom',
          path: ['checks', index, 'port'],
          message: `${port} is not one of the rule's single ports`,
        });
      } else if (!rule.protocols.includes(PROBES[kind].protocol)) {
        ctx.addIssue({
          code: 'custom',
          path: ['checks', index, 'kind'],
          message: `a ${kind} check needs ${PROBES[kind].protocol.toUpperCase()}, which the rule does not open`,
        });
      } else if (seenChecks.has(where)) {
        ctx.addIssue({ code: 'custom', path: ['checks', index], message: `${where} is checked twice` });
      }
      seenChecks.add(where);
    });
    if (rule.aliases.includes(rule.id)) {
      ctx.addIssue({ code: 'custom', path: ['aliases'], message: 'an alias must differ from the id' });
    }
  });

export type PortRuleData = z.infer<typeof portRuleSchema>;
