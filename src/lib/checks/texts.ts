/**
 * Every sentence a check script says, per language. The plan and the spellers
 * spell syntax only and take their prose from here, so a language is one object
 * of type {@link CheckTexts}: TypeScript refuses one that misses a sentence.
 * Commands, host names, ports and URLs inside the sentences stay as they are in
 * every language. A sentence with `{host}` names the machine the check connects
 * to, which the script only knows when it runs.
 */
import type { Deployment, Direction, Lang, UntestableReason } from '../../schemas/registries';
import { GERMAN_CHECK_TEXTS } from './texts-de';
import type { CheckVariant } from './variants';

/** Why a port of a rule is not tested: the rule's `untestable`, a STUN check, or no check at all. */
export type UntestedReason = UntestableReason | 'stun' | 'none';

/** How many checks a script runs and how many ports it leaves untested, for its first line. */
interface CheckCounts {
  checks: number;
  rules: number;
  untested: number;
}

/** Everything a check script says in one language. */
export interface CheckTexts {
  /** The variant's name in the header. */
  variantLabel(variant: CheckVariant): string;
  /** The first line: which tab, for which machine, how many checks. */
  title(deployment: string, variant: string, counts: CheckCounts): string;
  /** Where the script comes from. */
  generated: string;
  /** What the script does and that it changes nothing. */
  whatItDoes: string;
  /** That the TLS and HTTPS checks test the connection, and which of them check the certificate. */
  tlsNote: string;
  /** Where to run the checks of one direction, and against what. */
  runWhere(deployment: Deployment, direction: Direction): string;
  /** "Run it with:" before the commands. */
  howToRun: string;
  /** What the address argument is in each direction. */
  addressMeaning(direction: Direction, deployment: Deployment): string;
  /** What the exit codes mean. */
  exitCodes: string;
  /** How long a connection waits, and the variable that changes it; `{seconds}` is the default. */
  timeoutNote: string;
  /** Why the script's German has no umlauts, on variants that write ASCII only. */
  asciiNote: string;
  /** Printed when the address is missing: what to give. `{command}` is the command to run. */
  needsAddress(direction: Direction, deployment: Deployment): string;
  /** Printed when the first argument is neither a mode nor usable. */
  usage: string;
  /**
   * Printed with exit code 2 when ADDRESS is not a host name, an IPv4 or an IPv6 address (an
   * option, a path, a stray character). `{given}` is what was typed, `{command}` what to type.
   */
  badAddress: string;
  /** Printed when a URL or host:port was reduced to its host; `{host}` and `{given}`. */
  addressTaken: string;
  /** Printed when proxy variables are set: they are not used. `{names}` lists them. */
  proxyIgnored: string;
  /** Printed before the checks of a mode run. */
  testing(direction: Direction, deployment: Deployment): string;
  /** Result words, one per check line. */
  reachable: string;
  blocked: string;
  couldNotTest: string;
  /** A host name resolves, to `{addresses}` / does not. */
  resolves: string;
  doesNotResolve: string;
  /** Why a name could not be looked up: no system resolver tool. */
  noLookupTool: string;
  /** Why a check did not run: its name could not be looked up. */
  notLookedUp: string;
  /** What one address of a check did: refused at once (or no route to it), no TLS handshake, no answer in `{seconds}` s. */
  refused: string;
  noHandshake: string;
  noAnswer: string;
  /** A connection that got through to a certificate this machine does not trust (TLS inspection). */
  untrusted: string;
  /** What to do about an untrusted certificate; `{host}` is the host it tried. */
  untrustedAdvice: string;
  /** What to do when a name does not resolve. */
  dnsAdvice: string;
  /** Why a check could not run: a tool is missing. */
  missingTool(tool: string): string;
  /** Why a check did not run: its host name does not resolve. */
  unresolved: string;
  /** What to do when an outbound check failed; `{host}` is the host it tried. */
  openOutbound(portProtocol: string, url: string): string;
  /** What to do when an inbound check failed; `{host}` is the address it tried. */
  openInbound(portProtocol: string, url: string): string;
  /** The heading of the list of ports the script cannot test. */
  untestedHeading: string;
  /** Why a port is not tested. */
  untested: Record<UntestedReason, string>;
  /** The checks of the other direction, which this run left out, and how to run them. */
  otherMode(count: number, direction: Direction, deployment: Deployment): string;
  /** Nothing to test in this mode. */
  nothingToTest: string;
  /** The last line. */
  summary: string;
  /** Comments beside the code, where the code needs a reason. */
  codeNotes: {
    /** Why the script limits commands itself. */
    limited: string;
    /** Why ShellCheck's unreachable-code finding is switched off for tcp_open. */
    indirect: string;
    /** Why only a name goes into the TLS handshake. */
    sni: string;
    /** Why the TLS check accepts any certificate. */
    anyCertificate: string;
    /** Why an HTTP error status counts as reachable. */
    httpError: string;
    /** Why a bare instance name gets .pascom.cloud. */
    bareInstance: string;
    /** Why names are looked up with getent or dscacheutil and not with host or nslookup. */
    lookup: string;
    /** The same for Windows, whose .NET resolver is the system's. */
    lookupWindows: string;
    /** Why proxy settings are dropped. */
    noProxy: string;
    /** Why each address of a name is tried on its own. */
    everyAddress: string;
    /** Why redirects are not followed. */
    noRedirect: string;
    /** Why TLS 1.2 is switched on (Windows PowerShell 5.1). */
    tls12: string;
  };
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const ENGLISH_CHECK_TEXTS: CheckTexts = {
  variantLabel: (variant) => variant.label,
  title: (deployment, variant, { checks, rules, untested }) =>
    `pascom connectivity check for ${variant}: ${deployment} (${counted(checks, 'check')} of ${counted(rules, 'rule')}${untested > 0 ? `, ${untested} not testable by a script` : ''}).`,
  generated:
    'Generated from the pascom firewall port reference; each line names the permanent id of its rule.',
  whatItDoes:
    'It resolves each host name and opens a connection to each port: a TCP connection, a TLS handshake or an HTTP(S) request, as the rule needs. It changes nothing on this machine or your firewall.',
  tlsNote:
    'A TLS check shows that a handshake gets through, not that the certificate is valid; an HTTPS check also needs a valid certificate.',
  runWhere: (deployment, direction) =>
    direction === 'outbound'
      ? deployment === 'onsite'
        ? 'Outbound checks: run them on your pascom server, which opens these connections.'
        : 'Outbound checks: run them on a computer in your network, where your phones and clients are.'
      : 'Inbound checks: run them on a machine outside your network (a laptop on a mobile hotspot, say), against the address your pascom server has on the internet.',
  howToRun: 'Run it with:',
  addressMeaning: (direction, deployment) =>
    direction === 'inbound'
      ? 'ADDRESS is the public address or host name of your pascom server.'
      : deployment === 'cloud'
        ? 'ADDRESS is your pascom.cloud instance, e.g. acme.pascom.cloud.'
        : 'ADDRESS is not needed.',
  exitCodes:
    'Exit code 0: every check passed; 1: a check failed, a certificate is not trusted or a name does not resolve; 2: an argument is missing or wrong; 3: a check could not run (a tool is missing).',
  timeoutNote:
    'Each address gets {seconds} s to answer; set PASCOM_CHECK_TIMEOUT to a number of seconds to change it. Proxy settings are not used: the checks test direct connections through your firewall.',
  asciiNote:
    'Windows PowerShell 5.1 reads a script file without a byte-order mark in the ANSI code page, so this file is plain ASCII.',
  needsAddress: (direction, deployment) =>
    direction === 'inbound'
      ? 'Give the address of your pascom server as seen from the internet: {command}'
      : deployment === 'cloud'
        ? 'Give your pascom.cloud instance: {command}'
        : 'Give the address to test: {command}',
  usage: 'Usage: {command}',
  badAddress:
    '"{given}" is not a host name or an IP address. Type the name or address alone, without https:// or a port: {command}',
  addressTaken: 'Testing {host}, taken from {given}.',
  proxyIgnored:
    'Not using the proxy set in{names}: these checks test direct connections through your firewall.',
  testing: (direction, deployment) =>
    direction === 'outbound'
      ? deployment === 'onsite'
        ? 'Testing the outbound connections of your pascom server from this machine.'
        : 'Testing the outbound connections from this machine.'
      : 'Testing the inbound connections to {host} from this machine; it must be outside your network.',
  reachable: 'reachable',
  blocked: 'blocked',
  couldNotTest: 'could not test',
  resolves: 'resolves to {addresses}',
  doesNotResolve: 'does not resolve',
  noLookupTool: 'neither getent nor dscacheutil is there to ask the system resolver',
  notLookedUp: 'the name could not be looked up',
  refused: 'refused or no route',
  noHandshake: 'no TLS handshake',
  noAnswer: 'no answer within {seconds} s',
  untrusted: 'reachable, certificate not trusted',
  untrustedAdvice:
    'this machine does not trust the certificate it got from {host}: if a firewall or proxy inspects TLS, exempt {host} from it',
  dnsAdvice: 'check the DNS settings of this machine and that the name is spelt right',
  missingTool: (tool) => `${tool} is not installed`,
  unresolved: 'the name does not resolve',
  openOutbound: (portProtocol, url) => `open ${portProtocol} outbound to {host}; see ${url}`,
  openInbound: (portProtocol, url) =>
    `allow ${portProtocol} inbound to your pascom server at {host} (behind NAT, forward it from your public address); see ${url}`,
  untestedHeading: 'Not tested by this script:',
  untested: {
    'media-range':
      'these UDP ports carry media only during a call and nothing answers a probe on them; make a test call instead',
    'udp-service': 'a UDP service whose answers only its own client can tell apart from silence',
    stun: 'STUN over UDP, which these scripts do not speak',
    none: 'no test is described for this rule',
  },
  otherMode: (count, direction, deployment) =>
    direction === 'inbound'
      ? `${counted(count, 'inbound check')} left out: run the script with "inbound ADDRESS" on a machine outside your network.`
      : `${counted(count, 'outbound check')} left out: run the script with "outbound" ${deployment === 'onsite' ? 'on your pascom server' : 'in your network'}.`,
  nothingToTest: 'Nothing to test in this mode.',
  summary:
    'Summary: {reachable} reachable, {untrusted} certificate not trusted, {blocked} blocked, {untested} could not test; names not resolving: {unresolved}.',
  codeNotes: {
    limited:
      'Runs a command for at most $1 seconds: macOS has no timeout(1), so the command runs in the background.',
    indirect: 'Called through limited, which ShellCheck does not follow.',
    sni: 'A name goes into the handshake (SNI), an address does not.',
    anyCertificate: 'Any certificate is accepted: the check is whether a handshake gets through.',
    httpError: 'An answer with an HTTP error status still got through.',
    bareInstance: 'A bare instance name means the instance under pascom.cloud, as on the site.',
    lookup:
      'Names are looked up through the system resolver, as the connection will be (/etc/hosts, VPN and split DNS included): getent on Linux, dscacheutil on macOS.',
    lookupWindows:
      'Names are looked up through the system resolver, as the connection will be (hosts file, VPN and split DNS included).',
    noProxy: 'A proxy would decide the verdict instead of the firewall, so none is used.',
    everyAddress:
      'Every address of the name is tried on its own, so a family that is blocked shows even when the other gets through.',
    noRedirect: 'A redirect is not followed: the check is whether this port answers.',
    tls12: 'Windows PowerShell 5.1 may not offer TLS 1.2 unless asked to.',
  },
};

/** The check script texts of every language. */
export const CHECK_TEXTS: Record<Lang, CheckTexts> = { en: ENGLISH_CHECK_TEXTS, de: GERMAN_CHECK_TEXTS };
