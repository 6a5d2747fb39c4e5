import { describe, expect, test } from 'vitest';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { PLATFORMS, PLATFORM_IDS, platformInfo, type PlatformId } from '../../src/lib/firewall/platforms';
import { planSnippet, ruleCount, selectRules, type SnippetInput } from '../../src/lib/firewall/plan';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/lib/firewall/settings';
import { loadContent } from './helpers/load-content';
import { SETTINGS_CASES, filterCases, personalisedSettings } from './helpers/snippet-cases';

const data = loadContent();
const all = filterCases(data).filter((item) => item.name.endsWith('all devices'));
const cloud = all[0]!.input;
const onsite = all[1]!.input;

describe('golden output', () => {
  const rows = PLATFORM_IDS.flatMap((platform) =>
    all.flatMap(({ input }) =>
      SETTINGS_CASES.map((settings) => ({ platform, deployment: input.deployment.id, input, settings })),
    ),
  );
  test.each(rows)(
    '$platform, $deployment, $settings.name',
    async ({ platform, deployment, input, settings }) => {
      const render = await loadGenerator(platform);
      const suffix = settings.name === 'personalised' ? '-personalised' : '';
      await expect(render(input, settings.settings())).toMatchFileSnapshot(
        `golden/${deployment}/${platform}${suffix}.txt`,
      );
    },
  );
});

/** How each platform writes the RTP range 30000-35000, as its documentation does. */
const RANGE_SYNTAX: Record<PlatformId, string> = {
  nftables: 'udp dport 30000-35000',
  iptables: '--dport 30000:35000',
  ip6tables: '--dport 30000:35000',
  ufw: 'proto udp from any to "$address" port 30000:35000',
  firewalld: 'port port="30000-35000" protocol="udp"',
  pf: 'port 30000:35000',
  pfsense: '<port>30000-35000</port>',
  opnsense: '"destination_port":"30000-35000"',
  routeros: 'protocol=udp dst-address-list=pascom_cloud dst-port=30000-35000',
  fortigate: 'set udp-portrange 30000-35000',
  'cisco-asa': 'service-object udp destination range 30000 35000',
  'cisco-ios': 'permit udp any host 192.0.2.10 range 30000 35000',
  'juniper-srx': 'protocol udp destination-port 30000-35000',
  panos: 'protocol udp port 30000-35000',
  sonicwall: 'UDP 30000 35000',
  sophos: '<DestinationPort>30000:35000</DestinationPort>',
  edgeos: 'destination port 30000-35000',
  vyos: 'destination port 30000-35000',
  windows: "-Protocol UDP -RemotePort @('30000-35000')",
};

describe.each(PLATFORM_IDS)('%s', (platform) => {
  test("writes port ranges in the platform's own syntax", async () => {
    expect((await loadGenerator(platform))(cloud, DEFAULT_SETTINGS)).toContain(RANGE_SYNTAX[platform]);
  });

  test('names every selected rule by its permanent id', async () => {
    const render = await loadGenerator(platform);
    for (const input of [cloud, onsite]) {
      const text = render(input, DEFAULT_SETTINGS);
      for (const rule of input.rules) expect(text).toContain(rule.id);
    }
  });

  test('renders exactly the rules a filter leaves visible', async () => {
    const text = (await loadGenerator(platform))(
      selectRules(cloud, ['sip-tls', 'ldaps-phonebook']),
      DEFAULT_SETTINGS,
    );
    expect(text).toContain('sip-tls');
    expect(text).toContain('ldaps-phonebook');
    for (const hidden of ['rtp-voice', 'vpn-tunnel', 'webrtc-webclient', 'mypascom-services'])
      expect(text).not.toContain(hidden);
  });

  test('mentions the port forwarding inbound rules need', async () => {
    const text = (await loadGenerator(platform))(onsite, DEFAULT_SETTINGS);
    expect(text).toMatch(/forward|NAT/);
  });

  test("never changes default policies or flushes the admin's rules", async () => {
    const text = (await loadGenerator(platform))(onsite, personalisedSettings());
    const code = text
      .split('\n')
      .filter((line) => !/^\s*(#|!|<!--)/.test(line))
      .join('\n');
    expect(code).not.toMatch(
      /^\s*-P |\bpolicy (drop|accept)\b|flush ruleset|^\s*-F\b|ufw (default|reset|enable)|--set-target|set default-action|DefaultInboundAction|DefaultOutboundAction/m,
    );
  });
});

describe('hostnames', () => {
  const fqdnPlatforms: PlatformId[] = [
    'fortigate',
    'panos',
    'cisco-asa',
    'juniper-srx',
    'routeros',
    'pfsense',
    'opnsense',
    'sonicwall',
    'sophos',
    'vyos',
  ];
  test.each(fqdnPlatforms)('%s allows the instance by its name', async (platform) => {
    const text = (await loadGenerator(platform))(cloud, personalisedSettings());
    expect(text).toContain('acme.pascom.cloud');
    expect(text).toContain('mypascom.net');
  });

  test('FortiGate uses a wildcard FQDN until the instance is known', async () => {
    const render = await loadGenerator('fortigate');
    expect(render(cloud, DEFAULT_SETTINGS)).toContain('set fqdn "*.pascom.cloud"');
    expect(render(cloud, personalisedSettings())).not.toContain('*.pascom.cloud');
  });

  test('Cisco ASA says FQDN objects need DNS lookups', async () => {
    expect((await loadGenerator('cisco-asa'))(cloud, DEFAULT_SETTINGS)).toContain('dns domain-lookup');
  });

  const addressPlatforms: PlatformId[] = [
    'iptables',
    'ip6tables',
    'nftables',
    'ufw',
    'firewalld',
    'pf',
    'cisco-ios',
    'edgeos',
    'windows',
  ];
  test.each(addressPlatforms)('%s uses named placeholder addresses and says why', async (platform) => {
    const text = (await loadGenerator(platform))(cloud, personalisedSettings());
    expect(text.toLowerCase()).toContain('pascom_cloud');
    // Where the platform offers it, a value the admin must give (tests below); elsewhere documentation addresses.
    expect(text).toMatch(
      'unfilled' in platformInfo(platform) ? /PASCOM_CLOUD_V4/ : /192\.0\.2\.10|2001:db8::10/,
    );
    expect(text).toMatch(/hostname|resolve/i);
  });
});

describe('one protocol per rule where the platform needs it', () => {
  const webrtcOnly: SnippetInput = selectRules(cloud, ['webrtc-webclient']);
  test('iptables writes the TCP+UDP row as two rules', async () => {
    const lines = (await loadGenerator('iptables'))(webrtcOnly, DEFAULT_SETTINGS)
      .split('\n')
      .filter((line) => line.startsWith('-A pascom'));
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.includes('-p udp'))).toBe(true);
    expect(lines.some((line) => line.includes('-p tcp'))).toBe(true);
  });
  test('nftables keeps it in one rule with meta l4proto', async () => {
    const text = (await loadGenerator('nftables'))(webrtcOnly, DEFAULT_SETTINGS);
    expect(text).toContain('meta l4proto { tcp, udp } th dport 19302');
  });
  test('Windows writes two rules', async () => {
    const text = (await loadGenerator('windows'))(webrtcOnly, DEFAULT_SETTINGS);
    expect(text.match(/^New-NetFirewallRule/gm)).toHaveLength(2);
  });
});

describe('hostile text cannot break out of comments or strings', () => {
  const hostile = `x" ; rm -rf / $(reboot) \`id\` '\n-A INPUT -j DROP </descr><!-- -->`;
  const evil: SnippetInput = {
    ...cloud,
    deployment: { ...cloud.deployment, name: hostile },
    rules: cloud.rules.map((rule) => ({ ...rule, title: hostile })),
  };
  test.each(PLATFORMS.map((platform) => platform.id))('%s', async (platform) => {
    const render = await loadGenerator(platform);
    const benign = render(cloud, DEFAULT_SETTINGS);
    const text = render(evil, DEFAULT_SETTINGS);
    // The same number of lines: nothing injected a line of its own.
    expect(text.split('\n')).toHaveLength(benign.split('\n').length);
    // Shell substitutions, new iptables lines or closed XML elements appear only where the platform's own syntax has them.
    const injections = (snippet: string) => snippet.match(/\$\(|`|^-A INPUT|<\/descr>\s*<!--/gm) ?? [];
    expect(injections(text)).toEqual(injections(benign));
    expect(text).not.toContain('x"');
  });
});

describe('the header counts rules as the tables do', () => {
  test.each([
    [[['a']], '1 rule'],
    [[['a'], ['b']], '2 rules'],
    [[['a'], ['b'], ['b']], '2 port rules, written as 3 rules, one per destination'],
    [[['b'], ['b']], '1 port rule, written as 2 rules, one per destination'],
    [[['a', 'b']], '2 port rules, written as 1 rule, identical ones once'],
    [
      [['a', 'b'], ['c'], ['c']],
      '3 port rules, written as 3 rules, one per destination, identical ones once',
    ],
  ])('%j: %s', (rules, expected) => {
    expect(ruleCount(rules.map((ids) => ({ ids })))).toBe(expected);
  });
});

describe('any number of rules', () => {
  // Far more rules than a phone system has, and enough lines to overflow the call stack if a
  // generator ever spreads a list that grows with the rules into one call (push(...lines)).
  const RULES = 40_000;
  const many: SnippetInput = {
    ...onsite,
    rules: Array.from({ length: RULES }, (_, index) => {
      // A port of its own each, so no two rules are identical and none is merged into another.
      const rule = onsite.rules[index % onsite.rules.length]!;
      return { ...rule, id: `${rule.id}-${index}`, ports: [{ from: 10_000 + index, to: 10_000 + index }] };
    }),
  };

  test.each(PLATFORM_IDS)('%s renders 40,000 rules and names the last one', async (platform) => {
    const render = await loadGenerator(platform);
    expect(render(many, DEFAULT_SETTINGS)).toContain(many.rules.at(-1)!.id);
  });
});

describe('no two rules of a snippet are identical', () => {
  const cases = filterCases(data);
  test.each(SETTINGS_CASES.flatMap((settings) => cases.map((item) => ({ ...item, settings }))))(
    '$settings.name: $name',
    ({ input, settings }) => {
      const plan = planSnippet(input, settings.settings());
      const keys = plan.rules.map((rule) =>
        JSON.stringify([rule.direction, rule.source, rule.destination, rule.protocols, rule.ports]),
      );
      expect(new Set(keys).size).toBe(keys.length);
      const services = plan.services.map((service) => JSON.stringify([service.protocols, service.ports]));
      expect(new Set(services).size).toBe(services.length);
    },
  );

  test('Onsite writes the licence server and the client services once, naming both ids', () => {
    const plan = planSnippet(onsite, DEFAULT_SETTINGS);
    const mypascom = plan.rules.filter(
      (rule) => rule.destination.kind === 'set' && rule.destination.set.name === 'pascom_mypascom',
    );
    expect(mypascom).toHaveLength(1);
    expect(mypascom[0]!.ids).toEqual(['licence-server', 'mypascom-services']);
  });
});

describe('what an admin of each platform needs, in the header', () => {
  test.each(PLATFORM_IDS)(
    '%s names its save step, the placement and NAT for inbound rules',
    async (platform) => {
      const render = await loadGenerator(platform);
      const text = render(onsite, DEFAULT_SETTINGS);
      expect(text).toContain('Save: ');
      expect(text).toContain('Placement: ');
      expect(text).toContain('NAT: ');
      expect(text).toContain('SIP ALG: ');
      expect(text).toContain('Idle timeouts: ');
    },
  );

  test.each(PLATFORM_IDS)('%s names itself as the registry does', async (platform) => {
    const text = (await loadGenerator(platform))(cloud, DEFAULT_SETTINGS);
    expect(text).toContain(`pascom firewall rules for ${platformInfo(platform).label}:`);
  });

  test('a filter without the affected rules leaves out the SIP ALG and idle-timeout advice', async () => {
    const text = (await loadGenerator('nftables'))(selectRules(cloud, ['ldaps-phonebook']), DEFAULT_SETTINGS);
    expect(text).not.toContain('SIP ALG: ');
    expect(text).not.toContain('Idle timeouts: ');
  });

  test('firewalld no longer advises HOST as ingress zone beside a regular zone', async () => {
    const text = (await loadGenerator('firewalld'))(onsite, DEFAULT_SETTINGS);
    expect(text).not.toMatch(/add the zone HOST as ingress zone of "pascom-out"/);
    // Every zone change the header advises is one firewall-cmd call naming its policy, as firewall-cmd(1) needs.
    const header = text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.replace(/^# ?/, ''))
      .join(' ');
    const calls = header.match(/firewall-cmd --permanent [^;.]*?(?=;|\.\s| \(|$)/g) ?? [];
    const zoneCalls = calls.filter((call) => /--(?:add|remove)-(?:ingress|egress)-zone/.test(call));
    expect(zoneCalls.length).toBeGreaterThanOrEqual(3);
    for (const call of zoneCalls) {
      expect(call, call).toMatch(/--policy=pascom-[a-z-]+/);
      expect(call.match(/--(?:add|remove)-(?:ingress|egress)-zone/g), call).toHaveLength(1);
    }
    // The server on this machine: the inside zone leaves "pascom-in" before HOST can take its place.
    const remove = header.indexOf('--policy=pascom-in --remove-egress-zone=internal');
    expect(remove).toBeGreaterThan(0);
    expect(header.indexOf('--policy=pascom-in --add-egress-zone=HOST')).toBeGreaterThan(remove);
  });

  test('FortiGate enables NAT on outbound policies and tells the truth about wildcard FQDNs', async () => {
    const text = (await loadGenerator('fortigate'))(cloud, DEFAULT_SETTINGS);
    expect(text.match(/^ {8}set nat enable$/gm)).toHaveLength(cloud.rules.length);
    expect(text).not.toContain('FQDN addresses are resolved by the FortiGate itself and follow DNS changes.');
    expect(text).toContain('filled only from DNS answers that pass through it');
  });

  test.each(['cisco-ios', 'sonicwall'] as const)(
    '%s says inbound rules name the public address behind NAT',
    async (platform) => {
      const text = (await loadGenerator(platform))(onsite, DEFAULT_SETTINGS);
      expect(text).toMatch(/public/i);
    },
  );

  test('RouterOS says which port it takes as WAN', async () => {
    const text = (await loadGenerator('routeros'))(onsite, DEFAULT_SETTINGS);
    expect(text).toContain('"ether1" as the WAN port');
  });

  test('ufw runs its IPv6 rules only when ufw has IPv6 on', async () => {
    const text = (await loadGenerator('ufw'))(cloud, personalisedSettings());
    const guard = text.search(/^if grep -Eqi '.*' \/etc\/default\/ufw/m);
    expect(guard).toBeGreaterThan(0);
    for (const line of text.split('\n').filter((line) => line.includes('from 2001:'))) {
      expect(line.startsWith('  ufw allow') || line.startsWith('    ufw allow')).toBe(true);
      expect(text.indexOf(line)).toBeGreaterThan(guard);
    }
  });

  test('ufw reads IPV6="yes" with or without quotes as on, as ufw does', async () => {
    const text = (await loadGenerator('ufw'))(cloud, personalisedSettings());
    // The pattern between the outer single quotes, a quote inside written as '"'"'.
    const quoted = /^if grep -Eqi '((?:[^']|'"'"')*)' \/etc\/default\/ufw/m.exec(text)?.[1];
    expect(quoted).toBeDefined();
    const pattern = new RegExp(quoted!.replaceAll(`'"'"'`, "'"), 'i');
    for (const on of ['IPV6=yes', 'IPV6="yes"', "IPV6='yes'"]) expect(on).toMatch(pattern);
    for (const off of ['IPV6=no', 'IPV6="no"', '#IPV6=yes']) expect(off).not.toMatch(pattern);
  });

  test.each(['pfsense', 'sophos'] as const)(
    '%s writes its header comment without entities',
    async (platform) => {
      const text = (await loadGenerator(platform))(onsite, DEFAULT_SETTINGS);
      const comment = text.slice(text.indexOf('<!--'), text.indexOf('-->'));
      expect(comment).not.toMatch(/&(quot|lt|gt|amp|apos);/);
    },
  );

  test.each(['cisco-asa', 'sonicwall', 'sophos'] as const)(
    '%s says why a rule is missing in one family',
    async (platform) => {
      const ipv4Only = parseSettings({ net: '10.1.0.0/16' });
      if (!ipv4Only.ok) throw new Error('settings');
      const text = (await loadGenerator(platform))(cloud, ipv4Only.settings);
      expect(text).toContain('Skipped pascom sip-tls: SIP connection for IPv6');
    },
  );

  test('pf asks for no interface names, since its rules name none', () => {
    expect(platformInfo('pf').inside).toBe('');
    expect(platformInfo('pf').outside).toBe('');
  });

  test('a name the platform would reject is left out, and the snippet says so', async () => {
    const odd = parseSettings({ in: 'office-lan.10', out: 'uplink_2' });
    if (!odd.ok) throw new Error('settings');
    const text = (await loadGenerator('pfsense'))(onsite, odd.settings);
    expect(text).toContain('The inside name "office-lan.10" is not one pfSense accepts');
    expect(text).toContain('<interface>lan</interface>');
    expect(text).not.toContain('<interface>office-lan.10</interface>');
  });
});

/** Documentation addresses (RFC 5737, RFC 3849): a rule naming one loads and allows nothing useful. */
const DOCUMENTATION_ADDRESS = /\b(?:192\.0\.2|198\.51\.100|203\.0\.113)\.\d|\b2001:db8:/i;

/** The lines a platform executes: not comments (`#`, `!`, inside an XML comment). */
function executedLines(text: string): string[] {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => !/^\s*(?:#|!)/.test(line));
}

/** The platforms that write what the settings did not give as values the platform refuses until given. */
const FILLED_AT_LOAD = PLATFORMS.filter((platform) => 'unfilled' in platform).map((platform) => platform.id);

describe.each(FILLED_AT_LOAD)('%s never executes a documentation address', (platform) => {
  test.each(all)('$name, nothing personalised', async ({ input }) => {
    const text = (await loadGenerator(platform))(input, DEFAULT_SETTINGS);
    const found = executedLines(text).filter((line) => DOCUMENTATION_ADDRESS.test(line));
    expect(found).toEqual([]);
  });
});

describe('the RTP rule carries the SIP ALG advice', () => {
  // A SIP ALG rewrites the audio addresses and ports SIP announces, so RTP alone needs the advice too.
  test.each(['nftables', 'routeros'] as const)(
    '%s: RTP voice alone gets the SIP ALG advice',
    async (platform) => {
      const text = (await loadGenerator(platform))(selectRules(cloud, ['rtp-voice']), DEFAULT_SETTINGS);
      expect(text).toContain('SIP ALG');
    },
  );
});

describe('service descriptions', () => {
  test('a rule written once per destination names its title once', () => {
    const plan = planSnippet(onsite, DEFAULT_SETTINGS);
    const mail = plan.services.find((service) => service.ids.includes('mail-relay'));
    expect(mail?.comment).toBe('pascom mail-relay: Access to the pascom mail servers');
    for (const service of plan.services) expect(service.comment).not.toMatch(/(.{8,}) \+ \1/);
  });
});

describe('release-specific and placement advice', () => {
  // The header names exactly the base chains the file jumps from: no INPUT on Cloud, where nothing comes in.
  test.each(['nftables', 'iptables', 'ip6tables'] as const)(
    '%s names only the chains it jumps from',
    async (platform) => {
      for (const lang of ['en', 'de'] as const) {
        for (const input of [cloud, onsite]) {
          const text = (await loadGenerator(platform))({ ...input, lang }, DEFAULT_SETTINGS);
          const rules = text.split('\n').filter((line) => !line.startsWith('#'));
          const header = text
            .split('\n')
            .filter((line) => line.startsWith('#'))
            .join(' ');
          for (const chain of ['input', 'output']) {
            const jumps = rules.some((line) =>
              new RegExp(`^(?:-I ${chain.toUpperCase()} |insert rule inet filter ${chain} )`).test(line),
            );
            const named = new RegExp(`\\b${platform === 'nftables' ? chain : chain.toUpperCase()}\\b`).test(
              header,
            );
            expect(named, `${lang} ${input.deployment.id}: ${chain}`).toBe(jumps);
          }
        }
      }
    },
  );

  test("RouterOS names the default configuration's forward-chain drop rule", async () => {
    for (const lang of ['en', 'de'] as const) {
      const text = (await loadGenerator('routeros'))({ ...onsite, lang }, DEFAULT_SETTINGS);
      expect(text).toContain('defconf: drop all from WAN not DSTNATed');
      // That rule is in the input chain, which these forward rules never reach.
      expect(text).not.toContain('drop all not coming from LAN');
    }
  });

  test('SonicWall says access rules need Classic Mode', async () => {
    for (const lang of ['en', 'de'] as const) {
      const text = (await loadGenerator('sonicwall'))({ ...cloud, lang }, DEFAULT_SETTINGS);
      expect(text).toContain('Classic Mode');
      expect(text).toContain('Policy Mode');
    }
  });

  test('VyOS names the idle-timeout setting of 1.4 and of 1.5 and rolling', async () => {
    for (const lang of ['en', 'de'] as const) {
      const text = (await loadGenerator('vyos'))({ ...cloud, lang }, DEFAULT_SETTINGS).replace(/\n# /g, ' ');
      expect(text).toMatch(/system conntrack timeout tcp established"? \S+ VyOS 1\.4/);
      expect(text).toMatch(/firewall global-options timeout tcp established"? \S+ 1\.5/);
    }
  });

  test('PAN-OS: the placement example names no rule the snippet does not write', async () => {
    for (const input of [cloud, onsite]) {
      const text = (await loadGenerator('panos'))(input, DEFAULT_SETTINGS);
      const written = new Set(
        [...text.matchAll(/^set rulebase security rules (\S+) /gm)].map((match) => match[1]),
      );
      for (const [, name] of text.matchAll(/move rulebase security rules (\S+) top/g)) {
        expect(name === 'NAME' || written.has(name), `${input.deployment.id}: ${name}`).toBe(true);
      }
    }
  });
});

describe('nftables comments', () => {
  test("stay within nft's 128 characters, whatever the length of a title", async () => {
    const long: SnippetInput = {
      ...cloud,
      rules: cloud.rules.map((rule) => ({
        ...rule,
        title: `${rule.title} ${'with a very long title '.repeat(8)}`,
      })),
    };
    const text = (await loadGenerator('nftables'))(long, DEFAULT_SETTINGS);
    const comments = [...text.matchAll(/ comment "([^"]*)"/g)].map((match) => match[1]!);
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) {
      expect(new TextEncoder().encode(comment).length, comment).toBeLessThanOrEqual(128);
      expect(comment).toMatch(/\(outbound\)$/);
    }
  });
});
