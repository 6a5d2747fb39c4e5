/**
 * The check scripts' texts in German, as a German network administrator writes
 * them: "Sie", Portfreigaben, erreichbar, blockiert. pascom product names,
 * commands, host names and URLs stay as they are. Variants whose text must be
 * ASCII get it with ae, oe, ue and ss (see `asciiText` in ./variants).
 */
import type { CheckTexts } from './texts';

const zaehle = (count: number, singular: string, plural: string) =>
  `${count} ${count === 1 ? singular : plural}`;

export const GERMAN_CHECK_TEXTS: CheckTexts = {
  variantLabel: (variant) => (variant.id === 'linux-macos' ? 'Linux und macOS (bash)' : variant.label),
  title: (deployment, variant, { checks, rules, untested }) =>
    `pascom Verbindungstest für ${variant}: ${deployment} (${zaehle(checks, 'Test', 'Tests')} zu ${zaehle(rules, 'Regel', 'Regeln')}${untested > 0 ? `, ${untested} nicht per Skript testbar` : ''}).`,
  generated: 'Erzeugt aus der pascom Firewall-Portreferenz; jede Zeile nennt die dauerhafte ID ihrer Regel.',
  whatItDoes:
    'Es löst jeden Hostnamen auf und öffnet eine Verbindung zu jedem Port: eine TCP-Verbindung, einen TLS-Handshake oder eine HTTP(S)-Anfrage, je nach Regel. Es ändert nichts an diesem Rechner oder Ihrer Firewall.',
  tlsNote:
    'Ein TLS-Test zeigt, dass ein Handshake durchkommt, nicht, dass das Zertifikat gültig ist; ein HTTPS-Test braucht zusätzlich ein gültiges Zertifikat.',
  runWhere: (deployment, direction) =>
    direction === 'outbound'
      ? deployment === 'onsite'
        ? 'Ausgehende Tests: führen Sie sie auf Ihrem pascom Server aus, der diese Verbindungen öffnet.'
        : 'Ausgehende Tests: führen Sie sie auf einem Rechner in Ihrem Netzwerk aus, dort, wo Ihre Telefone und Clients sind.'
      : 'Eingehende Tests: führen Sie sie auf einem Rechner außerhalb Ihres Netzwerks aus (etwa einem Laptop an einem mobilen Hotspot), gegen die Adresse, die Ihr pascom Server im Internet hat.',
  howToRun: 'So starten Sie es:',
  addressMeaning: (direction, deployment) =>
    direction === 'inbound'
      ? 'ADDRESS ist die öffentliche Adresse oder der Hostname Ihres pascom Servers.'
      : deployment === 'cloud'
        ? 'ADDRESS ist Ihre pascom.cloud-Instanz, z. B. acme.pascom.cloud.'
        : 'ADDRESS wird nicht gebraucht.',
  exitCodes:
    'Exit-Code 0: alle Tests bestanden; 1: ein Test ist fehlgeschlagen, einem Zertifikat wird nicht vertraut oder ein Name wird nicht aufgelöst; 2: ein Argument fehlt oder ist falsch; 3: ein Test konnte nicht laufen (ein Werkzeug fehlt).',
  timeoutNote:
    'Jede Adresse hat {seconds} s Zeit zu antworten; PASCOM_CHECK_TIMEOUT mit einer Zahl von Sekunden ändert das. Proxy-Einstellungen werden nicht benutzt: die Tests prüfen direkte Verbindungen durch Ihre Firewall.',
  asciiNote:
    'Windows PowerShell 5.1 liest eine Skriptdatei ohne Byte-Order-Mark in der ANSI-Codepage, darum enthält diese Datei nur ASCII-Zeichen (ae, oe, ue, ss statt Umlauten).',
  needsAddress: (direction, deployment) =>
    direction === 'inbound'
      ? 'Geben Sie die Adresse an, unter der Ihr pascom Server aus dem Internet erreichbar ist: {command}'
      : deployment === 'cloud'
        ? 'Geben Sie Ihre pascom.cloud-Instanz an: {command}'
        : 'Geben Sie die zu testende Adresse an: {command}',
  usage: 'Aufruf: {command}',
  badAddress:
    '"{given}" ist weder ein Hostname noch eine IP-Adresse. Geben Sie nur den Namen oder die Adresse an, ohne https:// und ohne Port: {command}',
  addressTaken: 'Getestet wird {host}, entnommen aus {given}.',
  proxyIgnored:
    'Der Proxy aus{names} wird nicht benutzt: die Tests prüfen direkte Verbindungen durch Ihre Firewall.',
  testing: (direction, deployment) =>
    direction === 'outbound'
      ? deployment === 'onsite'
        ? 'Test der ausgehenden Verbindungen Ihres pascom Servers von diesem Rechner aus.'
        : 'Test der ausgehenden Verbindungen von diesem Rechner aus.'
      : 'Test der eingehenden Verbindungen zu {host} von diesem Rechner aus; er muss außerhalb Ihres Netzwerks stehen.',
  reachable: 'erreichbar',
  blocked: 'blockiert',
  couldNotTest: 'nicht testbar',
  resolves: 'wird aufgelöst zu {addresses}',
  doesNotResolve: 'wird nicht aufgelöst',
  noLookupTool: 'weder getent noch dscacheutil ist da, um den Resolver des Systems zu fragen',
  notLookedUp: 'der Name konnte nicht nachgeschlagen werden',
  refused: 'abgewiesen oder keine Route',
  noHandshake: 'kein TLS-Handshake',
  noAnswer: 'keine Antwort innerhalb von {seconds} s',
  untrusted: 'erreichbar, Zertifikat nicht vertrauenswürdig',
  untrustedAdvice:
    'dieser Rechner vertraut dem Zertifikat nicht, das er von {host} bekam: wenn eine Firewall oder ein Proxy TLS aufbricht, nehmen Sie {host} davon aus',
  dnsAdvice: 'prüfen Sie die DNS-Einstellungen dieses Rechners und die Schreibweise des Namens',
  missingTool: (tool) => `${tool} ist nicht installiert`,
  unresolved: 'der Name wird nicht aufgelöst',
  openOutbound: (portProtocol, url) => `geben Sie ${portProtocol} ausgehend zu {host} frei; siehe ${url}`,
  openInbound: (portProtocol, url) =>
    `geben Sie ${portProtocol} eingehend zu Ihrem pascom Server unter {host} frei (hinter NAT: leiten Sie den Port von Ihrer öffentlichen Adresse weiter); siehe ${url}`,
  untestedHeading: 'Von diesem Skript nicht getestet:',
  untested: {
    'media-range':
      'diese UDP-Ports tragen nur während eines Gesprächs Medien, und auf einen Test antwortet dort nichts; führen Sie stattdessen ein Testgespräch',
    'udp-service': 'ein UDP-Dienst, dessen Antworten nur sein eigener Client von Stille unterscheiden kann',
    stun: 'STUN über UDP, das diese Skripte nicht sprechen',
    none: 'für diese Regel ist kein Test beschrieben',
  },
  otherMode: (count, direction, deployment) =>
    direction === 'inbound'
      ? `${zaehle(count, 'eingehender Test', 'eingehende Tests')} ausgelassen: starten Sie das Skript mit "inbound ADDRESS" auf einem Rechner außerhalb Ihres Netzwerks.`
      : `${zaehle(count, 'ausgehender Test', 'ausgehende Tests')} ausgelassen: starten Sie das Skript mit "outbound" ${deployment === 'onsite' ? 'auf Ihrem pascom Server' : 'in Ihrem Netzwerk'}.`,
  nothingToTest: 'In dieser Betriebsart gibt es nichts zu testen.',
  summary:
    'Ergebnis: {reachable} erreichbar, {untrusted} Zertifikat nicht vertrauenswürdig, {blocked} blockiert, {untested} nicht testbar; nicht aufgelöste Namen: {unresolved}.',
  codeNotes: {
    limited:
      'Führt einen Befehl höchstens $1 Sekunden lang aus: macOS hat kein timeout(1), darum läuft der Befehl im Hintergrund.',
    indirect: 'Wird über limited aufgerufen, dem ShellCheck nicht folgt.',
    sni: 'Ein Name geht in den Handshake (SNI), eine Adresse nicht.',
    anyCertificate: 'Jedes Zertifikat wird angenommen: geprüft wird, ob ein Handshake durchkommt.',
    httpError: 'Eine Antwort mit einem HTTP-Fehlerstatus ist trotzdem durchgekommen.',
    bareInstance: 'Ein Instanzname allein meint die Instanz unter pascom.cloud, wie auf der Website.',
    lookup:
      'Namen werden über den Resolver des Systems nachgeschlagen, wie es die Verbindung tut (mit /etc/hosts, VPN und Split-DNS): getent unter Linux, dscacheutil unter macOS.',
    lookupWindows:
      'Namen werden über den Resolver des Systems nachgeschlagen, wie es die Verbindung tut (mit hosts-Datei, VPN und Split-DNS).',
    noProxy: 'Ein Proxy würde statt der Firewall das Ergebnis bestimmen, darum wird keiner benutzt.',
    everyAddress:
      'Jede Adresse des Namens wird einzeln versucht, damit eine blockierte Adressfamilie auffällt, auch wenn die andere durchkommt.',
    noRedirect: 'Einer Weiterleitung wird nicht gefolgt: geprüft wird, ob dieser Port antwortet.',
    tls12: 'Windows PowerShell 5.1 bietet TLS 1.2 womöglich nur an, wenn man es verlangt.',
  },
};
