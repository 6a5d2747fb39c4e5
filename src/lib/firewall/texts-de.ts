/**
 * The snippet texts in German, as a German network administrator writes them:
 * "Sie", Portfreigaben, Quelle and Ziel. pascom product names, commands, file
 * names, keywords, option names and URLs stay as they are. Platforms whose
 * comments must be ASCII get this text with ae, oe, ue and ss (see `asciiComments`).
 */
import { GERMAN_ADVICE } from './advice-de';
import type { PlatformId } from './platforms';
import type { SnippetTexts } from './texts';

/** Platform names with words in them; the others are product names alone. */
const GERMAN_LABELS: Partial<Record<PlatformId, string>> = { vyos: 'VyOS 1.4 und neuer' };

const regeln = (count: number, noun = 'Regel') => `${count} ${noun}${count === 1 ? '' : 'n'}`;

export const GERMAN_TEXTS: SnippetTexts = {
  direction: { outbound: 'ausgehend', inbound: 'eingehend' },
  platformLabel: (platform) => GERMAN_LABELS[platform.id] ?? platform.label,
  ruleCount: ({ portRules, rules, split, merged }) => {
    if (!split && !merged) return regeln(portRules);
    const how = [split ? 'eine je Ziel' : '', merged ? 'gleiche nur einmal' : ''].filter(Boolean);
    return `${regeln(portRules, 'Portfreigabe')}, geschrieben als ${regeln(rules)}, ${how.join(', ')}`;
  },
  title: (platform, deployment, count) => `pascom Firewall-Regeln für ${platform}: ${deployment} (${count}).`,
  generated: 'Erzeugt aus der pascom Firewall-Portreferenz; jede Regel nennt ihre dauerhafte Regel-ID.',
  onlyAllow:
    'Diese Regeln erlauben nur Verkehr. Sie ändern keine Standard-Policy und entfernen nichts; prüfen Sie sie vor dem Einsatz.',
  replaceInstance: (placeholder) =>
    `Ersetzen Sie ${placeholder} durch den Namen Ihrer pascom.cloud-Instanz, z. B. acme.pascom.cloud.`,
  outboundAnySource:
    'Ausgehende Regeln erlauben jede Quelladresse; geben Sie Ihr Netzwerk an, um sie einzuschränken.',
  outboundFamilyLeftOut: (family) =>
    `Ausgehende IPv${family}-Regeln fehlen, wo eine Plattform die Adressfamilien trennt: geben Sie ein Netzwerk dieser Familie an, um sie aufzunehmen.`,
  replaceServer: (v4, v6) => `Ersetzen Sie ${v4} / ${v6} durch die Adresse(n) Ihres pascom Servers.`,
  interfaceHint: {
    firewalld: 'ein Zonenname aus Buchstaben, Ziffern, _ und -, höchstens 17 Zeichen',
    pfsense:
      'wan, lan, optN oder der Name einer Interface-Gruppe (Buchstaben, Ziffern und _, höchstens 15, nicht auf eine Ziffer endend)',
    opnsense:
      'wan, lan, optN oder der Name einer Interface-Gruppe (Buchstaben, Ziffern und _, höchstens 15, nicht auf eine Ziffer endend)',
    routeros: 'ein Interface-Name',
    fortigate: 'ein Interface- oder Zonenname mit höchstens 15 Zeichen',
    'cisco-asa': 'ein Interface-Name (nameif) mit höchstens 48 Zeichen',
    'cisco-ios': 'ein Interface wie GigabitEthernet0/1 oder Vlan10',
    'juniper-srx': 'ein Security-Zonenname mit höchstens 63 Zeichen',
    panos: 'ein Zonenname mit höchstens 31 Zeichen',
    sonicwall: 'ein Zonenname aus Buchstaben, Ziffern, _ und -, höchstens 32 Zeichen',
    sophos: 'ein Zonenname aus Buchstaben, Ziffern, _ und -',
    edgeos: 'ein Interface wie eth1 oder eth1.10',
    vyos: 'ein Interface wie eth1 oder eth1.10',
  },
  nameNote: ({ side, given, platform, hint, used }) =>
    `Der ${side === 'inside' ? 'innere' : 'äußere'} Name "${given}" ist keiner, den ${platform} annimmt (${hint}); die Regeln verwenden stattdessen "${used}".`,
  save: (text) => `Speichern: ${text}`,
  outboundNat: (text) => `NAT: ${text}`,
  inboundNat: (text) =>
    `NAT: Eingehende Regeln lassen Geräte im Internet Ihren pascom Server erreichen; steht er hinter NAT, leiten Sie diese Ports von Ihrer öffentlichen Adresse an ihn weiter. Hinter NAT ${text}`,
  skippedCount: (count) =>
    `${regeln(count)} ${count === 1 ? 'fehlt' : 'fehlen'} in einer Adressfamilie; ein Kommentar sagt es dort, wo ${count === 1 ? 'sie' : 'jede'} stünde.`,
  sipAlg: (text, docs) => `SIP ALG: ${text} (${docs})`,
  idleTimeout: (text, docs) => `Idle-Timeouts: ${text} (${docs})`,
  replacePlaceholders:
    'Ersetzen Sie die Platzhalter-Adressen (192.0.2.x, 2001:db8::x) durch die Adressen, zu denen diese Namen jetzt auflösen:',
  placeholderSet: ({ name, hosts, placeholderHost, addresses }) =>
    `  ${name}: ${hosts}${placeholderHost ? ' (tragen Sie den Namen Ihrer eigenen Instanz ein)' : ''} -> ${addresses}`,
  addressesChange:
    'Die Adressen hinter diesen Namen können sich ändern: prüfen Sie sie regelmäßig, oder verwenden Sie eine Firewall, die nach Namen erlaubt.',
  fillValues: (style) =>
    ({
      nft: 'Werte, die diese Seite nicht kennen kann, sind Variablen: nft weist die Datei ab ("unknown identifier"), bis jede definiert ist. Definieren Sie sie oben in dieser Datei, z. B. define PASCOM_SERVER_V4 = 10.1.0.5, mehrere Adressen als { a, b }:',
      shell:
        'Werte, die diese Seite nicht kennen kann, sind Shell-Variablen: Das Skript hält an, bevor es etwas ändert, und nennt jede, die nicht gesetzt ist. Geben Sie sie beim Aufruf an, mehrere Adressen durch Leerzeichen getrennt, die Adressen eines Namens leer für eine Adressfamilie, die Sie nicht nutzen, z. B. PASCOM_SERVER_V4=10.1.0.5 sh diese-datei:',
      restore:
        'Werte, die diese Seite nicht kennen kann, stehen als Namen unter .invalid, die nie auflösen: iptables-restore weist die Datei ab ("host/network ... not found"), bis jeder durch seine Adressen ersetzt ist, mehrere durch Kommas getrennt:',
    })[style],
  fillRequired: (variable, holds) => `setzen Sie ${variable} auf ${holds}`,
  fillValue: ({ family, what, hosts }) =>
    what === 'server'
      ? `die IPv${family}-Adresse Ihres pascom Servers`
      : what === 'instance'
        ? `die IPv${family}-Adressen Ihrer pascom.cloud-Instanz (z. B. acme.pascom.cloud)`
        : `die IPv${family}-Adressen von ${hosts}`,
  skippedReason: (comment, family, direction) =>
    `Ausgelassen für IPv${family}: ${comment}; für ${direction === 'inbound' ? 'den pascom Server' : 'Ihr Netzwerk'} ist keine IPv${family}-Adresse angegeben.`,
  ufwIpv6Condition:
    'IPv6-Regeln laufen nur, wenn ufw IPv6 eingeschaltet hat; mit IPV6=no würden sie fehlschlagen und das Skript anhalten.',
  ufwIpv6Skipped:
    'IPv6 ist in /etc/default/ufw ausgeschaltet (IPV6=no): die IPv6-Regeln wurden übersprungen.',
  fortigateWildcard:
    'Ohne Ihren Instanznamen erlaubt eine Wildcard-FQDN-Adresse jede pascom.cloud-Instanz; geben Sie Ihre Instanz an, um sie einzugrenzen.',
  opnsenseCallFailed: 'pascom: der Aufruf $1 ist fehlgeschlagen',
  opnsenseRefused: 'pascom: die Firewall hat $1 abgelehnt: $response',
  opnsenseSetVariable: (name, example) =>
    `setzen Sie ${name}${example === undefined ? '' : ` auf Ihre Firewall, z. B. ${example}`}`,
  windowsDescription: (id, direction) =>
    `pascom-Regel ${id}, ${direction === 'inbound' ? 'eingehend' : 'ausgehend'}`,
  vyosRulesetDescription: (direction, family) =>
    `pascom ${direction === 'inbound' ? 'eingehende' : 'ausgehende'} Regeln, IPv${family}`,
  advice: GERMAN_ADVICE,
  ruleNotes: {
    'sip-alg': {
      heading: 'SIP ALG',
      intro:
        'Viele Firewalls schreiben SIP-Nachrichten unterwegs um (ein SIP ALG oder Helper), auch die Adresse und die Ports, an die die Sprachdaten (RTP) gehen. pascom braucht das nicht, und es kann Registrierung und Gespräche stören oder sie in einer Richtung stumm lassen: schalten Sie es aus.',
    },
    'idle-timeout': {
      heading: 'Idle-Timeouts',
      intro:
        'Diese Verbindung bleibt stundenlang offen und kann zwischen Keepalives minutenlang inaktiv sein. Eine Firewall, die inaktive Verbindungen früher verwirft, trennt das Gerät, bis es sich neu verbindet.',
    },
  },
};
