/**
 * The XML snippets (pfSense configuration backup, Sophos Firewall XML API
 * request), read by libxml2's xmllint for well-formedness (XML 1.0): matched
 * tags, quoting, entities, comments without "--", one root element.
 */
import { spawnSync } from 'node:child_process';
import { problemAt, snippetLines } from './grammar-helpers';
import { memoByText, missingPrograms, spawnFailure } from './run-tool';
import type { SnippetCheck } from './types';

function checkXml(text: string): string[] {
  // --nonet: never fetch a DTD or entity from the network.
  const result = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: text, encoding: 'utf8' });
  const failure = spawnFailure(result);
  if (failure) return [`xmllint: ${failure}`];
  const lines = snippetLines(text);
  // Each error starts "-:LINE: parser error : ..."; the two lines after it show the place and a caret.
  const messages = [...result.stderr.matchAll(/^-:(\d+): (.*)$/gm)].map((match) => {
    const line = lines[Number(match[1]) - 1];
    return line ? problemAt(line, `xmllint: ${match[2]!}`) : `xmllint: ${match[0]}`;
  });
  if (result.status !== 0 && messages.length === 0) {
    messages.push(`xmllint: exit status ${result.status}: ${result.stderr.trim()}`);
  }
  return messages;
}

export const check: SnippetCheck = {
  name: 'xmllint',
  platforms: ['pfsense', 'sophos'],
  kind: 'tool',
  source: 'xmllint --noout (libxml2 2.9, XML 1.0 well-formedness)',
  notChecked:
    'Well-formedness only: which elements and values pfSense or Sophos accept is for the platform grammar checks.',
  unavailable: () => missingPrograms(['xmllint']),
  check: memoByText(checkXml),
  planted: [
    {
      name: 'element left open',
      platform: 'pfsense',
      deployment: 'cloud',
      plant: (text) => text.replace('</pfsense>', ''),
    },
    {
      name: '"--" inside a comment',
      platform: 'sophos',
      deployment: 'onsite',
      plant: (text) => text.replace('<!--\n', '<!--\n  -- planted\n'),
    },
    {
      name: 'unescaped "&" in a description',
      platform: 'pfsense',
      deployment: 'onsite',
      plant: (text) => text.replace(/<descr>([^<]*)<\/descr>/, '<descr>$1 & more</descr>'),
    },
    {
      name: 'attribute value without quotes',
      platform: 'sophos',
      deployment: 'cloud',
      plant: (text) => text.replace('APIVersion="2000.1"', 'APIVersion=2000.1'),
    },
  ],
};
