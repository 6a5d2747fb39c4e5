/**
 * The firewall platforms the site writes rules for. This list feeds the types,
 * the platform picker, the published file names and the generator loader, so a
 * platform added here appears everywhere at once.
 *
 * - `ext`: file extension of the published snippet (before ".txt" it is served as).
 * - `docs`: the vendor documentation the generator's syntax follows.
 * - `inside` / `outside`: default names of the interface or zone towards your
 *   network and towards the internet, where the platform needs them.
 */
export const PLATFORMS = [
  {
    id: 'nftables',
    label: 'nftables',
    ext: 'nft',
    docs: 'https://wiki.nftables.org/wiki-nftables/index.php/Quick_reference-nftables_in_10_minutes',
    inside: '',
    outside: '',
  },
  {
    id: 'iptables',
    label: 'iptables (IPv4, iptables-restore)',
    ext: 'rules',
    docs: 'https://ipset.netfilter.org/iptables.man.html',
    inside: '',
    outside: '',
  },
  {
    id: 'ip6tables',
    label: 'ip6tables (IPv6, ip6tables-restore)',
    ext: 'rules',
    docs: 'https://ipset.netfilter.org/ip6tables.man.html',
    inside: '',
    outside: '',
  },
  {
    id: 'ufw',
    label: 'ufw (Ubuntu, Debian)',
    ext: 'sh',
    docs: 'https://manpages.ubuntu.com/manpages/noble/man8/ufw.8.html',
    inside: '',
    outside: '',
  },
  {
    id: 'firewalld',
    label: 'firewalld',
    ext: 'sh',
    docs: 'https://firewalld.org/documentation/man-pages/firewalld.richlanguage.html',
    inside: 'internal',
    outside: 'external',
  },
  {
    id: 'pf',
    label: 'pf (OpenBSD, FreeBSD)',
    ext: 'conf',
    docs: 'https://man.openbsd.org/pf.conf',
    inside: 'em1',
    outside: 'em0',
  },
  {
    id: 'pfsense',
    label: 'pfSense',
    ext: 'xml',
    docs: 'https://docs.netgate.com/pfsense/en/latest/backup/restore.html',
    inside: 'lan',
    outside: 'wan',
  },
  {
    id: 'opnsense',
    label: 'OPNsense',
    ext: 'sh',
    docs: 'https://docs.opnsense.org/development/api/core/firewall.html',
    inside: 'lan',
    outside: 'wan',
  },
  {
    id: 'routeros',
    label: 'MikroTik RouterOS v7',
    ext: 'rsc',
    docs: 'https://help.mikrotik.com/docs/spaces/ROS/pages/48660574/Filter',
    inside: 'bridge',
    outside: 'ether1',
  },
  {
    id: 'fortigate',
    label: 'Fortinet FortiGate (FortiOS)',
    ext: 'conf',
    docs: 'https://docs.fortinet.com/document/fortigate/7.4.0/cli-reference',
    inside: 'internal',
    outside: 'wan1',
  },
  {
    id: 'cisco-asa',
    label: 'Cisco ASA',
    ext: 'txt',
    docs: 'https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/A-H/asa-command-ref-A-H.html',
    inside: 'inside',
    outside: 'outside',
  },
  {
    id: 'cisco-ios',
    label: 'Cisco IOS / IOS-XE (ACL)',
    ext: 'txt',
    docs: 'https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/sec_data_acl/configuration/xe-16/sec-data-acl-xe-16-book.html',
    inside: 'GigabitEthernet0/1',
    outside: 'GigabitEthernet0/0',
  },
  {
    id: 'juniper-srx',
    label: 'Juniper SRX (Junos set)',
    ext: 'set',
    docs: 'https://www.juniper.net/documentation/us/en/software/junos/security-policies/topics/topic-map/security-policy-configuration.html',
    inside: 'trust',
    outside: 'untrust',
  },
  {
    id: 'panos',
    label: 'Palo Alto PAN-OS (set)',
    ext: 'set',
    docs: 'https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-cli-quick-start',
    inside: 'trust',
    outside: 'untrust',
  },
  {
    id: 'sonicwall',
    label: 'SonicWall SonicOS 7',
    ext: 'txt',
    docs: 'https://www.sonicwall.com/support/technical-documentation/docs/sonicos-7-cli_reference_guide',
    inside: 'LAN',
    outside: 'WAN',
  },
  {
    id: 'sophos',
    label: 'Sophos Firewall (XML API)',
    ext: 'xml',
    docs: 'https://docs.sophos.com/nsg/sophos-firewall/21.0/API/index.html',
    inside: 'LAN',
    outside: 'WAN',
  },
  {
    id: 'edgeos',
    label: 'Ubiquiti EdgeOS',
    ext: 'txt',
    docs: 'https://help.ui.com/hc/en-us/articles/204976244-EdgeRouter-Firewall-Rules',
    inside: 'eth1',
    outside: 'eth0',
  },
  {
    id: 'vyos',
    label: 'VyOS 1.4 and later',
    ext: 'txt',
    docs: 'https://docs.vyos.io/en/sagitta/configuration/firewall/index.html',
    inside: 'eth1',
    outside: 'eth0',
  },
  {
    id: 'windows',
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
