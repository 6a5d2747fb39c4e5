import { DEPLOYMENTS, DIRECTIONS, ENDPOINT_KINDS, PROTOCOLS } from '../../schemas/registries';
import { absoluteUrl, FEED_PATHS } from '../url/link-scheme';

/** A JSON Schema document, kept as plain data so it can be served and handed to a validator. */
export type JsonSchema = Record<string, unknown>;

const id = {
  type: 'string',
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  description: 'Permanent id: lower-case words joined by hyphens. Never reused for something else.',
};
const text = { type: 'string', minLength: 1 };
const ids = { type: 'array', items: { $ref: '#/$defs/id' }, uniqueItems: true };

/** The German texts of an entry: the fields named, each the German of the English field of that name. */
function german(fields: readonly string[]) {
  return {
    type: 'object',
    required: [...fields],
    additionalProperties: false,
    description:
      'The German texts of this entry, as the German pages show them; every other field is the same in both languages.',
    properties: Object.fromEntries(fields.map((field) => [field, text])),
  };
}

/**
 * The JSON Schema (draft 2020-12) of /ports.json. It is written by hand, not
 * derived from the TypeScript types, because it is a published promise: a field
 * is only ever added here, and the unit tests check the feed against it.
 */
export function portsJsonSchema(site: URL): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(FEED_PATHS.schema, site),
    title: 'pascom firewall ports',
    description:
      'Every firewall clearance the pascom phone system needs, with permanent ids. New optional fields may be added within a major version; consumers should ignore fields they do not know.',
    type: 'object',
    required: ['$schema', 'version', 'updated', 'source', 'changelog', 'devices', 'endpoints', 'rules'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', format: 'uri' },
      version: {
        type: 'string',
        pattern: '^\\d{4}\\.\\d{2}\\.\\d{2}\\.[1-9]\\d*$',
        description: 'Data version YYYY.MM.DD.N; compare the four numbers to see whether the data changed.',
      },
      updated: { type: 'string', format: 'date', description: 'Day the data version was published.' },
      source: { type: 'string', format: 'uri', description: 'The port overview page.' },
      changelog: { type: 'string', format: 'uri', description: 'What changed in each version.' },
      devices: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name', 'de'],
          additionalProperties: false,
          properties: { id: { $ref: '#/$defs/id' }, name: text, de: german(['name']) },
        },
      },
      endpoints: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name', 'kind', 'hosts', 'de'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/id' },
            name: text,
            kind: {
              enum: [...ENDPOINT_KINDS],
              description:
                'network: a place, not a host; pascom-instance: your pascom; host: fixed DNS names.',
            },
            hosts: { type: 'array', items: { $ref: '#/$defs/host' } },
            de: german(['name']),
          },
        },
      },
      rules: { type: 'array', items: { $ref: '#/$defs/rule' } },
    },
    $defs: {
      id,
      host: {
        type: 'string',
        pattern: '^(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)+$',
        description: 'DNS name; a leading "*." stands for any name below that domain.',
      },
      rule: {
        type: 'object',
        required: [
          'id',
          'aliases',
          'title',
          'purpose',
          'ifBlocked',
          'ports',
          'protocols',
          'devices',
          'placements',
          'de',
        ],
        additionalProperties: false,
        properties: {
          id: { $ref: '#/$defs/id' },
          aliases: { ...ids, description: 'Earlier ids of this rule.' },
          title: text,
          purpose: text,
          ifBlocked: text,
          ports: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['from', 'to'],
              additionalProperties: false,
              description: 'Inclusive port range; a single port has from equal to to.',
              properties: {
                from: { type: 'integer', minimum: 1, maximum: 65535 },
                to: { type: 'integer', minimum: 1, maximum: 65535 },
              },
            },
          },
          protocols: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...PROTOCOLS] } },
          devices: { ...ids, minItems: 1, description: 'Ids of the devices that use the connection.' },
          placements: {
            type: 'array',
            minItems: 1,
            description: 'The rule as a row of each tab (deployment) it appears in.',
            items: { $ref: '#/$defs/placement' },
          },
          de: german(['title', 'purpose', 'ifBlocked']),
        },
      },
      placement: {
        type: 'object',
        required: ['id', 'deployment', 'direction', 'source', 'destinations', 'hosts', 'url'],
        additionalProperties: false,
        properties: {
          id: { $ref: '#/$defs/id', description: 'Permanent row id, "<deployment>-<rule id>".' },
          deployment: { enum: [...DEPLOYMENTS] },
          direction: {
            enum: [...DIRECTIONS],
            description: 'Which way connections are opened, seen from your network.',
          },
          source: { $ref: '#/$defs/id', description: 'Endpoint id where connections start.' },
          destinations: { ...ids, minItems: 1, description: 'Endpoint ids connections go to.' },
          hosts: {
            type: 'array',
            items: { $ref: '#/$defs/host' },
            description: 'DNS names of the destinations.',
          },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
  };
}
