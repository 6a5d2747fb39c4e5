/**
 * What an admin does before loading a snippet: gives the values the page could
 * not know (the addresses behind names, the server's address while it is not
 * given), the way the snippet's header says, for platforms that write them as
 * variables (`unfilled` in src/lib/firewall/platforms.ts). The checks load the
 * filled snippet; a separate test shows each platform's tool refuses it unfilled.
 * The addresses are private ones (RFC 1918, RFC 4193), never documentation ones.
 */
import { platformInfo, type PlatformId } from '../../src/lib/firewall/platforms';

/**
 * Addresses per family: one for the server; for a name several where the file
 * takes them in one line (nft, iptables-restore), one in the scripts, whose loop
 * would otherwise run the platform's slow tool once more per rule and address.
 */
function valueOf(variable: string, several = true): string[] {
  const v6 = variable.endsWith('_V6');
  if (variable.startsWith('PASCOM_SERVER_')) return [v6 ? 'fd00:1::9' : '10.1.0.9'];
  const all = v6 ? ['fd00:9::1', 'fd00:9::2'] : ['10.9.0.1', '10.9.0.2'];
  return several ? all : all.slice(0, 1);
}

const unique = (names: Iterable<string>) => [...new Set(names)];

/** The snippet with every value it asks for given, as its header tells the admin to. */
export function fillSnippet(platform: PlatformId, text: string): string {
  const info = platformInfo(platform);
  const style = 'unfilled' in info ? info.unfilled : undefined;
  switch (style) {
    case undefined:
      return text;
    case 'nft': {
      // "define NAME = { a, b }" at the top of the file.
      const rules = text
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .join('\n');
      const names = unique([...rules.matchAll(/\$([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!));
      const defines = names.map((name) => `define ${name} = { ${valueOf(name).join(', ')} }`);
      return [...defines, text].join('\n');
    }
    case 'restore':
      // Each NAME.invalid. replaced by its addresses, separated by commas.
      return text.replace(/\b([A-Z][A-Z0-9_]*)\.invalid\./g, (_, name: string) => valueOf(name).join(','));
    case 'shell': {
      // NAME='a b' given before the script runs, as "NAME=... sh this-file" would.
      const names = unique([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*):?\?/g)].map((match) => match[1]!));
      const [shebang = '', ...rest] = text.split('\n');
      return [shebang, ...names.map((name) => `${name}='${valueOf(name, false).join(' ')}'`), ...rest].join(
        '\n',
      );
    }
  }
}
