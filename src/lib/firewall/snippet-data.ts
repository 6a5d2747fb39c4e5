import {
  DEPLOYMENTS,
  DIRECTIONS,
  ENDPOINT_KINDS,
  FIREWALL_NOTES,
  PROBE_KINDS,
  PROTOCOLS,
  LANGS,
  UNTESTABLE_REASONS,
  type Deployment,
} from '../../schemas/registries';
import type { SnippetEndpoint, SnippetInput, SnippetRule } from './plan';
import { isJsonObject, isStringList, oneOf, parseJson } from '../json';

/**
 * What the snippet panel needs to generate rules in the browser: every row of
 * each tab as generator input (`toSnippetInput`). It is published as
 * /snippets/data.json and fetched when the panel starts, so the overview does
 * not carry it. This module only imports types from the generators' modules, so
 * the page's first script stays small and the generators load when a snippet is shown.
 */
export type SnippetData = Partial<Record<Deployment, SnippetInput>>;

function isEndpoint(value: unknown): value is SnippetEndpoint {
  return (
    isJsonObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    oneOf(ENDPOINT_KINDS, value.kind) &&
    isStringList(value.hosts)
  );
}

function isPort(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    Number.isInteger(value.from) &&
    Number.isInteger(value.to) &&
    (value.from as number) >= 1 &&
    (value.from as number) <= (value.to as number) &&
    (value.to as number) <= 65535
  );
}

function isRule(value: unknown): value is SnippetRule {
  return (
    isJsonObject(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.ports) &&
    value.ports.every(isPort) &&
    Array.isArray(value.protocols) &&
    value.protocols.every((protocol) => oneOf(PROTOCOLS, protocol)) &&
    oneOf(DIRECTIONS, value.direction) &&
    isEndpoint(value.source) &&
    Array.isArray(value.destinations) &&
    value.destinations.every(isEndpoint) &&
    (value.notes === undefined ||
      (Array.isArray(value.notes) && value.notes.every((note) => oneOf(FIREWALL_NOTES, note)))) &&
    (value.checks === undefined || (Array.isArray(value.checks) && value.checks.every(isCheck))) &&
    (value.untestable === undefined || oneOf(UNTESTABLE_REASONS, value.untestable))
  );
}

function isCheck(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    Number.isInteger(value.port) &&
    (value.port as number) >= 1 &&
    (value.port as number) <= 65535 &&
    oneOf(PROBE_KINDS, value.kind)
  );
}

function isSnippetInput(value: unknown, deployment: Deployment): value is SnippetInput {
  return (
    isJsonObject(value) &&
    isJsonObject(value.deployment) &&
    value.deployment.id === deployment &&
    typeof value.deployment.name === 'string' &&
    Array.isArray(value.rules) &&
    value.rules.every(isRule) &&
    Array.isArray(value.endpoints) &&
    value.endpoints.every(isEndpoint) &&
    (value.lang === undefined || oneOf(LANGS, value.lang))
  );
}

/**
 * Reads the embedded data back, checking its shape, since generators trust
 * their input. Damaged or missing data yields undefined; the panel then keeps
 * its links to the published files instead of failing.
 */
export function parseSnippetData(json: string | null | undefined): SnippetData | undefined {
  const value = parseJson(json);
  if (!isJsonObject(value)) return undefined;
  const data: SnippetData = {};
  for (const deployment of DEPLOYMENTS) {
    const input = value[deployment];
    if (input === undefined) continue;
    if (!isSnippetInput(input, deployment)) return undefined;
    data[deployment] = input;
  }
  return Object.keys(data).length > 0 ? data : undefined;
}
