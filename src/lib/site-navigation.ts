import { readFileSync } from 'node:fs';
import { portRuleSchema } from '../schemas/port-rule';
import { contentFiles } from './content-dir';
import { parseYamlRecords } from './yaml-records';
import { rulePageUrl } from './link-scheme';
import { ruleSidebarLinks, type RuleSidebarLink } from './rule-pages';

/**
 * The rules as astro.config.mjs needs them, before content collections exist:
 * the sidebar lists every rule page, and the sitemap leaves out the redirect
 * pages of old ids. Reads content/rules.yaml with the same strict parser as
 * the build, so bad data fails here with the same message.
 */
export function readRuleNavigation(path: string = contentFiles.rules): {
  sidebar: RuleSidebarLink[];
  redirectPaths: string[];
} {
  const records = parseYamlRecords(readFileSync(path, 'utf8'), {
    file: path,
    entryLabel: 'rule',
    schema: portRuleSchema,
  });
  const rules = records.map((record) => record.data);
  return {
    sidebar: ruleSidebarLinks(rules),
    redirectPaths: rules.flatMap((rule) => rule.aliases.map(rulePageUrl)),
  };
}
