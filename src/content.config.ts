import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { contentFiles, germanFiles } from './lib/content/files';
import { strictYamlLoader } from './lib/content/strict-yaml-loader';
import { deviceSchema } from './schemas/device';
import { endpointSchema } from './schemas/endpoint';
import { portRuleSchema } from './schemas/port-rule';
import { deploymentSchema } from './schemas/deployment';
import { changelogEntrySchema } from './schemas/changelog';
import { troubleshootingEntrySchema, troubleshootingTranslationSchema } from './schemas/troubleshooting';
import {
  changelogTranslationSchema,
  deploymentTranslationSchema,
  deviceTranslationSchema,
  endpointTranslationSchema,
  ruleTranslationSchema,
} from './schemas/translation';

export const collections = {
  // Starlight's own pages (src/content/docs): the frame, prose pages and search.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight's interface strings (src/content/i18n), for translations.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  // Read by the legend, the tables and the device filter.
  devices: defineCollection({
    loader: strictYamlLoader({ path: contentFiles.devices, entryLabel: 'device', schema: deviceSchema }),
  }),
  // Read by the Source and Target columns and the firewall snippets.
  endpoints: defineCollection({
    loader: strictYamlLoader({
      path: contentFiles.endpoints,
      entryLabel: 'endpoint',
      schema: endpointSchema,
    }),
  }),
  // Every firewall clearance; read by the tables, rule pages, feeds and snippets.
  rules: defineCollection({
    loader: strictYamlLoader({ path: contentFiles.rules, entryLabel: 'rule', schema: portRuleSchema }),
  }),
  // The tabs (Cloud, Onsite) and which rules each of their tables shows.
  deployments: defineCollection({
    loader: strictYamlLoader({
      path: contentFiles.deployments,
      entryLabel: 'deployment',
      schema: deploymentSchema,
    }),
  }),
  // Published versions of the data; read by the changelog page, the Atom feed and every data feed's version.
  changelog: defineCollection({
    loader: strictYamlLoader({
      path: contentFiles.changelog,
      entryLabel: 'changelog entry',
      schema: changelogEntrySchema,
    }),
  }),
  // "Calls failing?" after each tab's tables: symptoms, the rules behind them, the fixes.
  troubleshooting: defineCollection({
    loader: strictYamlLoader({
      path: contentFiles.troubleshooting,
      entryLabel: 'symptom',
      schema: troubleshootingEntrySchema,
    }),
  }),
  // The German texts (content/de/), one file per collection above. Every build checks them against the
  // English content (load-port-data.ts, load-changelog.ts); German pages and feeds read them.
  deDevices: defineCollection({
    loader: strictYamlLoader({
      path: germanFiles.devices,
      entryLabel: 'device',
      schema: deviceTranslationSchema,
    }),
  }),
  deEndpoints: defineCollection({
    loader: strictYamlLoader({
      path: germanFiles.endpoints,
      entryLabel: 'endpoint',
      schema: endpointTranslationSchema,
    }),
  }),
  deRules: defineCollection({
    loader: strictYamlLoader({ path: germanFiles.rules, entryLabel: 'rule', schema: ruleTranslationSchema }),
  }),
  deDeployments: defineCollection({
    loader: strictYamlLoader({
      path: germanFiles.deployments,
      entryLabel: 'deployment',
      schema: deploymentTranslationSchema,
    }),
  }),
  deChangelog: defineCollection({
    loader: strictYamlLoader({
      path: germanFiles.changelog,
      entryLabel: 'changelog entry',
      schema: changelogTranslationSchema,
    }),
  }),
  deTroubleshooting: defineCollection({
    loader: strictYamlLoader({
      path: germanFiles.troubleshooting,
      entryLabel: 'symptom',
      schema: troubleshootingTranslationSchema,
    }),
  }),
};
