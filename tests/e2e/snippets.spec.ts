import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, escapeRegExp, textPattern, type Lang, type Texts } from './fixtures';
import { PLATFORM_IDS, platformInfo, type PlatformId } from '../../src/lib/firewall/platforms';
import { SNIPPET_TEXTS } from '../../src/lib/firewall/texts';
import { asciiSpelling } from '../../src/lib/firewall/text';
import { CHECK_TEXTS } from '../../src/lib/checks/texts';
import { CHECK_VARIANTS, type CheckVariantId } from '../../src/lib/checks/variants';
import { EVENTS } from '../../src/client/events';

/** A platform's name as the panel shows it in its picker, its caption and its hints. */
const platformName = (id: PlatformId) => platformInfo(id).label;

/** A text as a platform's comments spell it: plain ASCII where the platform needs it ("für" as "fuer"). */
const asWritten = (id: PlatformId, text: string) =>
  platformInfo(id).asciiComments ? asciiSpelling(text) : text;

/** The longest start two texts share. */
function commonStart(a: string, b: string): string {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return a.slice(0, length);
}

/**
 * The first line of a snippet, written by the snippet texts of the language (src/lib/firewall/texts.ts,
 * texts-de.ts): "pascom firewall rules for nftables: Cloud (9 rules)."
 */
function snippetTitle(lang: Lang, id: PlatformId, tab: string, rules: number): string {
  const texts = SNIPPET_TEXTS[lang];
  const count = texts.ruleCount({ portRules: rules, rules, split: false, merged: false });
  return asWritten(id, texts.title(texts.platformLabel(platformInfo(id)), tab, count));
}

/**
 * The first line of a snippet whose port rules are written as more rules, one per destination,
 * up to the number written: "pascom firewall rules for iptables (…): Onsite (12 port rules, written as 14 rules, ".
 */
function splitSnippetTitle(lang: Lang, id: PlatformId, tab: string, portRules: number): RegExp {
  const texts = SNIPPET_TEXTS[lang];
  const marker = '\u0000';
  const start = texts.title(texts.platformLabel(platformInfo(id)), tab, marker).split(marker)[0] ?? '';
  const count = (split: boolean, merged: boolean) =>
    texts.ruleCount({ portRules, rules: 999, split, merged });
  return new RegExp(
    escapeRegExp(asWritten(id, start + commonStart(count(true, false), count(false, true)))).replace(
      '999',
      '\\d+',
    ),
  );
}

/** The start of the caption under the picker, whatever its count: "nftables, Cloud: ". */
function captionStart(t: Texts, id: PlatformId, tab: string): RegExp {
  const platform = platformName(id);
  return new RegExp(
    `^${escapeRegExp(commonStart(t('snippets.captionAll', { platform, tab }), t('snippets.captionSome', { platform, tab })))}`,
  );
}

/** The start of the note on an unknown platform in a link: "This link asks for the firewall platform". */
const unknownPlatformStart = (t: Texts) => (t('notice.unknownPlatform').split('{asked}')[0] ?? '').trimEnd();

/** How the links and buttons name a kind of check script: "Linux and macOS (bash)". */
function variantName(lang: Lang, id: CheckVariantId): string {
  const variant = CHECK_VARIANTS.find((candidate) => candidate.id === id)!;
  return CHECK_TEXTS[lang].variantLabel(variant);
}

test.describe('firewall snippet panel', () => {
  test('no platform is assumed; picking one shows its syntax and puts it into the address bar', async ({
    overview,
    snippets,
    page,
    t,
    content,
  }) => {
    // Open the overview with a filter parameter that the panel must keep.
    await overview.open('/?q=sip#cloud');
    await snippets.reach();
    // Nothing is chosen: the code box asks for a platform, and there is nothing to copy.
    await expect(snippets.platform).toHaveValue('');
    await expect(snippets.region.getByText(t('snippets.choosePrompt'))).toBeVisible();
    await expect(snippets.copy).toBeHidden();
    await expect(snippets.download).toBeHidden();
    // The check scripts test the ports whatever the firewall, so they are offered at once.
    await expect(
      snippets.region
        .getByRole('button', { name: new RegExp(`^${textPattern(t('checks.button', { variant: '' }))}`) })
        .first(),
    ).toBeVisible();
    // Pick nftables, for the Cloud tab.
    await snippets.platform.selectOption({ label: platformName('nftables') });
    await expect(snippets.code).toContainText('add chain inet filter pascom');
    await expect(snippets.region.getByText(captionStart(t, 'nftables', content.tab('cloud')))).toBeVisible();
    // Pick MikroTik RouterOS: the snippet switches to RouterOS syntax.
    await snippets.platform.selectOption({ label: platformName('routeros') });
    await expect(snippets.code).toContainText('/ip firewall filter');
    await expect(snippets.code).not.toContainText('add chain inet filter');
    // The address bar names the platform and keeps the filter and the tab.
    const url = new URL(page.url());
    expect(url.searchParams.get('fw')).toBe('routeros');
    expect(url.searchParams.get('q')).toBe('sip');
    expect(url.hash).toBe('#cloud');
    // Interface names matter on RouterOS, so their fields appear with the usual names.
    await expect(snippets.field(t('settings.out.label'))).toBeVisible();
    await expect(
      snippets.region.getByText(
        t('snippets.usualName', { platform: platformName('routeros'), name: 'ether1' }),
      ),
    ).toBeVisible();
    expect(overview.errors).toEqual([]);
  });

  test('the form and its stylesheet arrive with the panel’s script, not with the page', async ({
    overview,
    snippets,
    page,
    t,
  }) => {
    await overview.open('/');
    // Far above the panel, the page carries neither the form nor its stylesheet.
    await expect(snippets.region.getByRole('group')).toHaveCount(0);
    await expect(page.locator('link[rel="stylesheet"][href*="/snippets."]')).toHaveCount(0);
    // Scroll down: the script builds the form and loads the stylesheet once.
    await snippets.reach();
    await expect(page.locator('link[rel="stylesheet"][href*="/snippets."]')).toHaveCount(1);
    // The settings are laid out by that stylesheet: a grid, not fields stacked by default.
    const settings = snippets.region.getByRole('group', { name: t('snippets.personalise') });
    await expect(settings).toHaveCSS('display', 'grid');
    // Every platform is offered, after the empty choice; each field has its hint as its description.
    await expect(snippets.platform.getByRole('option')).toHaveCount(PLATFORM_IDS.length + 1);
    await expect(snippets.field(t('settings.net.label'))).toHaveAccessibleDescription(t('settings.net.hint'));
    // The Cloud tab asks for your network and your instance, not for an onsite server's address.
    await expect(settings.getByRole('textbox')).toHaveCount(2);
    await expect(snippets.field(t('settings.server.label'))).toBeHidden();
    // The Onsite tab asks for the server's address instead of the instance.
    await overview.tab('Onsite').click();
    await expect(snippets.field(t('settings.server.label'))).toBeVisible();
    await expect(snippets.field(t('settings.host.label'))).toBeHidden();
    expect(overview.errors).toEqual([]);
  });

  test('personalising: a valid network reaches the snippet, an invalid one shows an error and does not', async ({
    overview,
    snippets,
    page,
    t,
  }) => {
    await overview.open('/?fw=ufw');
    await snippets.reach();
    const network = snippets.field(t('settings.net.label'));
    // A valid network appears in the rules and in the address bar.
    await network.fill('10.20.0.0/16');
    await expect(snippets.code).toContainText('from 10.20.0.0/16');
    expect(new URL(page.url()).searchParams.get('net')).toBe('10.20.0.0/16');
    // An invalid prefix shows an inline error once the field is left, tied to the field.
    await network.fill('10.20.0.0/33');
    await network.press('Tab');
    await expect(network).toHaveAttribute('aria-invalid', 'true');
    // "Your network: an IPv4 prefix is at most /32."
    const error = t('snippets.fieldError', {
      label: t('settings.net.label'),
      message: t('ip.error.prefixTooLong', { family: 4, bits: 32 }),
    });
    await expect(network).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(error)}`));
    await expect(snippets.region.getByText(t('snippets.leftOutOne'))).toBeVisible();
    // The field leaves the rules and the address: neither the invalid value nor the earlier valid one stays.
    await expect(snippets.code).not.toContainText('10.20.0.0/16');
    await expect(snippets.code).not.toContainText('/33');
    expect(new URL(page.url()).searchParams.has('net')).toBe(false);
    // Correcting the value removes the error at once.
    await network.fill('10.30.0.0/16');
    await expect(network).not.toHaveAttribute('aria-invalid');
    await expect(snippets.code).toContainText('from 10.30.0.0/16');
    expect(overview.errors).toEqual([]);
  });

  test('hostile input is refused in every field and never reaches the snippet', async ({
    overview,
    snippets,
    t,
  }) => {
    await overview.open('/?fw=firewalld#onsite');
    await snippets.reach();
    const before = await snippets.text();
    // The Onsite tab's fields: the instance field does not apply there.
    for (const label of [
      t('settings.net.label'),
      t('settings.server.label'),
      t('settings.in.label'),
      t('settings.out.label'),
    ]) {
      // Type a shell injection into the field and leave it.
      const field = snippets.field(label);
      await field.fill('"; rm -rf /');
      await field.press('Tab');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
    }
    // The snippet is unchanged and contains none of it.
    expect(await snippets.text()).toBe(before);
    await expect(snippets.code).not.toContainText('rm -rf');
    // The Cloud tab's instance field refuses it too.
    await overview.tab('Cloud').click();
    const host = snippets.field(t('settings.host.label'));
    await host.fill('"; rm -rf /');
    await host.press('Tab');
    await expect(host).toHaveAttribute('aria-invalid', 'true');
    await expect(snippets.code).not.toContainText('rm -rf');
    expect(overview.errors).toEqual([]);
  });

  test('the instance name and the onsite server address appear in the rules', async ({
    overview,
    snippets,
    t,
  }) => {
    await overview.open('/?fw=nftables');
    await snippets.reach();
    // Give the instance name: the placeholder instance disappears from the Cloud rules.
    await snippets.field(t('settings.host.label')).fill('acme');
    await expect(snippets.code).toContainText('acme.pascom.cloud');
    await expect(snippets.code).not.toContainText('your-instance.pascom.cloud');
    // Switch to Onsite and give the server address: the inbound rules target it.
    await overview.tab('Onsite').click();
    await snippets.field(t('settings.server.label')).fill('10.1.0.5');
    await expect(snippets.code).toContainText('10.1.0.5');
  });

  test('switching to the Onsite tab turns the snippet into that tab’s inbound rules', async ({
    overview,
    snippets,
    lang,
    t,
    content,
  }) => {
    const texts = SNIPPET_TEXTS[lang];
    // Rules name their direction in brackets: "(inbound)".
    const inbound = `(${texts.direction.inbound})`;
    await overview.open('/?fw=iptables');
    await snippets.reach();
    await expect(snippets.code).toContainText(snippetTitle(lang, 'iptables', content.tab('cloud'), 9));
    await expect(snippets.code).not.toContainText(inbound);
    // Click the Onsite tab above the tables.
    await overview.tab('Onsite').click();
    await expect(snippets.code).toContainText(splitSnippetTitle(lang, 'iptables', content.tab('onsite'), 12));
    await expect(snippets.code).toContainText(inbound);
    // "NAT: inbound rules let devices on the internet reach your pascom server".
    await expect(snippets.code).toContainText(
      asWritten('iptables', texts.inboundNat('').split(';')[0] ?? ''),
    );
    await expect(
      snippets.region.getByText(
        t('snippets.captionAll', {
          platform: platformName('iptables'),
          tab: content.tab('onsite'),
          total: 12,
        }),
      ),
    ).toBeVisible();
  });

  test('a filter event narrows the snippet to exactly the rules it lists', async ({
    overview,
    snippets,
    page,
    lang,
    t,
    content,
  }) => {
    const cloud = content.tab('cloud');
    await overview.open('/?fw=nftables');
    await snippets.reach();
    await expect(snippets.code).toContainText('pascom vpn-tunnel');
    // Announce a filter leaving two Cloud rules, as <pf-filter> does.
    await page.evaluate(
      (name) =>
        document.dispatchEvent(
          new CustomEvent(name, {
            bubbles: true,
            detail: { deployment: 'cloud', ruleIds: ['sip-tls', 'rtp-voice'], deviceIds: [] },
          }),
        ),
      EVENTS.filterChange,
    );
    await expect(snippets.code).toContainText(snippetTitle(lang, 'nftables', cloud, 2));
    const ids = [...(await snippets.text()).matchAll(/pascom ([a-z0-9-]+):/g)].map((match) => match[1]);
    expect(new Set(ids)).toEqual(new Set(['sip-tls', 'rtp-voice']));
    await expect(
      snippets.region.getByText(
        t('snippets.captionSome', { platform: platformName('nftables'), tab: cloud, shown: 2, total: 9 }),
      ),
    ).toBeVisible();
    // A filter that leaves nothing says so instead of offering empty rules to copy.
    await page.evaluate(
      (name) =>
        document.dispatchEvent(
          new CustomEvent(name, {
            bubbles: true,
            detail: { deployment: 'cloud', ruleIds: [], deviceIds: [] },
          }),
        ),
      EVENTS.filterChange,
    );
    await expect(snippets.code).toContainText(t('snippets.nothingMatches', { tab: cloud }));
    await expect(snippets.copy).toBeHidden();
    // A malformed event is ignored without errors.
    await page.evaluate(
      (name) =>
        document.dispatchEvent(new CustomEvent(name, { detail: { deployment: 'x', ruleIds: 'all' } })),
      EVENTS.filterChange,
    );
    expect(overview.errors).toEqual([]);
  });

  test('Copy puts exactly the shown snippet on the clipboard and confirms it', async ({
    overview,
    snippets,
    page,
    context,
    t,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await overview.open('/?fw=pf&net=10.1.0.0%2F16');
    await snippets.reach();
    await expect(snippets.code).toContainText('from 10.1.0.0/16');
    // Press Copy.
    await snippets.copy.click();
    // The confirmation is visible and sits in a polite live region.
    const status = snippets.region.getByRole('status').filter({ hasText: t('copy.copied') });
    await expect(status).toBeVisible();
    await expect(status).toHaveText(t('copy.copied'));
    // The clipboard holds the snippet exactly as displayed.
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(await snippets.text());
    expect(clipboard).toContain('pass quick');
  });

  test('Download saves the shown snippet under the platform’s file name', async ({
    overview,
    snippets,
    lang,
    t,
    content,
  }) => {
    await overview.open('/?fw=cisco-asa&host=acme#onsite');
    await snippets.reach();
    await expect(snippets.code).toContainText(
      splitSnippetTitle(lang, 'cisco-asa', content.tab('onsite'), 12),
    );
    // The button names the file it saves.
    await expect(snippets.download).toHaveAccessibleName(
      t('snippets.downloadFile', { file: 'pascom-onsite-cisco-asa.txt' }),
    );
    // Press Download and read the file.
    const downloadPromise = snippets.page.waitForEvent('download');
    await snippets.download.click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('pascom-onsite-cisco-asa.txt');
    const saved = await readFile(await download.path(), 'utf8');
    expect(saved).toBe(await snippets.text());
    expect(saved).toContain('access-list');
  });

  test('Check script saves a check script for the rules shown and the personalisation', async ({
    overview,
    snippets,
    lang,
    t,
    at,
  }) => {
    // Open the Cloud tab filtered to the IP phone's rules, with the reader's instance.
    await overview.open('/?fw=nftables&device=phone&host=acme#cloud');
    await snippets.reach();
    // "nftables, Cloud: 4 of 9 rules".
    await expect(
      snippets.region.getByText(
        new RegExp(`${textPattern(t('snippets.captionSome', { shown: 4, total: 9 }))}$`),
      ),
    ).toBeVisible();
    // Press the Linux and macOS check script and read the file.
    const downloadPromise = snippets.page.waitForEvent('download');
    await snippets.region
      .getByRole('button', { name: t('checks.button', { variant: variantName(lang, 'linux-macos') }) })
      .click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('pascom-check-cloud.sh');
    const content = await readFile(await download.path(), 'utf8');
    // It tests the phone's rules only, against the instance given, and says what it cannot test.
    expect(content).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(content).toContain("target=${address:-'acme.pascom.cloud'}");
    expect(content).toContain("check 'phone-provisioning' 8884/tcp tcp");
    expect(content).not.toContain("check 'chat-xmpp'");
    expect(content).toContain('  rtp-voice 30000-35000/udp: ');
    // Its advice links to this site's rule pages, in the page's language: "; see https://…/rules/sip-tls/".
    const ruleUrl = `${new URL(snippets.page.url()).origin}${at('/rules/sip-tls/')}`;
    expect(content).toContain(CHECK_TEXTS[lang].openOutbound('', ruleUrl).split('{host}')[1]);
    // The Windows button saves the PowerShell script of the same rules.
    const windowsPromise = snippets.page.waitForEvent('download');
    await snippets.region
      .getByRole('button', { name: t('checks.button', { variant: variantName(lang, 'windows') }) })
      .click();
    const windows = await windowsPromise;
    expect(windows.suggestedFilename()).toBe('pascom-check-cloud.ps1');
    expect(await readFile(await windows.path(), 'utf8')).toContain("Invoke-Check 'phone-provisioning'");
  });

  test('the first command is in view, the notes fold, and the panel names what is missing and the instance', async ({
    overview,
    snippets,
    page,
    context,
    t,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Record every instance the page announces, from the start.
    await page.addInitScript((name) => {
      const seen: unknown[] = [];
      Object.assign(window, { instances: seen });
      document.addEventListener(name, (event) => seen.push((event as CustomEvent).detail));
    }, EVENTS.instanceChange);
    await overview.open('/?fw=nftables&host=acme');
    await snippets.reach();
    await expect(snippets.code).toContainText('add table inet filter');
    // The link's instance was announced from the start (by the overview's targets until the panel
    // starts, then by the panel), and never anything else.
    const announced = await page.evaluate(() => (window as unknown as { instances: unknown[] }).instances);
    expect(announced.length).toBeGreaterThan(0);
    expect(new Set(announced.map((detail) => JSON.stringify(detail)))).toEqual(
      new Set([JSON.stringify({ host: 'acme.pascom.cloud' })]),
    );
    // The first command sits inside the code box without scrolling it: the notes are folded away.
    const inView = await snippets.code.evaluate((pre) => {
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('add table inet filter') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 5);
        return range.getBoundingClientRect().bottom <= pre.getBoundingClientRect().bottom;
      }
      return false;
    });
    expect(inView).toBe(true);
    const toggle = snippets.region.getByRole('button', { name: /^Show notes|^Hinweise zeigen/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // nftables cannot allow by name: the panel says which addresses to fill in, beside Copy.
    const missing = snippets.region.getByText(t('snippets.missing', { list: '' }).split(':')[0]!);
    await expect(missing).toContainText('mypascom.net');
    // Unfold the notes: they show, and the control says it folds them again.
    await toggle.click();
    await expect(
      snippets.region.getByRole('button', { name: /^Hide notes|^Hinweise ausblenden/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    await expect(
      snippets.region.getByText(
        /^# pascom (?:firewall rules|Firewall-Regeln) for|^# pascom Firewall-Regeln für/,
      ),
    ).toBeVisible();
    // Copy gives the whole file, notes included, and confirms it.
    await snippets.copy.click();
    const status = snippets.region.getByRole('status').filter({ hasText: t('copy.copied') });
    await expect(status).toBeVisible();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(await snippets.text());
    expect(clipboard.startsWith('# ')).toBe(true);
    // Any change to the rules clears "Copied" at once; the new instance is announced.
    await snippets.field(t('settings.host.label')).fill('bravo');
    await expect(snippets.code).toContainText('bravo.pascom.cloud');
    await expect(snippets.region.getByText(t('copy.copied'))).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { instances: unknown[] }).instances),
    ).toContainEqual({
      host: 'bravo.pascom.cloud',
    });
    // Emptying the field announces that there is no instance.
    await snippets.field(t('settings.host.label')).fill('');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { instances: unknown[] }).instances.at(-1)))
      .toEqual({ host: undefined });
    await expect(missing).toContainText(t('snippets.missingInstance'));
    expect(overview.errors).toEqual([]);
  });

  test('the download extension comes from the platform registry', async ({ overview, snippets, t }) => {
    await overview.open('/?fw=nftables');
    await snippets.reach();
    await expect(snippets.download).toHaveAccessibleName(
      t('snippets.downloadFile', { file: 'pascom-cloud-nftables.nft' }),
    );
  });

  test('reloading the URL restores platform and settings; the URL wins over the remembered platform', async ({
    overview,
    snippets,
    page,
    t,
  }) => {
    await overview.open('/');
    await snippets.reach();
    // Pick FortiGate and personalise.
    await snippets.platform.selectOption('fortigate');
    await snippets.field(t('settings.net.label')).fill('192.168.10.0/24');
    await snippets.field(t('settings.out.label')).fill('port1');
    await expect(snippets.code).toContainText('set dstintf "port1"');
    // Reload: everything comes back from the URL.
    await page.reload();
    await snippets.reach();
    await expect(snippets.platform).toHaveValue('fortigate');
    await expect(snippets.field(t('settings.net.label'))).toHaveValue('192.168.10.0/24');
    await expect(snippets.field(t('settings.out.label'))).toHaveValue('port1');
    await expect(snippets.code).toContainText('set dstintf "port1"');
    await expect(snippets.code).toContainText('set subnet 192.168.10.0/24');
    // Without fw in the URL, the remembered platform (FortiGate) comes back.
    await overview.open('/');
    await snippets.reach();
    await expect(snippets.platform).toHaveValue('fortigate');
    // A link naming another platform wins over the remembered one.
    await overview.open('/?fw=windows');
    await snippets.reach();
    await expect(snippets.platform).toHaveValue('windows');
    await expect(snippets.code).toContainText('New-NetFirewallRule');
  });

  test('typing past a valid name into a bad one takes the field out of the rules and the address', async ({
    overview,
    snippets,
    page,
    t,
  }) => {
    await overview.open('/?fw=fortigate');
    await snippets.reach();
    const inside = snippets.field(t('settings.in.label'));
    // Type a name character by character, as a reader does; "eth0" is valid on the way.
    await inside.pressSequentially('eth0');
    await expect(snippets.code).toContainText('"eth0"');
    await inside.pressSequentially(';poweroff');
    await inside.press('Tab');
    await expect(inside).toHaveAttribute('aria-invalid', 'true');
    // Neither the bad name nor its valid beginning is in the rules or the address.
    await expect(snippets.code).not.toContainText('eth0');
    await expect(snippets.code).not.toContainText('poweroff');
    expect(new URL(page.url()).searchParams.has('in')).toBe(false);
    expect(overview.errors).toEqual([]);
  });

  test('a link value with a line break is shown with its error, not joined into a valid one', async ({
    overview,
    snippets,
    page,
    t,
  }) => {
    await overview.open('/?fw=fortigate&server=10.0.0.1%0A0&in=eth0%0Areboot#onsite');
    await snippets.reach();
    // Each value stands in its field with the break written out, marked with its error.
    const server = snippets.field(t('settings.server.label'));
    const inside = snippets.field(t('settings.in.label'));
    await expect(server).toHaveValue('10.0.0.1[U+000A]0');
    await expect(server).toHaveAttribute('aria-invalid', 'true');
    // "Onsite pascom server address: has a line break (U+000A) after character 8; …".
    const lineBreak = t('snippets.fieldError', {
      label: t('settings.server.label'),
      message: t('settings.error.lineBreak', { character: 'U+000A' }),
    });
    await expect(server).toHaveAccessibleDescription(new RegExp(`^${textPattern(lineBreak)}`));
    await expect(inside).toHaveValue('eth0[U+000A]reboot');
    await expect(inside).toHaveAttribute('aria-invalid', 'true');
    await expect(snippets.region.getByText(t('snippets.leftOutMany'))).toBeVisible();
    // Nothing joined reaches the rules or the address.
    await expect(snippets.code).toContainText('FortiGate');
    for (const joined of ['10.0.0.10', '10.0.0.1', 'eth0reboot', 'eth0']) {
      await expect(snippets.code).not.toContainText(joined);
    }
    expect(new URL(page.url()).searchParams.get('server')).toBe('10.0.0.1\n0');
    expect(overview.errors).toEqual([]);
  });

  test('garbled parameters are shown with what is wrong and never reach the snippet', async ({
    overview,
    snippets,
    t,
  }) => {
    await overview.open('/?fw=%3Cimg%20src%3Dx%3E&net=%E0%A4%A&host=%22%3B%20rm%20-rf%20%2F&in=%00#cloud');
    await snippets.reach();
    // The unknown platform is named, as text, and no other is assumed in its place.
    await expect(snippets.platform).toHaveValue('');
    const note = snippets.region.getByText(unknownPlatformStart(t));
    await expect(note).toHaveText(t('notice.unknownPlatformNone', { asked: '“<img src=x>”' }));
    await expect(snippets.region.locator('img')).toHaveCount(0);
    // The settings stand in their fields, marked invalid, as if typed.
    await expect(snippets.field(t('settings.net.label'))).toHaveValue('\uFFFD%A');
    await expect(snippets.field(t('settings.net.label'))).toHaveAttribute('aria-invalid', 'true');
    await expect(snippets.field(t('settings.host.label'))).toHaveValue('"; rm -rf /');
    await expect(snippets.field(t('settings.host.label'))).toHaveAttribute('aria-invalid', 'true');
    await expect(snippets.region.getByText(t('snippets.leftOutMany'))).toBeVisible();
    // Picking a platform answers the note; the snippet has none of the link's values.
    await snippets.platform.selectOption('pf');
    await expect(note).toHaveCount(0);
    await expect(snippets.code).toContainText(/pascom (?:firewall rules for|Firewall-Regeln für)/);
    await expect(snippets.code).not.toContainText('rm -rf');
    expect(overview.errors).toEqual([]);
  });

  test('keyboard: the controls and the code block are reachable with Tab', async ({
    overview,
    snippets,
    page,
    t,
  }) => {
    await overview.open('/?fw=nftables');
    await snippets.reach();
    // Focus the platform picker and change it with the keyboard.
    await snippets.platform.focus();
    await page.keyboard.press('ArrowDown');
    await expect(snippets.platform).toHaveValue('iptables');
    // Tab on to the network field.
    await page.keyboard.press('Tab');
    await expect(snippets.field(t('settings.net.label'))).toBeFocused();
    // The code block can take focus so it can be scrolled with the keys.
    await snippets.code.focus();
    await expect(snippets.code).toBeFocused();
    await expect(snippets.code).toHaveAttribute('tabindex', '0');
  });
});

test.describe('snippet panel accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} mode`, () => {
      test.use({ colorScheme: scheme });

      test('axe finds no WCAG 2.2 AA violations with a snippet and an error shown', async ({
        overview,
        snippets,
        page,
        t,
      }) => {
        // The link names an unknown platform, so the note on it is checked too.
        await overview.open('/?fw=toaster');
        await snippets.reach();
        await expect(snippets.region.getByText(unknownPlatformStart(t))).toBeVisible();
        await snippets.platform.selectOption('nftables');
        await expect(snippets.code).toContainText('add table inet filter');
        // Show an inline error, so its colours are checked too.
        await snippets.field(t('settings.net.label')).fill('nonsense');
        await snippets.field(t('settings.net.label')).press('Tab');
        await expect(snippets.field(t('settings.net.label'))).toHaveAttribute('aria-invalid', 'true');
        const results = await new AxeBuilder({ page })
          .include('.pf-snippets')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) })),
        ).toEqual([]);
      });
    });
  }
});

test.describe('snippet panel on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the page does not scroll sideways; the code block scrolls inside itself', async ({
    overview,
    snippets,
    page,
  }) => {
    await overview.open('/?fw=opnsense');
    await snippets.reach();
    await expect(snippets.code).toContainText('api alias/addItem');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const overflows = await snippets.code.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(overflows).toBe(true);
  });
});

test.describe('snippet panel without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('links to the published snippet files and shows no dead controls', async ({
    page,
    lang,
    t,
    content,
    at,
  }) => {
    await page.goto(at('/'));
    const panel = page.getByRole('region', { name: t('snippets.heading') });
    // Its first sentence: "Ready-to-paste rules for 19 firewalls."
    const lead = t('snippets.lead', { count: PLATFORM_IDS.length });
    await expect(
      panel.getByText(new RegExp(`^${escapeRegExp(lead.slice(0, lead.indexOf('. ') + 1))}`)),
    ).toBeVisible();
    // No picker, no fields, no buttons.
    await expect(panel.getByRole('combobox')).toHaveCount(0);
    await expect(panel.getByRole('textbox')).toHaveCount(0);
    await expect(panel.getByRole('button')).toHaveCount(0);
    // Not even hidden ones: the page carries no form or code block that only a script could bring to life.
    await expect(panel.locator('form, select, input, button, pre, [hidden]')).toHaveCount(0);
    // A link leads to the check scripts on the page of all files.
    await expect(panel.getByRole('link', { name: t('checks.filesLink') })).toHaveAttribute(
      'href',
      at('/snippets/#check-scripts'),
    );
    // A link leads to the page of all files.
    await panel.getByRole('link', { name: t('snippets.filesLink') }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(at('/snippets/'))}$`));
    // One list of links per tab, one link per platform, to the published files.
    for (const deployment of ['cloud', 'onsite'] as const) {
      const name = content.tab(deployment);
      const list = page.getByRole('list', { name, exact: true });
      await expect(list.getByRole('link')).toHaveCount(PLATFORM_IDS.length);
      await expect(list.getByRole('link', { name: platformName('nftables'), exact: true })).toHaveAttribute(
        'href',
        at(`/snippets/${deployment}/nftables.txt`),
      );
      // And the tab's check scripts, one per kind of machine.
      const checks = page.getByRole('list', { name: `${t('checks.heading')} ${name}`, exact: true });
      await expect(checks.getByRole('link', { name: variantName(lang, 'linux-macos') })).toHaveAttribute(
        'href',
        at(`/checks/${deployment}/linux-macos.sh`),
      );
      await expect(checks.getByRole('link', { name: variantName(lang, 'windows') })).toHaveAttribute(
        'href',
        at(`/checks/${deployment}/windows.ps1`),
      );
    }
    // A listed file is really there, written in the page's language.
    const response = await page.request.get(at('/snippets/onsite/pf.txt'));
    expect(response.ok()).toBe(true);
    // "pascom firewall rules for pf (OpenBSD, FreeBSD): Onsite".
    const texts = SNIPPET_TEXTS[lang];
    const pfTitle = texts.title(texts.platformLabel(platformInfo('pf')), content.tab('onsite'), '');
    expect(await response.text()).toContain(asWritten('pf', pfTitle.slice(0, pfTitle.lastIndexOf(' ('))));
    // So is a listed check script, for the server and for outside.
    const script = await page.request.get(at('/checks/onsite/linux-macos.sh'));
    expect(script.ok()).toBe(true);
    expect(await script.text()).toContain('#   bash pascom-check-onsite.sh inbound ADDRESS');
  });
});
