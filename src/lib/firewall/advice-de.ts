/**
 * The platform advice of `advice.ts` in German, fact for fact. Commands, menu
 * paths as the German-speaking admin still finds them in the English web
 * interfaces, option names and vendor pages stay as they are.
 */
import { netfilterChains, PLATFORM_ADVICE, type PlatformAdvice, type RuleDirections } from './advice';
import type { PlatformId } from './platforms';
import { wrap } from './text';

/** The German text with the same vendor page as the English advice. */
function documented(id: PlatformId, advice: 'sipAlg' | 'idleTimeout', text: string) {
  return { text, docs: PLATFORM_ADVICE[id][advice].docs };
}

const NETFILTER_SIP =
  'Linux hat einen SIP-Helper (nf_conntrack_sip), der unverschlüsseltes SIP umschreibt; SIP über TLS kann er nicht lesen, doch ist er geladen (lsmod | grep sip), entladen Sie ihn: modprobe -r nf_nat_sip nf_conntrack_sip.';

const NETFILTER_IDLE =
  'Das Connection Tracking behält inaktive aufgebaute TCP-Verbindungen 5 Tage (net.netfilter.nf_conntrack_tcp_timeout_established = 432000), weit länger, als die Clients sie ungenutzt lassen; senken Sie den Wert nicht unter 1 Stunde.';

const INBOUND_HOST =
  'nennen eingehende Regeln die Adresse, mit der die Pakete an diesem Rechner ankommen: die Serveradresse, wenn der Server dieser Rechner ist oder unverändert dahinter steht; mit Portweiterleitung (DNAT) davor die übersetzte (private) Adresse.';

const NO_IDLE_LIMIT =
  'Langlebige TCP-Verbindungen (SIP-TLS 5061, XMPP 5222, VPN 8885) sind zwischen den Keepalives inaktiv; lassen Sie das Idle-Timeout der Firewall für TCP bei 1 Stunde oder mehr.';

/** iptables: welche Chains dieses Rechners selbst die Regeln außer FORWARD erreichen. */
function fromOrTo(directions: RuleDirections | undefined): string {
  const inbound = directions?.inbound ?? true;
  const outbound = directions?.outbound ?? true;
  if (inbound && outbound) return 'von oder zu ihm (OUTPUT, INPUT)';
  return inbound ? 'zu ihm (INPUT)' : 'von ihm (OUTPUT)';
}

const netfilterRestore = (tool: 'iptables' | 'ip6tables', rulesFile: string): PlatformAdvice => ({
  use: (_, directions) => [
    `Prüfen mit: ${tool}-restore --test --noflush < this-file    Laden mit: ${tool}-restore --noflush < this-file`,
    '--noflush behält alle Ihre Regeln. Die Datei legt nur die Chain "pascom" (neu) an.',
    `Die Regeln gelten für Verkehr durch diesen Rechner (FORWARD) und ${fromOrTo(directions)}.`,
  ],
  save: `${tool}-Regeln gehen beim Neustart verloren, wenn Sie sie nicht speichern: unter Debian und Ubuntu installieren Sie iptables-persistent und führen netfilter-persistent save aus (es schreibt ${rulesFile}).`,
  placement: (_, directions) =>
    wrap(
      `Platzierung: "-I" setzt den Sprung nach "pascom" an den ANFANG von ${netfilterChains(directions, 'und', true)}, vor Ihre eigenen DROP- und Sperrlisten-Regeln: eine gesperrte Adresse erreicht diese Ports trotzdem. Soll Ihre Sperrliste zuerst greifen, ändern Sie "-I CHAIN" in "-I CHAIN N", mit N der Zeile danach (${tool} -L CHAIN --line-numbers). Wird die Datei zweimal geladen, stehen die Sprünge doppelt da; entfernen Sie Duplikate mit ${tool} -D. Antworten passieren Ihre übliche ESTABLISHED,RELATED-Regel.`,
    ),
  inboundNat: INBOUND_HOST,
  hostnames: `${tool} löst Hostnamen nur einmal auf, wenn eine Regel hinzugefügt wird; deshalb verwenden diese Regeln Adressen.`,
  sipAlg: documented(tool, 'sipAlg', NETFILTER_SIP),
  idleTimeout: documented(tool, 'idleTimeout', NETFILTER_IDLE),
});

const zones = (names: { inside: string; outside: string }, kind = 'Zonen') =>
  `${kind}: "${names.inside}" ist Ihr Netzwerk, "${names.outside}" das Internet.`;

export const GERMAN_ADVICE: Record<PlatformId, PlatformAdvice> = {
  nftables: {
    use: () => [
      'Prüfen mit: nft -c -f this-file    Laden mit: nft -f this-file',
      ...wrap(
        'Die Regeln kommen in die Chain "pascom" Ihrer Tabelle "inet filter": nftables prüft jede Tabelle, deshalb käme ein accept in einer eigenen Tabelle nicht an einem drop in Ihrer vorbei. Haben Ihre Base Chains andere Namen oder Prioritäten, ändern Sie die "add chain"-Zeilen unten. Erneutes Laden der Datei erneuert "pascom" und die Sets.',
      ),
    ],
    save: 'damit die Regeln einen Neustart überstehen, speichern Sie diese Datei als /etc/nftables.d/pascom.nft und fügen die Zeile include "/etc/nftables.d/pascom.nft" am Ende von /etc/nftables.conf an (systemctl enable nftables).',
    placement: (_, directions) =>
      wrap(
        `Platzierung: "insert rule" setzt den Sprung nach "pascom" an den ANFANG der Chains ${netfilterChains(directions, 'und', false)}, vor Ihre eigenen drop- und Sperrlisten-Regeln: eine gesperrte Adresse erreicht diese Ports trotzdem. Soll Ihre Sperrliste zuerst greifen, schreiben Sie "add rule" und setzen den Sprung darunter (nft -a list chain inet filter forward; nft add rule ... position N). Antworten passieren Ihre übliche Regel "ct state established,related accept". Wird die Datei zweimal geladen, stehen die Sprünge doppelt da; entfernen Sie Duplikate mit nft delete rule ... handle N.`,
      ),
    inboundNat: INBOUND_HOST,
    hostnames:
      'nft löst Hostnamen nur einmal auf, beim Laden der Datei; deshalb enthalten die Sets Adressen.',
    sipAlg: documented('nftables', 'sipAlg', NETFILTER_SIP),
    idleTimeout: documented('nftables', 'idleTimeout', NETFILTER_IDLE),
  },
  iptables: netfilterRestore('iptables', '/etc/iptables/rules.v4'),
  ip6tables: netfilterRestore('ip6tables', '/etc/iptables/rules.v6'),
  ufw: {
    use: () =>
      wrap(
        'Als root ausführen: sh this-file    Vorher testen: ersetzen Sie "ufw" durch "ufw --dry-run". Die Regeln gelten für den Rechner, auf dem ufw läuft: "out" für Verbindungen, die er aufbaut, "in" für Verbindungen zu ihm. Auf einem ufw-Router schreiben Sie "ufw route allow" statt "ufw allow out" / "ufw allow in". IPv6-Regeln laufen nur, wenn IPv6 eingeschaltet ist (IPV6=yes in /etc/default/ufw); sonst meldet das Skript, dass es sie überspringt.',
      ),
    save: 'ufw behält seine Regeln selbst über Neustarts; ein erneuter Lauf des Skripts überspringt vorhandene Regeln.',
    placement: () =>
      wrap(
        'Platzierung: ufw hängt diese Regeln hinter Ihre eigenen; eine deny-Regel, die Sie früher für denselben Verkehr angelegt haben, gewinnt. Prüfen Sie die Reihenfolge mit ufw status numbered und schieben Sie eine Regel mit ufw insert N nach oben.',
      ),
    inboundNat: INBOUND_HOST,
    hostnames: 'ufw nimmt Adressen, keine Hostnamen.',
    sipAlg: documented(
      'ufw',
      'sipAlg',
      'Steht in IPT_MODULES in /etc/default/ufw nf_conntrack_sip oder nf_nat_sip, entfernen Sie die Einträge und führen ufw reload aus; dann lädt ufw keinen SIP-Helper.',
    ),
    idleTimeout: documented('ufw', 'idleTimeout', NETFILTER_IDLE),
  },
  firewalld: {
    use: (names) =>
      wrap(
        `Als root ausführen: sh this-file. Es braucht firewalld 0.9 oder neuer (Policies). Ausgehende Regeln kommen in die Policy "pascom-out" von Zone "${names.inside}" nach Zone "${names.outside}", eingehende in "pascom-in" von "${names.outside}" nach "${names.inside}". Beide Zonen müssen existieren und Ihre Interfaces enthalten (firewall-cmd --get-active-zones; "internal" und "external" sind Zonen von firewalld selbst). Tragen Sie Ihre Zonennamen im Formular ein, um andere zu verwenden. Für Verbindungen, die dieser Rechner selbst aufbaut, legen Sie eine zweite Policy mit Ingress-Zone HOST und Egress-Zone ANY an, ein Befehl je Schritt: firewall-cmd --permanent --new-policy=pascom-host-out; firewall-cmd --permanent --policy=pascom-host-out --add-ingress-zone=HOST; firewall-cmd --permanent --policy=pascom-host-out --add-egress-zone=ANY; dann fügen Sie dieselben Rich Rules mit --policy=pascom-host-out hinzu; HOST kann nicht neben einer normalen Zone in "pascom-out" stehen. Rich Rules haben kein Kommentarfeld, deshalb nennt ein Shell-Kommentar über jeder Regel ihren Namen.`,
      ),
    save: 'jeder Befehl verwendet --permanent, deshalb überstehen die Regeln einen Neustart; das abschließende firewall-cmd --reload aktiviert sie sofort.',
    placement: () =>
      wrap(
        'Platzierung: Policies wirken auf Verkehr zwischen Zonen und unabhängig von Zonenregeln; ein ipset oder eine Zone, die Sie als Sperrliste in einer Policy mit höherer Priorität verwenden, greift weiterhin zuerst.',
      ),
    inboundNat:
      'sieht "pascom-in" mit einem Forward Port oder DNAT davor die übersetzte (private) Serveradresse. Ist der pascom Server dieser Rechner selbst, machen Sie HOST statt Ihrer inneren Zone zur Egress-Zone von "pascom-in", ein Befehl je Schritt: firewall-cmd --permanent --policy=pascom-in --remove-egress-zone=internal (oder die innere Zone, die Sie angegeben haben); firewall-cmd --permanent --policy=pascom-in --add-egress-zone=HOST.',
    hostnames: 'Rich Rules von firewalld nehmen Adressen, keine Hostnamen; deshalb verwenden sie ipsets.',
    sipAlg: documented(
      'firewalld',
      'sipAlg',
      'firewalld lädt den SIP-Helper nur für den Dienst "sip" oder eine Policy mit Helper "sip": fügen Sie für pascom keines von beiden hinzu.',
    ),
    idleTimeout: documented('firewalld', 'idleTimeout', NETFILTER_IDLE),
  },
  pf: {
    use: () => [
      'Laden Sie die Regeln in einen eigenen Anchor; der Rest Ihres Regelwerks bleibt unberührt:',
      '  1. In /etc/pf.conf, vor Ihren block-Regeln: anchor "pascom"',
      '  2. pfctl -a pascom -f this-file      (vorher prüfen mit pfctl -n -a pascom -f this-file)',
    ],
    save: 'pfctl -a lädt den Anchor bis zum nächsten Neustart; damit er beim Booten geladen wird, speichern Sie diese Datei als /etc/pf.anchors/pascom und fügen load anchor "pascom" from "/etc/pf.anchors/pascom" nach der anchor-Zeile in /etc/pf.conf hinzu.',
    placement: () =>
      wrap(
        'Platzierung: die Regeln verwenden "quick", entscheiden also, sobald sie zutreffen; setzen Sie die anchor-Zeile unter Ihre eigenen Sperrlisten-Regeln (die ebenfalls quick verwenden müssen) und über Ihre allgemeinen block-Regeln. Die Regeln nennen kein Interface.',
      ),
    inboundNat:
      'filtert pf nach rdr (Portweiterleitung), deshalb nennen eingehende Regeln die Serveradresse hinter der rdr-to-Regel; legen Sie rdr-to-Regeln für diese Ports in Ihrem Hauptregelwerk an.',
    hostnames:
      'pf löst einen Hostnamen nur einmal auf, beim Laden der Regeln; deshalb enthalten die Tabellen Adressen.',
    sipAlg: documented('pf', 'sipAlg', 'pf hat kein SIP ALG; es gibt nichts auszuschalten.'),
    idleTimeout: documented(
      'pf',
      'idleTimeout',
      'pf behält inaktive aufgebaute TCP-States 24 Stunden (set timeout tcp.established 86400); senken Sie den Wert nicht unter 1 Stunde und vermeiden Sie "set optimization aggressive".',
    ),
  },
  pfsense: {
    use: (names) => [
      'ACHTUNG: DAS WIEDERHERSTELLEN EINES BACKUP-BEREICHS ERSETZT DEN GANZEN ABSCHNITT (alle Ihre Aliase oder alle Ihre Regeln).',
      ...wrap(
        'Fügen Sie entweder die Elemente <alias> und <rule> in ein Backup Ihrer eigenen Konfiguration ein und stellen Sie dieses wieder her (Diagnostics > Backup & Restore), oder legen Sie dieselben Aliase und Regeln von Hand in der Weboberfläche an.',
      ),
      zones(names, 'Interfaces'),
    ],
    save: 'eine wiederhergestellte Konfiguration wird sofort gespeichert und angewendet; pfSense behält sie über Neustarts.',
    placement: () =>
      wrap(
        'Platzierung: pfSense prüft die Regeln eines Interface von oben nach unten, und der erste Treffer gewinnt; schieben Sie diese Regeln über alle block-Regeln desselben Interface (Firewall > Rules, ziehen und speichern).',
      ),
    inboundNat:
      'brauchen eingehende Regeln eine Portweiterleitung (Firewall > NAT > Port Forward) zu Ihrem pascom Server; pfSense filtert nach NAT, deshalb nennen die Regeln die private Adresse des Servers.',
    hostnames: 'Host-Aliase dürfen Hostnamen enthalten: pfSense löst sie auf und folgt ihren Änderungen.',
    sipAlg: documented(
      'pfsense',
      'sipAlg',
      'pfSense hat kein SIP ALG, außer das Paket siproxd ist installiert: verwenden Sie es nicht für pascom. Für Telefone hinter ausgehendem NAT behalten Sie den Quellport bei (Firewall > NAT > Outbound, Static Port), wenn bei Gesprächen der Ton ausfällt.',
    ),
    idleTimeout: documented(
      'pfsense',
      'idleTimeout',
      'pfSense behält inaktive aufgebaute TCP-States standardmäßig 24 Stunden; stellen Sie Firewall Optimization nicht auf "aggressive" (System > Advanced > Firewall & NAT), das verkürzt sie.',
    ),
  },
  opnsense: {
    use: (names) => [
      ...wrap(
        'Braucht OPNsense 25.1 oder neuer (die Regeln verwenden TCP/UDP und inet46) und einen API-Schlüssel (System > Access > Users). Ausführen: OPN=https://your-firewall KEY=... SECRET=... sh this-file',
      ),
      ...wrap(
        'Das Skript hält beim ersten Aufruf an, den die API ablehnt (sie antwortet "failed" oder mit Validierungsfehlern), und nennt ihn. Die Regeln erscheinen unter Firewall > Automation > Filter und werden vor den Interface-Regeln ausgewertet.',
      ),
      zones(names, 'Interfaces'),
    ],
    save: 'filter/apply aktiviert die Regeln, und OPNsense behält sie in seiner Konfiguration über Neustarts.',
    placement: () =>
      wrap(
        'Platzierung: Automation-Regeln werden vor den Interface-Regeln geprüft, deshalb halten Ihre eigenen block-Regeln auf den Interfaces sie nicht auf; um eine Adresse auch für diese Ports zu sperren, legen Sie diese block-Regel unter Automation > Filter über diesen an.',
      ),
    inboundNat:
      'brauchen eingehende Regeln außerdem eine Portweiterleitung (Firewall > NAT > Destination NAT) zu Ihrem pascom Server; OPNsense filtert nach NAT, deshalb nennen die Regeln die private Adresse des Servers.',
    hostnames: 'Host-Aliase dürfen Hostnamen enthalten: OPNsense löst sie auf und folgt ihren Änderungen.',
    sipAlg: documented(
      'opnsense',
      'sipAlg',
      'OPNsense hat kein SIP ALG; es gibt nichts auszuschalten. Für Telefone hinter ausgehendem NAT behalten Sie den Quellport bei (Firewall > NAT > Outbound, static-port), wenn bei Gesprächen der Ton ausfällt.',
    ),
    idleTimeout: documented(
      'opnsense',
      'idleTimeout',
      'OPNsense behält inaktive aufgebaute TCP-States standardmäßig 24 Stunden; stellen Sie Firewall Optimization nicht auf "aggressive" (Firewall > Settings > Advanced), das verkürzt sie.',
    ),
  },
  routeros: {
    use: (names) =>
      wrap(
        `Fügen Sie den Text im Terminal ein oder führen Sie /import file-name=this-file aus. Die Regeln stehen in der Chain forward (Verkehr durch den Router). Eingehende Regeln nehmen "${names.outside}" als WAN-Port (in-interface); ändern Sie ihn auf Ihren, oder verwenden Sie in-interface-list=WAN wie die Standardkonfiguration.`,
      ),
    save: 'RouterOS speichert jede Änderung sofort; die Regeln überstehen einen Neustart.',
    placement: () =>
      wrap(
        'Platzierung: "add" hängt die Regeln ans Ende der Chain forward, hinter die Regeln "defconf: drop invalid" und "defconf: drop all from WAN not DSTNATed" der Standardkonfiguration: schieben Sie sie über Ihre drop-Regeln (/ip firewall filter move, oder add place-before=N). Antworten passieren Ihre übliche accept-Regel "connection-state=established,related".',
      ),
    inboundNat:
      'brauchen eingehende Regeln außerdem je Port eine dstnat-Regel (action=dst-nat to-addresses=<server>); die Chain forward sieht die übersetzte Adresse, deshalb nennen die Regeln die private Adresse des Servers.',
    hostnames: 'Address Lists nehmen Hostnamen: RouterOS löst sie auf und folgt ihren Änderungen.',
    sipAlg: documented(
      'routeros',
      'sipAlg',
      'Schalten Sie den SIP-Helper aus: /ip firewall service-port disable sip',
    ),
    idleTimeout: documented(
      'routeros',
      'idleTimeout',
      'RouterOS behält inaktive aufgebaute TCP-Verbindungen 1 Tag (/ip firewall connection tracking, tcp-established-timeout=1d); senken Sie den Wert nicht unter 1 Stunde.',
    ),
  },
  fortigate: {
    use: (names) => [
      'Fügen Sie den Text in der CLI ein. Neue Policies werden angehängt ("edit 0").',
      `Interfaces: "${names.inside}" ist Ihr Netzwerk, "${names.outside}" das Internet; ändern Sie sie auf Ihre.`,
    ],
    save: 'FortiOS speichert jeden Befehl, sobald das "end" seines Blocks eingegeben ist; die Policies überstehen einen Neustart.',
    placement: () =>
      wrap(
        'Platzierung: FortiOS prüft Policies von oben nach unten, und der erste Treffer gewinnt; schieben Sie diese über jede deny-Policy für dieselben Interfaces (config firewall policy / move <id> before <id>).',
      ),
    outboundNat:
      'Ausgehende Policies haben "set nat enable" (Source NAT auf die Adresse des ausgehenden Interface), weil eine FortiGate aus einem privaten Netzwerk sonst das Internet nicht erreicht; entfernen Sie es, wo Ihre Adressen öffentlich sind oder eine zentrale SNAT-Policy das übernimmt.',
    inboundNat:
      'brauchen eingehende Regeln eine virtuelle IP (config firewall vip), die die Ports an Ihren pascom Server weiterleitet; verwenden Sie die VIP als Ziel (dstaddr) statt pascom_server.',
    hostnames:
      'FQDN-Adressen für einzelne Namen (mypascom.net, Ihre Instanz) löst die FortiGate selbst auf und folgt DNS-Änderungen. Eine Wildcard-FQDN-Adresse (für pascom.cloud verwendet, bis Sie Ihren Instanznamen angeben) löst die FortiGate nie auf: sie wird nur aus DNS-Antworten gefüllt, die durch die FortiGate laufen; Ihre Clients müssen Namen also über sie oder über einen DNS-Server dahinter auflösen.',
    sipAlg: documented(
      'fortigate',
      'sipAlg',
      'Schalten Sie das SIP ALG aus: config system settings / set default-voip-alg-mode kernel-helper-based / end, und entfernen Sie den SIP-Session-Helper (config system session-helper / delete <id of sip>).',
    ),
    idleTimeout: documented(
      'fortigate',
      'idleTimeout',
      'FortiOS beendet inaktive Sessions nach 3600 s (config system session-ttl / set default 3600); senken Sie den Wert nicht unter 1 Stunde, oder setzen Sie session-ttl 3600 auf den pascom-Diensten.',
    ),
  },
  'cisco-asa': {
    use: (names) => [
      ...wrap(
        `Fügen Sie den Text im Konfigurationsmodus ein. FQDN-Objekte brauchen DNS-Abfragen auf der ASA, z. B.: dns domain-lookup ${names.outside} / dns name-server <your DNS server>.`,
      ),
      `Die Einträge werden an die Access Lists ${names.inside}_access_in und ${names.outside}_access_in angehängt (die Namen aus ASDM).`,
    ],
    save: 'write memory speichert die Konfiguration, damit sie einen Neustart übersteht.',
    placement: (names) => [
      ...wrap(
        'Platzierung: neue Einträge kommen ans Ende der Access List, hinter Ihre eigenen deny-Einträge; fügen Sie sie darüber ein mit "access-list NAME line N extended ...". Binden Sie jede Liste an ihr Interface, falls sie noch nicht gebunden ist:',
      ),
      `access-group ${names.inside}_access_in in interface ${names.inside}, access-group ${names.outside}_access_in in interface ${names.outside}.`,
      'Eine neu gebundene Liste endet mit einem impliziten deny; fügen Sie also zuerst den Rest Ihrer Policy hinzu.',
    ],
    inboundNat:
      'nennen eingehende Einträge die echte (private) Adresse des Servers, weil ASA 8.3 und neuer Access Lists nach NAT prüfen; leiten Sie die Ports mit einer statischen NAT-Regel weiter (object network ... nat (inside,outside) static ...).',
    hostnames: 'FQDN-Netzwerkobjekte löst die ASA auf und erneuert sie, wenn ihre DNS-Einträge ablaufen.',
    sipAlg: documented(
      'cisco-asa',
      'sipAlg',
      'Schalten Sie die SIP Inspection aus: policy-map global_policy / class inspection_default / no inspect sip',
    ),
    idleTimeout: documented(
      'cisco-asa',
      'idleTimeout',
      'Die ASA beendet inaktive TCP-Verbindungen nach 1 Stunde (timeout conn 1:00:00); senken Sie den Wert nicht.',
    ),
  },
  'cisco-ios': {
    use: () =>
      wrap(
        'Fügen Sie den Text im Konfigurationsmodus ein. Die Einträge kommen in die benannten ACLs PASCOM-OUT / PASCOM-IN (und -V6).',
      ),
    save: 'copy running-config startup-config speichert sie, damit sie einen Reload überstehen.',
    placement: (names) => [
      ...wrap(
        'Platzierung: eine ACL endet mit einem impliziten deny. Kopieren Sie diese Einträge in die ACL, die bereits an Ihr Interface gebunden ist, über deren deny-Einträge, oder binden Sie diese Listen nur zusammen mit dem Rest Ihrer Policy:',
      ),
      `interface ${names.inside} / ip access-group PASCOM-OUT in / ipv6 traffic-filter PASCOM-OUT-V6 in, und`,
      `interface ${names.outside} / ip access-group PASCOM-IN in / ipv6 traffic-filter PASCOM-IN-V6 in.`,
      ...wrap(
        'Antworten brauchen in der Gegenrichtung "established"- oder reflexive Einträge oder die zonenbasierte Firewall.',
      ),
    ],
    inboundNat:
      'prüft IOS eine eingehende ACL auf dem äußeren Interface VOR NAT, deshalb muss PASCOM-IN Ihre öffentliche Adresse nennen (die, von der die Ports mit ip nat inside source static weitergeleitet werden), nicht die private Adresse des Servers.',
    hostnames: 'Access Lists von IOS prüfen Adressen, keine Hostnamen.',
    sipAlg: documented(
      'cisco-ios',
      'sipAlg',
      'Schalten Sie das SIP ALG aus: no ip nat service sip udp port 5060 und no ip nat service sip tcp port 5060',
    ),
    idleTimeout: documented(
      'cisco-ios',
      'idleTimeout',
      'IOS-NAT behält inaktive TCP-Übersetzungen 24 Stunden (ip nat translation tcp-timeout 86400); senken Sie den Wert nicht unter 1 Stunde.',
    ),
  },
  'juniper-srx': {
    use: (names) => [
      'Fügen Sie den Text im Konfigurationsmodus ein und prüfen Sie mit "commit check".',
      zones(names),
    ],
    save: '"commit" aktiviert die Konfiguration und behält sie über Neustarts.',
    placement: () =>
      wrap(
        'Platzierung: neue Policies kommen ans Ende ihres Zonenpaars; steht dort eine deny-Policy, schieben Sie sie nach oben mit "insert security policies from-zone A to-zone B policy NAME before policy OTHER".',
      ),
    inboundNat:
      'nennen eingehende Policies die echte (private) Adresse des Servers, weil die SRX Policies nach Destination NAT prüft; legen Sie eine Destination-NAT-Regel an, die die Ports an ihn weiterleitet.',
    hostnames: 'dns-name-Adressen löst die SRX selbst auf und erneuert sie, wenn ihre DNS-Einträge ablaufen.',
    sipAlg: documented('juniper-srx', 'sipAlg', 'Schalten Sie das SIP ALG aus: set security alg sip disable'),
    idleTimeout: documented(
      'juniper-srx',
      'idleTimeout',
      'Junos beendet inaktive TCP-Sessions nach 1800 s; für länger inaktive Clients setzen Sie ein inactivity-timeout auf den pascom-Applications (set applications application NAME inactivity-timeout 3600).',
    ),
  },
  panos: {
    use: (names) => ['Fügen Sie den Text im Konfigurationsmodus ein ("configure").', zones(names)],
    save: '"commit" aktiviert die Regeln und behält sie über Neustarts.',
    placement: () =>
      wrap(
        'Platzierung: neue Regeln kommen ans Ende der Rulebase; schieben Sie sie über Ihre deny-Regeln, mit "move rulebase security rules NAME top" für jede pascom-N-...-Regel unten, die letzte zuerst, damit ihre Reihenfolge bleibt.',
      ),
    inboundNat:
      'brauchen eingehende Regeln außerdem eine Destination-NAT-Policy. PAN-OS prüft Security-Regeln mit der Adresse vor NAT (öffentlich) und der Zone nach NAT: ersetzen Sie pascom_server_v4/v6 in diesen Regeln durch Ihre öffentliche Adresse.',
    hostnames: 'FQDN-Adressobjekte löst die Firewall selbst auf und erneuert sie regelmäßig.',
    sipAlg: documented(
      'panos',
      'sipAlg',
      'Schalten Sie das SIP ALG aus: Objects > Applications > sip > ALG: Disable (CLI: set shared alg-override application sip alg-disabled yes).',
    ),
    idleTimeout: documented(
      'panos',
      'idleTimeout',
      'PAN-OS beendet inaktive TCP-Sessions nach 3600 s (Device > Setup > Session, TCP timeout); senken Sie den Wert nicht.',
    ),
  },
  sonicwall: {
    use: (names) => [
      'Fügen Sie den Text nach "configure" ein. Access Rules kommen in ihr Zonenpaar und werden von SonicOS sortiert.',
      ...wrap(
        'Die access-rule-Befehle gibt es nur im Classic Mode; eine Firewall im Policy Mode hat stattdessen Security Policies: legen Sie dieselben Regeln dort an (Policy > Rules and Policies > Security Policy).',
      ),
      zones(names),
    ],
    save: '"commit" speichert die Änderungen; sie überstehen einen Neustart.',
    placement: () =>
      wrap(
        'Platzierung: SonicOS ordnet Access Rules innerhalb eines Zonenpaars nach Priorität; prüfen Sie, dass keine Ihrer deny-Regeln über diesen steht (Policy > Rules and Policies > Access Rules).',
      ),
    inboundNat:
      'nennt eine eingehende Access Rule die ÖFFENTLICHE Adresse (ein WAN-Adressobjekt), an der die Ports ankommen, nicht die private Adresse des Servers; ersetzen Sie pascom_server_v4/v6 in diesen Regeln durch sie und legen Sie eine NAT-Policy an, die die Ports an Ihren pascom Server weiterleitet.',
    hostnames: 'FQDN-Adressobjekte löst die Firewall selbst auf und folgt DNS-Änderungen.',
    sipAlg: documented(
      'sonicwall',
      'sipAlg',
      'Schalten Sie die SIP Transformations aus: Network > VoIP > Settings, "Enable SIP Transformations" abwählen.',
    ),
    idleTimeout: documented(
      'sonicwall',
      'idleTimeout',
      'SonicOS beendet inaktive TCP-Verbindungen standardmäßig nach 15 Minuten; erhöhen Sie das TCP-Inactivity-Timeout dieser Access Rules auf 60 Minuten oder mehr.',
    ),
  },
  sophos: {
    use: (names) => [
      'Senden mit: curl -k https://your-firewall:4444/webconsole/APIController -F "reqxml=<this-file"',
      ...wrap(
        'nachdem Sie den API-Zugriff von Ihrer Adresse erlaubt (Backup & firmware > API) und die Anmeldung unten ausgefüllt haben.',
      ),
      zones(names),
    ],
    save: 'die API wendet die Objekte und Regeln sofort an und speichert sie; sie überstehen einen Neustart.',
    placement: () =>
      wrap(
        'Platzierung: neue Regeln kommen ans Ende der Regelliste; schieben Sie sie über Ihre eigenen drop-Regeln (Rules and policies > Firewall rules).',
      ),
    inboundNat:
      'brauchen eingehende Regeln außerdem eine NAT-Regel (DNAT), die die Ports an Ihren pascom Server weiterleitet; die Firewall-Regeln nennen die private Adresse des Servers.',
    hostnames: 'FQDN-Hosts löst die Firewall selbst auf und folgt DNS-Änderungen.',
    sipAlg: documented(
      'sophos',
      'sipAlg',
      'Schalten Sie den SIP-Helper auf der Konsole aus (Option 4): system system_modules sip unload',
    ),
    idleTimeout: documented('sophos', 'idleTimeout', NO_IDLE_LIMIT),
  },
  edgeos: {
    use: () => [
      'Syntax von Ubiquiti EdgeOS (EdgeRouter); VyOS verwendet eine andere Syntax.',
      'Fügen Sie die Zeilen einzeln im Konfigurationsmodus ein ("configure").',
    ],
    save: '"commit" wendet die Regeln an, und "save" behält sie nach einem Neustart.',
    placement: (names) =>
      wrap(
        `Platzierung: die Regeln kommen in die Regelsätze PASCOM_OUT / PASCOM_IN ("firewall name") und PASCOM_OUT-6 / PASCOM_IN-6 ("firewall ipv6-name"), die an kein Interface gebunden sind. Ein Interface nimmt je Richtung einen Regelsatz, und ein Regelsatz verwirft, was er nicht erlaubt; kopieren Sie die Regeln deshalb in die bereits gebundenen Regelsätze, vor deren drop-Regeln (und hinter die Regel, die established und related erlaubt), und nummerieren Sie um, wo eine Nummer vergeben ist: ausgehend den Regelsatz von "set interfaces ethernet ${names.inside} firewall in name ..." (und ipv6-name), eingehend den Regelsatz von "set interfaces ethernet ${names.outside} firewall in name ...". Verkehr zum Router selbst läuft durch den Regelsatz, der mit "firewall local name" gebunden ist.`,
      ),
    inboundNat:
      'nennen eingehende Regeln die private Adresse des Servers: EdgeOS filtert nach der Portweiterleitung (Destination NAT).',
    hostnames: 'Firewall-Regeln von EdgeOS prüfen Adressen, keine Hostnamen.',
    sipAlg: documented(
      'edgeos',
      'sipAlg',
      'Schalten Sie den SIP-Helper aus: set system conntrack modules sip disable',
    ),
    idleTimeout: documented(
      'edgeos',
      'idleTimeout',
      'EdgeOS behält inaktive aufgebaute TCP-Verbindungen 24 Stunden (system conntrack timeout tcp established); senken Sie den Wert nicht unter 1 Stunde.',
    ),
  },
  vyos: {
    use: () => [
      'Syntax von VyOS 1.4 (sagitta) und neuer (1.5 circinus, rolling); VyOS 1.3 und älter verwenden eine andere Syntax.',
      'Fügen Sie die Zeilen einzeln im Konfigurationsmodus ein ("configure").',
    ],
    save: '"commit" wendet die Regeln an, und "save" behält sie nach einem Neustart.',
    placement: (names) => [
      ...wrap(
        'Platzierung: die Regeln kommen in die Regelsätze PASCOM_OUT / PASCOM_IN unter "firewall ipv4 name" und "firewall ipv6 name", noch an nichts gebunden. Fügen Sie dem forward filter einen Sprung hinzu, nummeriert vor Ihren eigenen drop- und Sperrlisten-Regeln und hinter Ihrer Regel, die established und related erlaubt (die Antworten brauchen sie), z. B. für IPv4:',
      ),
      '  set firewall ipv4 forward filter rule N action jump',
      '  set firewall ipv4 forward filter rule N jump-target PASCOM_OUT',
      `  set firewall ipv4 forward filter rule N inbound-interface name ${names.inside}`,
      ...wrap(
        `und PASCOM_IN mit inbound-interface ${names.outside}, dasselbe unter "firewall ipv6 forward filter". Verwenden Sie "input filter" oder "output filter" nur für Verkehr zum oder vom Router selbst. Jeder Regelsatz endet mit "default-action return": was er nicht erlaubt, geht zur Regel nach dem Sprung zurück.`,
      ),
    ],
    inboundNat:
      'nennen eingehende Regeln die private Adresse des Servers: VyOS filtert weitergeleiteten Verkehr nach Destination NAT.',
    hostnames:
      'Benannte Hosts sind Domain Groups: VyOS löst die Namen auf (IPv4 und IPv6) und erneuert sie alle 300 Sekunden ("firewall global-options resolver-interval"); der Router braucht deshalb einen funktionierenden DNS-Server ("system name-server").',
    sipAlg: documented(
      'vyos',
      'sipAlg',
      'VyOS 1.4 lädt keinen SIP-Helper, wenn er nicht konfiguriert ist; ist "system conntrack modules sip" gesetzt, entfernen Sie es: delete system conntrack modules sip',
    ),
    idleTimeout: documented(
      'vyos',
      'idleTimeout',
      'VyOS behält inaktive aufgebaute TCP-Verbindungen 5 Tage; senken Sie den Wert nicht unter 1 Stunde. Die Einstellung heißt "system conntrack timeout tcp established" bei VyOS 1.4 und "firewall global-options timeout tcp established" bei 1.5 und den Rolling Releases.',
    ),
  },
  windows: {
    use: () => [
      ...wrap(
        'Führen Sie das Skript in einer PowerShell mit Administratorrechten aus. Die Regeln gelten für diesen Windows-Rechner: ausgehende Regeln zählen nur, wenn Ihre Standardaktion für ausgehenden Verkehr Block ist; eingehende Regeln lassen andere Geräte einen Dienst auf diesem Rechner erreichen.',
      ),
      'Alle wieder entfernen mit: Remove-NetFirewallRule -Group pascom',
    ],
    save: 'Windows behält Firewall-Regeln über Neustarts.',
    placement: () =>
      wrap(
        'Platzierung: in der Windows Defender Firewall gewinnt eine Block-Regel gegen jede Allow-Regel für denselben Verkehr, unabhängig von der Reihenfolge; suchen Sie Block-Regeln mit Get-NetFirewallRule -Action Block.',
      ),
    inboundNat: INBOUND_HOST,
    hostnames:
      'Die Windows Defender Firewall kann keine Hostnamen prüfen, deshalb enthalten die Variablen unten Adressen.',
    sipAlg: documented(
      'windows',
      'sipAlg',
      'Die Windows Defender Firewall hat kein SIP ALG; es gibt nichts auszuschalten.',
    ),
    idleTimeout: documented(
      'windows',
      'idleTimeout',
      'Die Windows Defender Firewall behält inaktive Verbindungen so lange wie die Anwendungen; es gibt nichts zu ändern.',
    ),
  },
};
