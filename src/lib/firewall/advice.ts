import type { PlatformId } from './platforms';
import { wrap } from './text';

/** Interface or zone names as a snippet uses them. */
export interface InterfaceNames {
  inside: string;
  outside: string;
}

/** Advice with the vendor page that documents it. */
interface DocumentedAdvice {
  text: string;
  docs: string;
}

/**
 * What an admin of a platform needs to know beyond the rules themselves, in
 * that platform's own terms. Every snippet's header is put together from this
 * (see `snippetHeader`), and rule pages show the SIP ALG and idle-timeout advice,
 * so each fact is written once.
 *
 * It lives apart from the platform registry because the platform picker loads
 * the registry with the page, and this prose is only needed with a snippet.
 */
/** Which directions the snippet's rules have, where advice names what only one of them writes. */
export interface RuleDirections {
  inbound: boolean;
  outbound: boolean;
}

/** iptables: which of this machine's own chains the rules reach besides FORWARD. */
function fromOrTo(directions: RuleDirections | undefined): string {
  const inbound = directions?.inbound ?? true;
  const outbound = directions?.outbound ?? true;
  if (inbound && outbound) return 'from or to it (OUTPUT, INPUT)';
  return inbound ? 'to it (INPUT)' : 'from it (OUTPUT)';
}

/**
 * The netfilter base chains a snippet jumps from: forward always, input for
 * inbound rules, output for outbound ones; all three when the directions are
 * not known (a rule page lists the advice for any snippet).
 */
export function netfilterChains(directions: RuleDirections | undefined, and: string, upper: boolean): string {
  const chains = [
    'forward',
    ...((directions?.inbound ?? true) ? ['input'] : []),
    ...((directions?.outbound ?? true) ? ['output'] : []),
  ].map((chain) => (upper ? chain.toUpperCase() : chain));
  return chains.length === 1 ? chains[0]! : `${chains.slice(0, -1).join(', ')} ${and} ${chains.at(-1)!}`;
}

export interface PlatformAdvice {
  /** How to load, paste or run the snippet, and how to check it first. */
  use(names: InterfaceNames, directions?: RuleDirections): string[];
  /** How the rules survive a reboot or are saved. */
  save: string;
  /** Where the rules land relative to the admin's own rules, and how to bind them. */
  placement(names: InterfaceNames, directions?: RuleDirections): string[];
  /** Behind NAT: which address an inbound rule names, and the forwarding it needs. */
  inboundNat: string;
  /** Source NAT for outbound rules, where the platform needs it said. */
  outboundNat?: string;
  /** How hostnames are handled: allowed by name, or why addresses stand in for them. */
  hostnames: string;
  /** How to turn off the platform's SIP ALG or helper. */
  sipAlg: DocumentedAdvice;
  /** Idle timeouts for long-lived TCP connections (SIP-TLS, XMPP, the VPN tunnel). */
  idleTimeout: DocumentedAdvice;
}

const NETFILTER_SIP: DocumentedAdvice = {
  text: 'Linux has a SIP helper (nf_conntrack_sip) that rewrites plain SIP; it cannot read SIP over TLS, but if it is loaded (lsmod | grep sip), unload it: modprobe -r nf_nat_sip nf_conntrack_sip.',
  docs: 'https://www.kernel.org/doc/html/latest/networking/nf_conntrack-sysctl.html',
};

const NETFILTER_IDLE: DocumentedAdvice = {
  text: 'Connection tracking keeps idle established TCP connections for 5 days (net.netfilter.nf_conntrack_tcp_timeout_established = 432000), far longer than the clients keep them idle; do not lower it below 1 hour.',
  docs: 'https://www.kernel.org/doc/html/latest/networking/nf_conntrack-sysctl.html',
};

const INBOUND_HOST =
  'inbound rules name the address the packets arrive with at this machine: the server address if it is this machine or sits behind it unchanged; with port forwarding (DNAT) in front, the translated (private) address.';

const NO_IDLE_LIMIT =
  'Long-lived TCP connections (SIP-TLS 5061, XMPP 5222, VPN 8885) idle between keepalives; keep the firewall idle timeout for TCP at 1 hour or more.';

export const PLATFORM_ADVICE: Record<PlatformId, PlatformAdvice> = {
  nftables: {
    use: () => [
      'Check with: nft -c -f this-file    Load with: nft -f this-file',
      'The rules go into the chain "pascom" of your table "inet filter": nftables checks every table, so an accept',
      'in a table of its own would not get past a drop in yours. If your base chains have other names or priorities,',
      'change the "add chain" lines below. Loading the file again refreshes "pascom" and the sets.',
    ],
    save: 'to keep the rules after a reboot, save this file as /etc/nftables.d/pascom.nft and add the line include "/etc/nftables.d/pascom.nft" at the end of /etc/nftables.conf (systemctl enable nftables).',
    placement: (_, directions) => [
      ...wrap(
        `Placement: "insert rule" puts the jump to "pascom" at the TOP of the ${netfilterChains(directions, 'and', false)} chains, before your own drop and blocklist rules: a blocklisted address still reaches these ports. To keep your blocklist first,`,
      ),
      'write "add rule" instead and move the jump below it (nft -a list chain inet filter forward; nft add rule ... position N).',
      'Replies pass through your usual "ct state established,related accept" rule. Loading the file twice adds the jumps',
      'twice; remove duplicates with nft delete rule ... handle N.',
    ],
    inboundNat: INBOUND_HOST,
    hostnames: 'nft resolves hostnames only once, when the file loads, so the sets hold addresses.',
    sipAlg: NETFILTER_SIP,
    idleTimeout: NETFILTER_IDLE,
  },
  iptables: {
    use: (_, directions) => [
      'Check with: iptables-restore --test --noflush < this-file    Load with: iptables-restore --noflush < this-file',
      '--noflush keeps every rule you have. The file (re)creates only the chain "pascom".',
      `The rules match traffic through this machine (FORWARD) and ${fromOrTo(directions)}.`,
    ],
    save: 'iptables rules are lost at reboot unless saved: on Debian and Ubuntu install iptables-persistent and run netfilter-persistent save (it writes /etc/iptables/rules.v4).',
    placement: (_, directions) => [
      ...wrap(
        `Placement: "-I" puts the jump to "pascom" at the TOP of ${netfilterChains(directions, 'and', true)}, before your own DROP and blocklist rules: a blocklisted address still reaches these ports. To keep your blocklist first, change "-I CHAIN"`,
      ),
      'to "-I CHAIN N" with N the line after it (iptables -L CHAIN --line-numbers). Loading the file twice adds the jumps',
      'twice; remove duplicates with iptables -D. Replies pass through your usual ESTABLISHED,RELATED rule.',
    ],
    inboundNat: INBOUND_HOST,
    hostnames: 'iptables resolves hostnames only once, when a rule is added, so these rules use addresses.',
    sipAlg: NETFILTER_SIP,
    idleTimeout: NETFILTER_IDLE,
  },
  ip6tables: {
    use: (_, directions) => [
      'Check with: ip6tables-restore --test --noflush < this-file    Load with: ip6tables-restore --noflush < this-file',
      '--noflush keeps every rule you have. The file (re)creates only the chain "pascom".',
      `The rules match traffic through this machine (FORWARD) and ${fromOrTo(directions)}.`,
    ],
    save: 'ip6tables rules are lost at reboot unless saved: on Debian and Ubuntu install iptables-persistent and run netfilter-persistent save (it writes /etc/iptables/rules.v6).',
    placement: (_, directions) => [
      ...wrap(
        `Placement: "-I" puts the jump to "pascom" at the TOP of ${netfilterChains(directions, 'and', true)}, before your own DROP and blocklist rules: a blocklisted address still reaches these ports. To keep your blocklist first, change "-I CHAIN"`,
      ),
      'to "-I CHAIN N" with N the line after it (ip6tables -L CHAIN --line-numbers). Loading the file twice adds the jumps',
      'twice; remove duplicates with ip6tables -D. Replies pass through your usual ESTABLISHED,RELATED rule.',
    ],
    inboundNat: INBOUND_HOST,
    hostnames: 'ip6tables resolves hostnames only once, when a rule is added, so these rules use addresses.',
    sipAlg: NETFILTER_SIP,
    idleTimeout: NETFILTER_IDLE,
  },
  ufw: {
    use: () => [
      'Run as root: sh this-file    Preview first: replace "ufw" with "ufw --dry-run".',
      'The rules are for the machine ufw runs on: "out" for connections it opens, "in" for connections to it.',
      'On a ufw router, write "ufw route allow" instead of "ufw allow out" / "ufw allow in".',
      'IPv6 rules run only when IPv6 is on (IPV6=yes in /etc/default/ufw); otherwise the script says it skips them.',
    ],
    save: 'ufw keeps its rules across reboots by itself; running the script again skips rules that exist.',
    placement: () => [
      'Placement: ufw appends these rules after your own; a deny rule you added earlier for the same traffic wins.',
      'Check the order with ufw status numbered and move a rule up with ufw insert N.',
    ],
    inboundNat: INBOUND_HOST,
    hostnames: 'ufw takes addresses, not hostnames.',
    sipAlg: {
      text: 'If IPT_MODULES in /etc/default/ufw lists nf_conntrack_sip or nf_nat_sip, remove them and run ufw reload; ufw then loads no SIP helper.',
      docs: 'https://manpages.ubuntu.com/manpages/noble/man8/ufw-framework.8.html',
    },
    idleTimeout: NETFILTER_IDLE,
  },
  firewalld: {
    use: (names) => [
      'Run as root: sh this-file. It needs firewalld 0.9 or later (policies).',
      `Outbound rules go into the policy "pascom-out" from zone "${names.inside}" to zone "${names.outside}"; inbound rules into`,
      `"pascom-in" from "${names.outside}" to "${names.inside}". Both zones must exist and hold your interfaces (firewall-cmd --get-active-zones;`,
      `"internal" and "external" are firewalld's own zones). Give your zone names in the form to use others.`,
      'For connections this machine itself opens, make a second policy with ingress zone HOST and egress zone ANY,',
      'one command each: firewall-cmd --permanent --new-policy=pascom-host-out;',
      'firewall-cmd --permanent --policy=pascom-host-out --add-ingress-zone=HOST;',
      'firewall-cmd --permanent --policy=pascom-host-out --add-egress-zone=ANY; then add the same rich rules with',
      '--policy=pascom-host-out. HOST cannot be added to "pascom-out" beside a regular zone.',
      'Rich rules have no comment field, so a shell comment above each names the rule.',
    ],
    save: 'every command uses --permanent, so the rules survive a reboot; the final firewall-cmd --reload applies them now.',
    placement: () => [
      'Placement: policies act on traffic between zones and are independent of zone rules; an ipset or zone you use as a',
      'blocklist in a policy with higher priority still applies first.',
    ],
    inboundNat:
      'with a forward port or DNAT in front, "pascom-in" sees the translated (private) server address. If the pascom server is this machine itself, make HOST the egress zone of "pascom-in" instead of your inside zone, one command each: firewall-cmd --permanent --policy=pascom-in --remove-egress-zone=internal (or the inside zone you gave); firewall-cmd --permanent --policy=pascom-in --add-egress-zone=HOST.',
    hostnames: 'firewalld rich rules take addresses, not hostnames, so they use ipsets.',
    sipAlg: {
      text: 'firewalld loads the SIP helper only for the "sip" service or a policy with helper "sip": do not add either for pascom.',
      docs: 'https://firewalld.org/documentation/man-pages/firewalld.helper.html',
    },
    idleTimeout: NETFILTER_IDLE,
  },
  pf: {
    use: () => [
      'Load into an anchor of its own, which leaves the rest of your ruleset untouched:',
      '  1. In /etc/pf.conf, before your block rules: anchor "pascom"',
      '  2. pfctl -a pascom -f this-file      (check first with pfctl -n -a pascom -f this-file)',
    ],
    save: 'pfctl -a loads the anchor until the next reboot; to load it at boot, save this file as /etc/pf.anchors/pascom and add load anchor "pascom" from "/etc/pf.anchors/pascom" after the anchor line in /etc/pf.conf.',
    placement: () => [
      'Placement: the rules use "quick", so they decide as soon as they match; put the anchor line below your own',
      'blocklist rules (they must use quick too) and above your general block rules. The rules name no interface.',
    ],
    inboundNat:
      'pf filters after rdr (port forwarding), so inbound rules name the server address behind the rdr-to rule; add rdr-to rules for these ports in your main ruleset.',
    hostnames: 'pf resolves a hostname only once, when the rules load, so the tables hold addresses.',
    sipAlg: {
      text: 'pf has no SIP ALG, so there is nothing to turn off.',
      docs: 'https://man.openbsd.org/pf.conf',
    },
    idleTimeout: {
      text: 'pf keeps idle established TCP states for 24 hours (set timeout tcp.established 86400); do not lower it below 1 hour, and avoid "set optimization aggressive".',
      docs: 'https://man.openbsd.org/pf.conf#set~2',
    },
  },
  pfsense: {
    use: (names) => [
      'CAUTION: RESTORING A BACKUP AREA REPLACES THAT WHOLE SECTION (all your aliases, or all your rules).',
      'Either merge the <alias> and <rule> elements into a backup of your own configuration and restore that',
      '(Diagnostics > Backup & Restore), or create the same aliases and rules by hand in the web interface.',
      `Interfaces: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ],
    save: 'a restored configuration is saved and applied at once; pfSense keeps it across reboots.',
    placement: () => [
      "Placement: pfSense checks an interface's rules top down and the first match wins; move these rules above any",
      'block rules on the same interface (Firewall > Rules, drag and save).',
    ],
    inboundNat:
      "inbound rules need a port forward (Firewall > NAT > Port Forward) to your pascom server; pfSense filters after NAT, so the rules name the server's private address.",
    hostnames: 'Host aliases may hold hostnames: pfSense resolves them and follows their changes.',
    sipAlg: {
      text: 'pfSense has no SIP ALG unless the siproxd package is installed: do not use it for pascom. For phones behind outbound NAT, keep the source port (Firewall > NAT > Outbound, Static Port) if calls lose audio.',
      docs: 'https://docs.netgate.com/pfsense/en/latest/recipes/sip-config.html',
    },
    idleTimeout: {
      text: 'pfSense keeps idle established TCP states for 24 hours by default; do not set Firewall Optimization to "aggressive" (System > Advanced > Firewall & NAT), which shortens it.',
      docs: 'https://docs.netgate.com/pfsense/en/latest/config/advanced-firewall-nat.html',
    },
  },
  opnsense: {
    use: (names) => [
      'Needs OPNsense 25.1 or later (the rules use TCP/UDP and inet46) and an API key (System > Access > Users). Run: OPN=https://your-firewall KEY=... SECRET=... sh this-file',
      'The script stops at the first call the API refuses (it answers "failed" or with validation errors), naming it.',
      'The rules appear under Firewall > Automation > Filter, evaluated before the interface rules.',
      `Interfaces: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ],
    save: 'filter/apply activates the rules and OPNsense keeps them in its configuration across reboots.',
    placement: () => [
      'Placement: automation rules are checked before the interface rules, so your own interface block rules do not stop',
      'them; to block an address for these ports too, add that block rule under Automation > Filter above these.',
    ],
    inboundNat:
      "inbound rules also need a port forward (Firewall > NAT > Destination NAT) to your pascom server; OPNsense filters after NAT, so the rules name the server's private address.",
    hostnames: 'Host aliases may hold hostnames: OPNsense resolves them and follows their changes.',
    sipAlg: {
      text: 'OPNsense has no SIP ALG, so there is nothing to turn off. For phones behind outbound NAT, keep the source port (Firewall > NAT > Outbound, static-port) if calls lose audio.',
      docs: 'https://docs.opnsense.org/manual/nat.html',
    },
    idleTimeout: {
      text: 'OPNsense keeps idle established TCP states for 24 hours by default; do not set Firewall Optimization to "aggressive" (Firewall > Settings > Advanced), which shortens it.',
      docs: 'https://docs.opnsense.org/manual/firewall_settings.html',
    },
  },
  routeros: {
    use: (names) => [
      'Paste into the terminal or run /import file-name=this-file. The rules are in the forward chain (traffic through',
      `the router). Inbound rules take "${names.outside}" as the WAN port (in-interface); change it to yours, or use`,
      'in-interface-list=WAN as the default configuration does.',
    ],
    save: 'RouterOS saves every change at once; the rules survive a reboot.',
    placement: () => [
      'Placement: "add" appends the rules at the end of the forward chain, after the default configuration\'s',
      '"defconf: drop invalid" and "defconf: drop all from WAN not DSTNATed" rules: move them above your drop rules',
      '(/ip firewall filter move, or add place-before=N). Replies pass through your usual',
      '"connection-state=established,related" accept rule.',
    ],
    inboundNat:
      "inbound rules also need a dstnat rule (action=dst-nat to-addresses=<server>) per port; the forward chain sees the translated address, so the rules name the server's private address.",
    hostnames: 'Address lists take hostnames: RouterOS resolves them and follows their changes.',
    sipAlg: {
      text: 'Turn the SIP helper off: /ip firewall service-port disable sip',
      docs: 'https://help.mikrotik.com/docs/spaces/ROS/pages/130220087/Services',
    },
    idleTimeout: {
      text: 'RouterOS keeps idle established TCP connections for 1 day (/ip firewall connection tracking, tcp-established-timeout=1d); do not lower it below 1 hour.',
      docs: 'https://help.mikrotik.com/docs/spaces/ROS/pages/130220087/Connection+tracking',
    },
  },
  fortigate: {
    use: (names) => [
      'Paste into the CLI. New policies are appended ("edit 0").',
      `Interfaces: "${names.inside}" is your network, "${names.outside}" the internet; change them to yours.`,
    ],
    save: 'FortiOS saves each command when the "end" of its block is entered; the policies survive a reboot.',
    placement: () => [
      'Placement: FortiOS checks policies top down and the first match wins; move these above any deny policy for the',
      'same interfaces (config firewall policy / move <id> before <id>).',
    ],
    outboundNat:
      'Outbound policies have "set nat enable" (source NAT to the outgoing interface address), as a FortiGate needs to reach the internet from a private network; remove it where your addresses are public or a central SNAT policy does it.',
    inboundNat:
      'inbound rules need a virtual IP (config firewall vip) that forwards the ports to your pascom server; use the VIP as destination (dstaddr) instead of pascom_server.',
    hostnames:
      'FQDN addresses for single names (mypascom.net, your instance) are resolved by the FortiGate itself and follow DNS changes. A wildcard FQDN address (used for pascom.cloud until you give your instance name) is never resolved by the FortiGate: it is filled only from DNS answers that pass through it, so your clients must look names up through it or through a DNS server behind it.',
    sipAlg: {
      text: 'Turn the SIP ALG off: config system settings / set default-voip-alg-mode kernel-helper-based / end, and remove the sip session helper (config system session-helper / delete <id of sip>).',
      docs: 'https://docs.fortinet.com/document/fortigate/7.4.0/administration-guide/229937/sip-session-helper',
    },
    idleTimeout: {
      text: 'FortiOS ends idle sessions after 3600 s (config system session-ttl / set default 3600); do not lower it below 1 hour, or set session-ttl 3600 on the pascom services.',
      docs: 'https://docs.fortinet.com/document/fortigate/7.4.0/cli-reference',
    },
  },
  'cisco-asa': {
    use: (names) => [
      'Paste in configuration mode. FQDN objects need DNS lookups on the ASA, e.g.: dns domain-lookup ' +
        names.outside +
        ' / dns name-server <your DNS server>.',
      `The entries are appended to the access lists ${names.inside}_access_in and ${names.outside}_access_in (the ASDM names).`,
    ],
    save: 'write memory saves the configuration so it survives a reboot.',
    placement: (names) => [
      'Placement: new entries go to the end of the access list, after your own deny entries; insert them above with',
      '"access-list NAME line N extended ...". Bind each list to its interface if it is not bound yet:',
      `access-group ${names.inside}_access_in in interface ${names.inside}, access-group ${names.outside}_access_in in interface ${names.outside}.`,
      'A newly bound list ends with an implicit deny, so add the rest of your policy first.',
    ],
    inboundNat:
      'inbound entries name the real (private) address of the server, as ASA 8.3 and later check access lists after NAT; forward the ports with a static NAT rule (object network ... nat (inside,outside) static ...).',
    hostnames: 'FQDN network objects are resolved by the ASA and refreshed when their DNS records expire.',
    sipAlg: {
      text: 'Turn SIP inspection off: policy-map global_policy / class inspection_default / no inspect sip',
      docs: 'https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/I-R/asa-command-ref-I-R/inspect-commands.html',
    },
    idleTimeout: {
      text: 'The ASA ends idle TCP connections after 1 hour (timeout conn 1:00:00); do not lower it.',
      docs: 'https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/S-Z/asa-command-ref-S-Z/t.html',
    },
  },
  'cisco-ios': {
    use: () => [
      'Paste in configuration mode. The entries are added to the named ACLs PASCOM-OUT / PASCOM-IN (and -V6).',
    ],
    save: 'copy running-config startup-config saves them so they survive a reload.',
    placement: (names) => [
      'Placement: an ACL ends with an implicit deny. Copy these entries into the ACL already bound to your interface,',
      'above its deny entries, or bind these lists only together with the rest of your policy:',
      `interface ${names.inside} / ip access-group PASCOM-OUT in / ipv6 traffic-filter PASCOM-OUT-V6 in, and`,
      `interface ${names.outside} / ip access-group PASCOM-IN in / ipv6 traffic-filter PASCOM-IN-V6 in.`,
      'Replies need "established" or reflexive entries, or the zone-based firewall, in the other direction.',
    ],
    inboundNat:
      "IOS checks an inbound ACL on the outside interface BEFORE NAT, so PASCOM-IN must name your public address (the one the ports are forwarded from with ip nat inside source static), not the server's private address.",
    hostnames: 'IOS access lists match addresses, not hostnames.',
    sipAlg: {
      text: 'Turn the SIP ALG off: no ip nat service sip udp port 5060 and no ip nat service sip tcp port 5060',
      docs: 'https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/ipaddr_nat/configuration/xe-16/nat-xe-16-book/iadnat-applvlgw.html',
    },
    idleTimeout: {
      text: 'IOS NAT keeps idle TCP translations for 24 hours (ip nat translation tcp-timeout 86400); do not lower it below 1 hour.',
      docs: 'https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/ipaddr_nat/configuration/xe-16/nat-xe-16-book.html',
    },
  },
  'juniper-srx': {
    use: (names) => [
      'Paste in configuration mode, check with "commit check".',
      `Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ],
    save: '"commit" activates the configuration and keeps it across reboots.',
    placement: () => [
      'Placement: new policies go to the end of their zone pair; if a deny policy sits there, move them up with',
      '"insert security policies from-zone A to-zone B policy NAME before policy OTHER".',
    ],
    inboundNat:
      'inbound policies name the real (private) address of the server, as the SRX checks policies after destination NAT; add a destination NAT rule that forwards the ports to it.',
    hostnames:
      'dns-name addresses are resolved by the SRX itself and refreshed when their DNS records expire.',
    sipAlg: {
      text: 'Turn the SIP ALG off: set security alg sip disable',
      docs: 'https://www.juniper.net/documentation/us/en/software/junos/alg/topics/topic-map/security-alg-sip.html',
    },
    idleTimeout: {
      text: 'Junos ends idle TCP sessions after 1800 s; for longer-idle clients set an inactivity-timeout on the pascom applications (set applications application NAME inactivity-timeout 3600).',
      docs: 'https://www.juniper.net/documentation/us/en/software/junos/security-policies/topics/ref/statement/applications-edit-application.html',
    },
  },
  panos: {
    use: (names) => [
      'Paste in configuration mode ("configure").',
      `Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ],
    save: '"commit" activates the rules and keeps them across reboots.',
    placement: () => [
      'Placement: new rules are added at the end of the rulebase; move them above your deny rules with',
      '"move rulebase security rules NAME top" for each pascom-N-... rule below, the last one first, so they keep their order.',
    ],
    inboundNat:
      'inbound rules also need a destination NAT policy. PAN-OS matches security rules on the pre-NAT (public) address and the post-NAT zone: replace pascom_server_v4/v6 in those rules with your public address.',
    hostnames: 'FQDN address objects are resolved by the firewall itself and refreshed regularly.',
    sipAlg: {
      text: 'Turn the SIP ALG off: Objects > Applications > sip > ALG: Disable (CLI: set shared alg-override application sip alg-disabled yes).',
      docs: 'https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-admin/app-id/disable-the-sip-application-level-gateway-alg',
    },
    idleTimeout: {
      text: 'PAN-OS ends idle TCP sessions after 3600 s (Device > Setup > Session, TCP timeout); do not lower it.',
      docs: 'https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-admin/networking/session-settings-and-timeouts',
    },
  },
  sonicwall: {
    use: (names) => [
      'Paste after "configure". Access rules are added to their zone pair and sorted by SonicOS.',
      'The access-rule commands exist only in Classic Mode; a firewall in Policy Mode has security policies instead:',
      'create the same rules there (Policy > Rules and Policies > Security Policy).',
      `Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ],
    save: '"commit" saves the changes; they survive a reboot.',
    placement: () => [
      'Placement: SonicOS orders access rules within a zone pair by priority; check that no deny rule of yours sits',
      'above these (Policy > Rules and Policies > Access Rules).',
    ],
    inboundNat:
      "an inbound access rule names the PUBLIC address (a WAN address object) the ports arrive on, not the server's private address; replace pascom_server_v4/v6 in those rules with it, and add a NAT policy that forwards the ports to your pascom server.",
    hostnames: 'FQDN address objects are resolved by the firewall itself and follow DNS changes.',
    sipAlg: {
      text: 'Turn SIP transformations off: Network > VoIP > Settings, clear "Enable SIP Transformations".',
      docs: 'https://www.sonicwall.com/support/knowledge-base/how-to-configure-voip-settings/170505779813838',
    },
    idleTimeout: {
      text: 'SonicOS ends idle TCP connections after 15 minutes by default; raise the TCP inactivity timeout of these access rules to 60 minutes or more.',
      docs: 'https://www.sonicwall.com/support/knowledge-base/how-to-change-the-tcp-connection-inactivity-timeout/170505513765669',
    },
  },
  sophos: {
    use: (names) => [
      'Send with: curl -k https://your-firewall:4444/webconsole/APIController -F "reqxml=<this-file"',
      'after allowing API access from your address (Backup & firmware > API) and filling in the login below.',
      `Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ],
    save: 'the API applies and saves the objects and rules at once; they survive a reboot.',
    placement: () => [
      'Placement: new rules go to the bottom of the rule list; move them above your own drop rules',
      '(Rules and policies > Firewall rules).',
    ],
    inboundNat:
      "inbound rules also need a NAT rule (DNAT) that forwards the ports to your pascom server; the firewall rules name the server's private address.",
    hostnames: 'FQDN hosts are resolved by the firewall itself and follow DNS changes.',
    sipAlg: {
      text: 'Turn the SIP helper off on the console (option 4): system system_modules sip unload',
      docs: 'https://docs.sophos.com/nsg/sophos-firewall/21.0/help/en-us/webhelp/onlinehelp/AdministratorHelp/CommandLineHelp/DeviceConsole/SystemCommands/index.html',
    },
    idleTimeout: {
      text: NO_IDLE_LIMIT,
      docs: 'https://docs.sophos.com/nsg/sophos-firewall/21.0/help/en-us/webhelp/onlinehelp/AdministratorHelp/CommandLineHelp/DeviceConsole/SetCommands/index.html',
    },
  },
  edgeos: {
    use: () => [
      'Syntax of Ubiquiti EdgeOS (EdgeRouter); VyOS uses another syntax.',
      'Paste line by line in configuration mode ("configure").',
    ],
    save: '"commit" applies the rules and "save" keeps them after a reboot.',
    placement: (names) => [
      'Placement: the rules go into the rulesets PASCOM_OUT / PASCOM_IN ("firewall name") and PASCOM_OUT-6 / PASCOM_IN-6',
      '("firewall ipv6-name"), which are bound to no interface. An interface takes one ruleset per direction and a',
      'ruleset drops what it does not accept, so copy the rules into the rulesets already bound, before their drop rules',
      '(and after the rule accepting established and related traffic), renumbering where a number is taken:',
      `outbound the ruleset of "set interfaces ethernet ${names.inside} firewall in name ..." (and ipv6-name), inbound the`,
      `ruleset of "set interfaces ethernet ${names.outside} firewall in name ...". Traffic to the router itself goes through`,
      'the ruleset bound with "firewall local name".',
    ],
    inboundNat:
      "inbound rules name the server's private address: EdgeOS filters after the port forward (destination NAT).",
    hostnames: 'EdgeOS firewall rules match addresses, not hostnames.',
    sipAlg: {
      text: 'Turn the SIP helper off: set system conntrack modules sip disable',
      docs: 'https://help.ui.com/hc/en-us/articles/204961754-EdgeRouter-Advanced-Configuration-Options',
    },
    idleTimeout: {
      text: 'EdgeOS keeps idle established TCP connections for 24 hours (system conntrack timeout tcp established); do not lower it below 1 hour.',
      docs: 'https://help.ui.com/hc/en-us/articles/204961754-EdgeRouter-Advanced-Configuration-Options',
    },
  },
  vyos: {
    use: () => [
      'Syntax of VyOS 1.4 (sagitta) and later (1.5 circinus, rolling); VyOS 1.3 and older use another syntax.',
      'Paste line by line in configuration mode ("configure").',
    ],
    save: '"commit" applies the rules and "save" keeps them after a reboot.',
    placement: (names) => [
      'Placement: the rules go into the rulesets PASCOM_OUT / PASCOM_IN under "firewall ipv4 name" and "firewall ipv6 name",',
      'bound to nothing yet. Add a jump to the forward filter, numbered before your own drop and blocklist rules and',
      'after your rule accepting established and related traffic (which the replies need), e.g. for IPv4:',
      '  set firewall ipv4 forward filter rule N action jump',
      '  set firewall ipv4 forward filter rule N jump-target PASCOM_OUT',
      `  set firewall ipv4 forward filter rule N inbound-interface name ${names.inside}`,
      `and PASCOM_IN with inbound-interface ${names.outside}, and the same under "firewall ipv6 forward filter". Use`,
      '"input filter" or "output filter" only for traffic to or from the router itself. Each ruleset ends in',
      '"default-action return": what it does not accept goes back to the rule after the jump.',
    ],
    inboundNat:
      "inbound rules name the server's private address: VyOS filters forwarded traffic after destination NAT.",
    hostnames:
      'Named hosts are domain groups: VyOS resolves the names (IPv4 and IPv6) and refreshes them every 300 seconds ("firewall global-options resolver-interval"), so the router needs a working DNS server ("system name-server").',
    sipAlg: {
      text: 'VyOS 1.4 loads no SIP helper unless configured; if "system conntrack modules sip" is set, remove it: delete system conntrack modules sip',
      docs: 'https://docs.vyos.io/en/sagitta/configuration/system/conntrack.html',
    },
    idleTimeout: {
      text: 'VyOS keeps idle established TCP connections for 5 days; do not lower it below 1 hour. The setting is "system conntrack timeout tcp established" on VyOS 1.4 and "firewall global-options timeout tcp established" on 1.5 and rolling releases.',
      docs: 'https://docs.vyos.io/en/sagitta/configuration/system/conntrack.html',
    },
  },
  windows: {
    use: () => [
      'Run in an elevated PowerShell. The rules apply to this Windows machine: outbound rules matter only if',
      'your outbound default is Block; inbound rules let other devices reach a service on this machine.',
      'Remove them all with: Remove-NetFirewallRule -Group pascom',
    ],
    save: 'Windows keeps firewall rules across reboots.',
    placement: () => [
      'Placement: in Windows Defender Firewall a block rule wins over any allow rule for the same traffic, whatever the',
      'order; check for block rules with Get-NetFirewallRule -Action Block.',
    ],
    inboundNat: INBOUND_HOST,
    hostnames: 'Windows Defender Firewall cannot match hostnames, so the variables below hold addresses.',
    sipAlg: {
      text: 'Windows Defender Firewall has no SIP ALG, so there is nothing to turn off.',
      docs: 'https://learn.microsoft.com/en-us/windows/security/operating-system-security/network-security/windows-firewall/',
    },
    idleTimeout: {
      text: 'Windows Defender Firewall keeps idle connections as long as the applications do; nothing to change.',
      docs: 'https://learn.microsoft.com/en-us/windows/security/operating-system-security/network-security/windows-firewall/',
    },
  },
};
