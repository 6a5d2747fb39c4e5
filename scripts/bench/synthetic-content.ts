import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const DEVICE_SETS = [
  ['desktop', 'phone', 'mobile'],
  ['phone'],
  ['desktop', 'mobile', 'web'],
  ['server'],
  ['web'],
  ['desktop', 'mobile'],
];
const SERVER_RULES = 3;

/**
 * Writes a content folder with `count` synthetic rules shaped like the real ones
 * (single ports, lists, ranges, TCP, UDP and both, every device), using the real
 * devices and endpoints. The first rules are the Onsite server's; the rest are
 * shared by Cloud and the Onsite remote-access table, as in the real data.
 */
export function writeSyntheticContent(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (const file of ['devices.yaml', 'endpoints.yaml']) cpSync(join('content', file), join(dir, file));
  const rules = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const base = 1024 + ((index * 7) % 60000);
    const ports = index % 10 === 0 ? [`${base}-${base + 500}`] : index % 7 === 0 ? [base, base + 1] : [base];
    const protocols = index % 5 === 0 ? ['udp', 'tcp'] : index % 2 === 0 ? ['udp'] : ['tcp'];
    const server = index < SERVER_RULES;
    return {
      id: `rule-${String(n).padStart(5, '0')}`,
      title: `Synthetic rule ${n}`,
      purpose: `Connection number ${n} of the synthetic data set, used to measure how the site scales.`,
      ifBlocked: `Feature ${n} stops working.`,
      ports,
      protocols,
      devices: server ? ['server'] : DEVICE_SETS[index % DEVICE_SETS.length],
      source: 'your-network',
      destinations: server ? ['mypascom'] : [index % 4 === 0 ? 'mypascom' : 'pascom-cloud'],
      direction: 'outbound',
    };
  });
  const ids = rules.map((rule) => rule.id);
  const deployments = [
    {
      id: 'cloud',
      name: 'Cloud',
      summary: 'Synthetic cloud tab.',
      groups: [
        { id: 'cloud-devices', heading: 'From your network to pascom.cloud', rules: ids.slice(SERVER_RULES) },
      ],
    },
    {
      id: 'onsite',
      name: 'Onsite',
      summary: 'Synthetic onsite tab.',
      groups: [
        {
          id: 'onsite-server',
          heading: 'What your pascom server must reach',
          rules: ids.slice(0, SERVER_RULES),
        },
        {
          id: 'onsite-remote-access',
          heading: 'Devices reaching your pascom server over the internet',
          sameRulesAs: 'cloud-devices',
          retarget: [
            { from: 'pascom-cloud', source: 'internet', destination: 'your-network', direction: 'inbound' },
          ],
        },
      ],
    },
  ];
  const changelog = [
    {
      id: '2026.01.01.1',
      date: '2026-01-01',
      title: 'Synthetic data set',
      changes: [{ type: 'added', rules: ids, summary: `All ${count} synthetic rules.` }],
    },
  ];
  writeGermanTexts(dir, rules.length);
  writeFileSync(join(dir, 'rules.yaml'), stringify(rules, { aliasDuplicateObjects: false }));
  writeFileSync(join(dir, 'changelog.yaml'), stringify(changelog, { aliasDuplicateObjects: false }));
  writeFileSync(join(dir, 'deployments.yaml'), stringify(deployments, { aliasDuplicateObjects: false }));
}

/**
 * Writes the German texts of the synthetic content (`de/`), which every build
 * checks: the real German devices and endpoints, and a German title, purpose and
 * ifBlocked per synthetic rule, so the benchmark measures the build with the check.
 */
function writeGermanTexts(dir: string, count: number): void {
  const german = join(dir, 'de');
  mkdirSync(german, { recursive: true });
  for (const file of ['devices.yaml', 'endpoints.yaml'])
    cpSync(join('content', 'de', file), join(german, file));
  const rules = Array.from({ length: count }, (_, index) => ({
    id: `rule-${String(index + 1).padStart(5, '0')}`,
    title: `Synthetische Regel ${index + 1}`,
    purpose: `Verbindung Nummer ${index + 1} der synthetischen Daten, mit denen gemessen wird, wie die Seite wächst.`,
    ifBlocked: `Funktion ${index + 1} fällt aus.`,
  }));
  const deployments = [
    {
      id: 'cloud',
      name: 'Cloud',
      sameAsEnglish: ['name'],
      summary: 'Synthetischer Cloud-Tab.',
      groups: [{ id: 'cloud-devices', heading: 'Von Ihrem Netzwerk zur pascom.cloud' }],
    },
    {
      id: 'onsite',
      name: 'Onsite',
      sameAsEnglish: ['name'],
      summary: 'Synthetischer Onsite-Tab.',
      groups: [
        { id: 'onsite-server', heading: 'Was Ihr pascom Server erreichen muss' },
        {
          id: 'onsite-remote-access',
          heading: 'Geräte, die Ihren pascom Server über das Internet erreichen',
        },
      ],
    },
  ];
  const changelog = [
    {
      id: '2026.01.01.1',
      title: 'Synthetische Daten',
      changes: [{ summary: `Alle ${count} synthetischen Regeln.` }],
    },
  ];
  writeFileSync(join(german, 'rules.yaml'), stringify(rules, { aliasDuplicateObjects: false }));
  writeFileSync(join(german, 'deployments.yaml'), stringify(deployments, { aliasDuplicateObjects: false }));
  writeFileSync(join(german, 'changelog.yaml'), stringify(changelog, { aliasDuplicateObjects: false }));
}
