import type { SnippetInput } from './plan';
import type { SnippetSettings } from './settings';
import type { PlatformId } from './platforms';

/** A platform's generator: pure, the same input always gives the same text. */
export type RenderSnippet = (input: SnippetInput, settings: SnippetSettings) => string;

/**
 * Loads one platform's generator. Each is its own module, so a page loads only
 * the generator of the platform the reader picks.
 */
export async function loadGenerator(id: PlatformId): Promise<RenderSnippet> {
  switch (id) {
    case 'nftables':
      return (await import('./nftables')).render;
    case 'iptables':
      return (await import('./iptables')).renderIpv4;
    case 'ip6tables':
      return (await import('./iptables')).renderIpv6;
    case 'ufw':
      return (await import('./ufw')).render;
    case 'firewalld':
      return (await import('./firewalld')).render;
    case 'pf':
      return (await import('./pf')).render;
    case 'pfsense':
      return (await import('./pfsense')).render;
    case 'opnsense':
      return (await import('./opnsense')).render;
    case 'routeros':
      return (await import('./routeros')).render;
    case 'fortigate':
      return (await import('./fortigate')).render;
    case 'cisco-asa':
      return (await import('./cisco-asa')).render;
    case 'cisco-ios':
      return (await import('./cisco-ios')).render;
    case 'juniper-srx':
      return (await import('./juniper-srx')).render;
    case 'panos':
      return (await import('./panos')).render;
    case 'sonicwall':
      return (await import('./sonicwall')).render;
    case 'sophos':
      return (await import('./sophos')).render;
    case 'edgeos':
      return (await import('./edgeos')).render;
    case 'vyos':
      return (await import('./vyos')).render;
    case 'windows':
      return (await import('./windows')).render;
  }
}
