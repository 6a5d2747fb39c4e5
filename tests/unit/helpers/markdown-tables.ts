import { DIRECTION_LABELS, PROTOCOL_LABELS } from '../../../src/schemas/registries';
import { formatPortList } from '../../../src/lib/ports';
import { type PortData } from '../../../src/lib/model';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * The port tables of both tabs as plain Markdown, the way a hand-written docs
 * page would hold them. The page-weight budget compares the port overview with a
 * plain Starlight page made of this text.
 */
function portTablesMarkdown(data: PortData): string {
  const lines: string[] = [];
  for (const deployment of data.deployments) {
    lines.push(`## ${deployment.name}`, '', deployment.summary, '');
    for (const group of deployment.groups) {
      lines.push(`### ${group.heading}`, '');
      if (group.intro) lines.push(group.intro, '');
      lines.push(
        '| Port | Protocol | Function | Devices | Source | Target |',
        '| --- | --- | --- | --- | --- | --- |',
      );
      for (const placement of group.placements) {
        const { rule } = placement;
        const fn = `**${rule.title}** (${DIRECTION_LABELS[placement.direction]}). ${rule.purpose} If blocked: ${rule.ifBlocked}`;
        lines.push(
          `| ${[
            formatPortList(rule.ports),
            rule.protocols.map((protocol) => PROTOCOL_LABELS[protocol]).join(' + '),
            fn,
            rule.devices.map((device) => device.name).join(', '),
            placement.source.name,
            placement.destinations.map((endpoint) => endpoint.name).join(', '),
          ]
            .map(cell)
            .join(' | ')} |`,
        );
      }
      lines.push('');
    }
  }
  lines.push(
    '## Legend',
    '',
    ...data.devices.map((device) => `- **${device.name}**: ${device.description}`),
    '',
  );
  for (const endpoint of data.footnotes) lines.push(`\\* ${endpoint.name}: ${endpoint.footnote}`, '');
  return lines.join('\n');
}

/**
 * The overview page as a plain Markdown page: the frontmatter and prose of its
 * MDX source, with the `<PortOverview />` component replaced by the tables in
 * Markdown and the component imports left out. Same title, description and
 * text, so the page-weight budget compares like with like.
 */
export function plainOverviewMarkdown(mdxSource: string, data: PortData): string {
  const component = /^<PortOverview\s*\/>\s*$/m;
  if (!component.test(mdxSource)) throw new Error('The overview page no longer renders <PortOverview />');
  return mdxSource
    .replace(/^import\s.*$\n?/gm, '')
    .replace(component, () => portTablesMarkdown(data))
    .replace(/\n{3,}/g, '\n\n');
}
