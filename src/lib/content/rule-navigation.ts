import { readFileSync } from 'node:fs';
import { portRuleSchema } from '../../schemas/port-rule';
import { contentFiles } from './files';
import { parseYamlRecords } from './yaml-records';
import { rulePageUrl } from '../url/link-scheme';

/**
 * The rules as astro.config.mjs needs them, before content collections exist:
 * the sitemap leaves out the redirect pages of old ids. Reads content/rules.yaml with the same strict parser as
 * the build, so bad data fails here with the same message.
 */
export function readRuleNavigation(path: string = contentFiles.rules): { redirectPaths: string[] } {
  const records = parseYamlRecords(readFileSync(path, 'utf8'), {
    file: path,
    entryLabel: 'rule',
    schema: portRuleSchema,
  });
  const rules = records.map((record) => record.data);
  return { redirectPaths: rules.flatMap((rule) => rule.aliases.map(rulePageUrl)) };
}
