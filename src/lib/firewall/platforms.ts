/**
 * The firewall platforms the site writes rules for. This list feeds the types,
 * the platform picker, the published file names and the generator loader, so a
 * platform added here appears everywhere at once.
 *
 * - `ext`: file extension of the published snippet (before ".txt" it is served as).
 * - `docs`: the vendor documentation the generator's syntax follows.
 * - `inside` / `outside`: default names of the interface or zone towards your
 *   network and towards the internet, where the platform needs them; empty
 *   where the rules name no interface, so the form does not ask.
 * - `fqdn`: whether the platform allows by hostname and follows DNS changes
 *   itself; elsewhere the rules use named sets of placeholder addresses.
 * - `comment`: how the snippet writes a comment line (`#`, `!`, or an XML comment).
 * - `asciiComments`: whether comments and notes must be plain ASCII, so German is
 *   written with ae, oe, ue and ss. True where the snippet is pasted into a
 *   device CLI or terminal session whose character set is not sure to be UTF-8
 *   (Cisco, Junos, PAN-OS, FortiOS, SonicOS, EdgeOS, VyOS), where the platform
 *   stores text in a single-byte code page (RouterOS), or where the file is read
 *   as the system's ANSI code page unless it has a byte-order mark (Windows
 *   PowerShell 5.1, about_Character_Encoding). False where the file is read as
 *   UTF-8 (nft, iptables-restore, pf.conf, POSIX shell scripts, XML).
 * - `unfilled`: how the snippet writes a value the rules need that was not given
 *   (the addresses behind a name where the platform cannot allow by name, the
 *   onsite server's address), so the platform stops at load time and names it
 *   instead of loading rules that allow nothing useful: `nft` an undefined
 *   variable (`$PASCOM_SERVER_V4`, "unknown identifier"), `shell` a shell
 *   variable the script requires (`${PASCOM_SERVER_V4:?…}`), `restore` a host
 *   under the reserved top-level domain `.invalid` (RFC 6761), which
 *   iptables-restore cannot resolve ("host/network … not found"). Platforms
 *   without the field still write documentation addresses (RFC 5737, RFC 3849).
 * - `interfaceName`: what the platform accepts as an interface or zone name; a
 *   name it would reject is left out of the rules, and the snippet says so (the
 *   snippet texts describe the pattern in words).
 */
export const PLATFORMS = [
  {
    id: 'nftables',
    fqdn: false,
    unfilled: 'nft',
    comment: '#',
    asciiComments: false,
    label: 'nftables',
    ext: 'nft',
    docs: 'https://wiki.nftables.org/wiki-nftables/index.php/Quick_reference-nftables_in_10_minutes',
    inside: '',
    outside: '',
  },
  {
    id: 'iptables',
    fqdn: false,
    unfilled: 'restore',
    comment: '#',
    asciiComments: false,
    label: 'iptables (IPv4, iptables-restore)',
    ext: 'rules',
    docs: 'https://ipset.netfilter.org/iptables.man.html',
    inside: '',
    outside: '',
  },
  {
    id: 'ip6tables',
    fqdn: false,
    unfilled: 'restore',
    comment: '#',
    asciiComments: false,
    label: 'ip6tables (IPv6, ip6tables-restore)',
    ext: 'rules',
    docs: 'https://ipset.netfilter.org/ip6tables.man.html',
    inside: '',
    outside: '',
  },
  {
    id: 'ufw',
    fqdn: false,
    unfilled: 'shell',
    comment: '#',
    asciiComments: false,
    label: 'ufw (Ubuntu, Debian)',
    ext: 'sh',
    docs: 'https://manpages.ubuntu.com/manpages/noble/man8/ufw.8.html',
    inside: '',
    outside: '',
  },
  {
    id: 'firewalld',
    fqdn: false,
    unfilled: 'shell',
    comment: '#',
    asciiComments: false,
    label: 'firewalld',
    ext: 'sh',
    docs: 'https://firewalld.org/documentation/man-pages/firewalld.richlanguage.html',
    inside: 'internal',
    outside: 'external',
    interfaceName: { pattern: /^[A-Za-z0-9_-]{1,17}$/ },
  },
  {
    id: 'pf',
    fqdn: false,
    comment: '#',
    asciiComments: false,
    label: 'pf (OpenBSD, FreeBSD)',
    ext: 'conf',
    docs: 'https://man.openbsd.org/pf.conf',
    inside: '',
    outside: '',
  },
  {
    id: 'pfsense',
    fqdn: true,
    comment: 'xml',
    asciiComments: false,
    label: 'pfSense',
    ext: 'xml',
    docs: 'https://docs.netgate.com/pfsense/en/latest/backup/restore.html',
    inside: 'lan',
    outside: 'wan',
    interfaceName: { pattern: /^(?:wan|lan|opt[0-9]{1,3}|[A-Za-z_](?:[A-Za-z0-9_]{0,13}[A-Za-z_])?)$/ },
  },
  {
    id: 'opnsense',
    fqdn: true,
    comment: '#',
    asciiComments: false,
    label: 'OPNsense',
    ext: 'sh',
    docs: 'https://docs.opnsense.org/development/api/core/firewall.html',
    inside: 'lan',
    outside: 'wan',
    interfaceName: { pattern: /^(?:wan|lan|opt[0-9]{1,3}|[A-Za-z_](?:[A-Za-z0-9_]{0,13}[A-Za-z_])?)$/ },
  },
  {
    id: 'routeros',
    fqdn: true,
    comment: '#',
    asciiComments: true,
    label: 'MikroTik RouterOS v7',
    ext: 'rsc',
    docs: 'https://help.mikrotik.com/docs/spaces/ROS/pages/48660574/Filter',
    inside: 'bridge',
    outside: 'ether1',
    interfaceName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,31}$/ },
  },
  {
    id: 'fortigate',
    fqdn: true,
    comment: '#',
    asciiComments: true,
    label: 'Fortinet FortiGate (FortiOS)',
    ext: 'conf',
    docs: 'https://docs.fortinet.com/document/fortigate/7.4.0/cli-reference',
    inside: 'internal',
    outside: 'wan1',
    interfaceName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/ },
  },
  {
    id: 'cisco-asa',
    fqdn: true,
    comment: '!',
    asciiComments: true,
    label: 'Cisco ASA',
    ext: 'txt',
    docs: 'https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/A-H/asa-command-ref-A-H.html',
    inside: 'inside',
    outside: 'outside',
    interfaceName: { pattern: /^[A-Za-z][A-Za-z0-9_.-]{0,47}$/ },
  },
  {
    id: 'cisco-ios',
    fqdn: false,
    comment: '!',
    asciiComments: true,
    label: 'Cisco IOS / IOS-XE (ACL)',
    ext: 'txt',
    docs: 'https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/sec_data_acl/configuration/xe-16/sec-data-acl-xe-16-book.html',
    inside: 'GigabitEthernet0/1',
    outside: 'GigabitEthernet0/0',
    interfaceName: { pattern: /^[A-Za-z][A-Za-z-]*[0-9][0-9/.:]*$/ },
  },
  {
    id: 'juniper-srx',
    fqdn: true,
    comment: '#',
    asciiComments: true,
    label: 'Juniper SRX (Junos set)',
    ext: 'set',
    docs: 'https://www.juniper.net/documentation/us/en/software/junos/security-policies/topics/topic-map/security-policy-configuration.html',
    inside: 'trust',
    outside: 'untrust',
    interfaceName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/ },
  },
  {
    id: 'panos',
    fqdn: true,
    comment: '#',
    asciiComments: true,
    label: 'Palo Alto PAN-OS (set)',
    ext: 'set',
    docs: 'https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-cli-quick-start',
    inside: 'trust',
    outside: 'untrust',
    interfaceName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/ },
  },
  {
    id: 'sonicwall',
    fqdn: true,
    comment: '#',
    asciiComments: true,
    label: 'SonicWall SonicOS 7',
    ext: 'txt',
    docs: 'https://www.sonicwall.com/support/technical-documentation/docs/sonicos-7-cli_reference_guide',
    inside: 'LAN',
    outside: 'WAN',
    interfaceName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/ },
  },
  {
    id: 'sophos',
    fqdn: true,
    comment: 'xml',
    asciiComments: false,
    label: 'Sophos Firewall (XML API)',
    ext: 'xml',
    docs: 'https://docs.sophos.com/nsg/sophos-firewall/21.0/API/index.html',
    inside: 'LAN',
    outside: 'WAN',
    interfaceName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/ },
  },
  {
    id: 'edgeos',
    fqdn: false,
    comment: '#',
    asciiComments: true,
    label: 'Ubiquiti EdgeOS',
    ext: 'txt',
    docs: 'https://help.ui.com/hc/en-us/articles/204976244-EdgeRouter-Firewall-Rules',
    inside: 'eth1',
    outside: 'eth0',
    interfaceName: { pattern: /^[a-z]+[0-9]+(?:\.[0-9]+)?$/ },
  },
  {
    id: 'vyos',
    fqdn: true,
    comment: '#',
    asciiComments: true,
    label: 'VyOS 1.4 and later',
    ext: 'txt',
    docs: 'https://docs.vyos.io/en/sagitta/configuration/firewall/index.html',
    inside: 'eth1',
    outside: 'eth0',
    interfaceName: { pattern: /^[a-z]+[0-9]+(?:\.[0-9]+)?$/ },
  },
  {
    id: 'windows',
    fqdn: false,
    comment: '#',
    asciiComments: true,
    label: 'Windows Defender Firewall (PowerShell)',
    ext: 'ps1',
    docs: 'https://learn.microsoft.com/en-us/powershell/module/netsecurity/new-netfirewallrule',
    inside: '',
    outside: '',
  },
] as const;

export type PlatformInfo = (typeof PLATFORMS)[number];
export type PlatformId = PlatformInfo['id'];

/** Ids in picker order. */
export const PLATFORM_IDS: readonly PlatformId[] = PLATFORMS.map((platform) => platform.id);

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}

export function platformInfo(id: PlatformId): PlatformInfo {
  return PLATFORMS.find((platform) => platform.id === id)!;
}

/** File name of a published or downloaded snippet, e.g. "pascom-cloud-nftables.nft". */
export function snippetFileName(deployment: string, id: PlatformId): string {
  return `pascom-${deployment}-${id}.${platformInfo(id).ext}`;
}
