/**
 * Every sentence a snippet says, per language. Generators and the shared plan
 * spell syntax only and take their prose from here, so a language is one
 * object of type {@link SnippetTexts}: TypeScript refuses one that misses a
 * sentence. Commands, file names, keywords and URLs inside the sentences stay
 * as the vendor writes them in every language.
 */
import type { Direction, FirewallNote, Lang } from '../../schemas/registries';
import { PLATFORM_ADVICE, type PlatformAdvice } from './advice';
import { GERMAN_TEXTS } from './texts-de';
import type { PlatformId, PlatformInfo } from './platforms';

/** The languages a snippet can be written in; English is the default. */

/** Platforms whose interface or zone names are checked against the platform's own rules. */
type NamedInterfacePlatform = Extract<PlatformInfo, { interfaceName: unknown }>['id'];

/** How many rules a snippet holds, as {@link SnippetTexts.ruleCount} puts it into words. */
interface RuleCounts {
  /** Port rules of the tables. */
  portRules: number;
  /** Rules written, after splitting per destination and merging identical ones. */
  rules: number;
  /** True when a port rule is written once per destination. */
  split: boolean;
  /** True when identical port rules are written once. */
  merged: boolean;
}

/** One named address set the admin fills with the addresses its names resolve to. */
interface PlaceholderSetLine {
  name: string;
  hosts: string;
  /** True when the set holds a stand-in for the customer's own instance name. */
  placeholderHost: boolean;
  addresses: string;
}

/** Everything a snippet says in one language. */
export interface SnippetTexts {
  /** The direction as rule descriptions name it. */
  direction: Record<Direction, string>;
  /** The platform's name in the header (product names stay, words around them are translated). */
  platformLabel(platform: PlatformInfo): string;
  /** The rule count of the header, in the tables' terms. */
  ruleCount(counts: RuleCounts): string;
  /** The first line: which rules, for which platform and tab. */
  title(platformLabel: string, deployment: string, count: string): string;
  /** Where the rules come from. */
  generated: string;
  /** That the rules only allow traffic. */
  onlyAllow: string;
  /** Replace the stand-in instance name. */
  replaceInstance(placeholder: string): string;
  /** Outbound rules allow any source while no network is given. */
  outboundAnySource: string;
  /** Outbound rules of a family with no network are left out. */
  outboundFamilyLeftOut(family: 4 | 6): string;
  /** Replace the stand-in server addresses. */
  replaceServer(v4: string, v6: string): string;
  /** What the platform accepts as an interface or zone name. */
  interfaceHint: Record<NamedInterfacePlatform, string>;
  /** A name the admin gave that the platform would reject. */
  nameNote(note: {
    side: 'inside' | 'outside';
    given: string;
    platform: string;
    hint: string;
    used: string;
  }): string;
  /** How the rules are saved. */
  save(text: string): string;
  /** Source NAT for outbound rules. */
  outboundNat(text: string): string;
  /** Port forwarding for inbound rules, ending in the platform's own advice. */
  inboundNat(text: string): string;
  /** How many rules are left out of one address family. */
  skippedCount(count: number): string;
  /** The SIP ALG advice with its vendor page. */
  sipAlg(text: string, docs: string): string;
  /** The idle-timeout advice with its vendor page. */
  idleTimeout(text: string, docs: string): string;
  /** Replace the placeholder addresses of named sets. */
  replacePlaceholders: string;
  /** One named set with its names and placeholder addresses. */
  placeholderSet(line: PlaceholderSetLine): string;
  /** Addresses behind names change. */
  addressesChange: string;
  /** How to give the values the rules need, where the platform stops until they are given. */
  fillValues(style: 'nft' | 'shell' | 'restore'): string;
  /** The message a script stops with when a value is not set: "set NAME to what it holds". */
  fillRequired(variable: string, holds: string): string;
  /** What one such value holds. */
  fillValue(value: { family: 4 | 6; what: 'server' | 'instance' | 'hosts'; hosts: string }): string;
  /** A rule left out of one family, naming it. */
  skippedReason(comment: string, family: 4 | 6, direction: Direction): string;
  /** ufw: why the IPv6 rules are in a condition. */
  ufwIpv6Condition: string;
  /** ufw: what the script says when it skips the IPv6 rules. */
  ufwIpv6Skipped: string;
  /** FortiGate: the wildcard FQDN allows every instance. */
  fortigateWildcard: string;
  /** OPNsense script: an API call failed. `$1` is the call. */
  opnsenseCallFailed: string;
  /** OPNsense script: the API refused a call. `$1` is the call, `$response` the answer. */
  opnsenseRefused: string;
  /** OPNsense script: a variable to set, e.g. OPN. */
  opnsenseSetVariable(name: string, example?: string): string;
  /** Windows: the description of a rule. */
  windowsDescription(id: string, direction: Direction): string;
  /** VyOS: the description of a ruleset. */
  vyosRulesetDescription(direction: Direction, family: 4 | 6): string;
  /** Per-platform advice: loading, saving, placement, NAT, hostnames, SIP ALG, idle timeouts. */
  advice: Record<PlatformId, PlatformAdvice>;
  /** What a rule page says about each firewall note before the platforms' advice. */
  ruleNotes: Record<FirewallNote, { heading: string; intro: string }>;
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const ENGLISH_TEXTS: SnippetTexts = {
  direction: { outbound: 'outbound', inbound: 'inbound' },
  platformLabel: (platform) => platform.label,
  ruleCount: ({ portRules, rules, split, merged }) => {
    if (!split && !merged) return counted(portRules, 'rule');
    const how = [split ? 'one per destination' : '', merged ? 'identical ones once' : ''].filter(Boolean);
    return `${counted(portRules, 'port rule')}, written as ${counted(rules, 'rule')}, ${how.join(', ')}`;
  },
  title: (platform, deployment, count) => `pascom firewall rules for ${platform}: ${deployment} (${count}).`,
  generated: 'Generated from the pascom firewall port reference; each rule names its permanent rule id.',
  onlyAllow:
    'These rules only allow traffic. They change no default policy and remove nothing; review them before use.',
  replaceInstance: (placeholder) =>
    `Replace ${placeholder} with the name of your pascom.cloud instance, e.g. acme.pascom.cloud.`,
  outboundAnySource: 'Outbound rules allow any source address; give your network to restrict them.',
  outboundFamilyLeftOut: (family) =>
    `Outbound IPv${family} rules are left out where a platform separates the families: give a network of that family to include them.`,
  replaceServer: (v4, v6) => `Replace ${v4} / ${v6} with the address(es) of your pascom server.`,
  interfaceHint: {
    firewalld: 'a zone name of letters, digits, _ and -, at most 17 characters',
    pfsense:
      'wan, lan, optN or an interface group name (letters, digits and _, at most 15, not ending in a digit)',
    opnsense:
      'wan, lan, optN or an interface group name (letters, digits and _, at most 15, not ending in a digit)',
    routeros: 'an interface name',
    fortigate: 'an interface or zone name of at most 15 characters',
    'cisco-asa': 'an interface name (nameif) of at most 48 characters',
    'cisco-ios': 'an interface such as GigabitEthernet0/1 or Vlan10',
    'juniper-srx': 'a security zone name of at most 63 characters',
    panos: 'a zone name of at most 31 characters',
    sonicwall: 'a zone name of letters, digits, _ and -, at most 32 characters',
    sophos: 'a zone name of letters, digits, _ and -',
    edgeos: 'an interface such as eth1 or eth1.10',
    vyos: 'an interface such as eth1 or eth1.10',
  },
  nameNote: ({ side, given, platform, hint, used }) =>
    `The ${side} name "${given}" is not one ${platform} accepts (${hint}); the rules use "${used}" instead.`,
  save: (text) => `Save: ${text}`,
  outboundNat: (text) => `NAT: ${text}`,
  inboundNat: (text) =>
    `NAT: inbound rules let devices on the internet reach your pascom server; if it sits behind NAT, forward these ports from your public address to it. Behind NAT, ${text}`,
  skippedCount: (count) =>
    `${count} rule${count === 1 ? ' is' : 's are'} left out of one address family; a comment says so where each would be.`,
  sipAlg: (text, docs) => `SIP ALG: ${text} (${docs})`,
  idleTimeout: (text, docs) => `Idle timeouts: ${text} (${docs})`,
  replacePlaceholders:
    'Replace the placeholder addresses (192.0.2.x, 2001:db8::x) with what these names resolve to now:',
  placeholderSet: ({ name, hosts, placeholderHost, addresses }) =>
    `  ${name}: ${hosts}${placeholderHost ? ' (put in the name of your own instance)' : ''} -> ${addresses}`,
  addressesChange:
    'The addresses behind these names can change: check them regularly, or use a firewall that allows by name.',
  fillValues: (style) =>
    ({
      nft: 'Values this page cannot know are variables: nft refuses the file ("unknown identifier") until each is defined. Define them at the top of this file, e.g. define PASCOM_SERVER_V4 = 10.1.0.5, several addresses as { a, b }:',
      shell:
        'Values this page cannot know are shell variables: the script stops before it changes anything and names each one not set. Give them when you run it, several addresses separated by spaces, the addresses of a name empty for a family you do not use, e.g. PASCOM_SERVER_V4=10.1.0.5 sh this-file:',
      restore:
        'Values this page cannot know stand as names under .invalid, which never resolve: iptables-restore refuses the file ("host/network ... not found") until each is replaced by its addresses, several separated by commas:',
    })[style],
  fillRequired: (variable, holds) => `set ${variable} to ${holds}`,
  fillValue: ({ family, what, hosts }) =>
    what === 'server'
      ? `the IPv${family} address of your pascom server`
      : what === 'instance'
        ? `the IPv${family} addresses of your pascom.cloud instance (e.g. acme.pascom.cloud)`
        : `the IPv${family} addresses of ${hosts}`,
  skippedReason: (comment, family, direction) =>
    `Skipped ${comment} for IPv${family}: no IPv${family} address is set ${direction === 'inbound' ? 'for the pascom server' : 'for your network'}.`,
  ufwIpv6Condition:
    'IPv6 rules run only when ufw has IPv6 on; with IPV6=no they would fail and stop the script.',
  ufwIpv6Skipped: 'IPv6 is off in /etc/default/ufw (IPV6=no): the IPv6 rules were skipped.',
  fortigateWildcard:
    'Without your instance name, a wildcard FQDN address allows every pascom.cloud instance; set your instance to narrow it.',
  opnsenseCallFailed: 'pascom: the call $1 failed',
  opnsenseRefused: 'pascom: the firewall refused $1: $response',
  opnsenseSetVariable: (name, example) =>
    `set ${name}${example === undefined ? '' : ` to your firewall, e.g. ${example}`}`,
  windowsDescription: (id, direction) => `pascom rule ${id}, ${direction}`,
  vyosRulesetDescription: (direction, family) => `pascom ${direction} rules, IPv${family}`,
  advice: PLATFORM_ADVICE,
  ruleNotes: {
    'sip-alg': {
      heading: 'SIP ALG',
      intro:
        'Many firewalls rewrite SIP messages on the way through (a SIP ALG or helper), including the address and ports the call audio (RTP) is sent to. pascom does not need it, and it can break registration and calls or leave them silent one way: turn it off.',
    },
    'idle-timeout': {
      heading: 'Idle timeouts',
      intro:
        'This connection stays open for hours and may be idle for minutes between keepalives. A firewall that drops idle connections sooner disconnects the device until it reconnects.',
    },
  },
};

/** The snippet texts of every language. */
export const SNIPPET_TEXTS: Record<Lang, SnippetTexts> = { en: ENGLISH_TEXTS, de: GERMAN_TEXTS };
