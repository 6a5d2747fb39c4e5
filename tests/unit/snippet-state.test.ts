import { describe, expect, test } from 'vitest';
import {
  applicableFields,
  parseSnippetState,
  updateField,
  usesInterfaceNames,
  validFields,
  serialiseSnippetState,
} from '../../src/lib/url/snippet-state';
import { MAX_FIELD_LENGTH } from '../../src/lib/url/params';
import type { SettingsForm } from '../../src/lib/firewall/settings';
import { formatError, UI_TEXTS_EN } from '../../src/lib/texts';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { loadContent } from './helpers/load-content';

describe('parseSnippetState', () => {
  test('an empty URL and nothing remembered assume no platform: the reader chooses', () => {
    expect(parseSnippetState('', null)).toEqual({ platform: undefined, form: {} });
  });

  test('the URL names the platform and the settings', () => {
    expect(
      parseSnippetState(
        '?fw=pf&net=10.1.0.0%2F16&host=acme.pascom.cloud&server=10.1.0.5&in=em1&out=em0',
        null,
      ),
    ).toEqual({
      platform: 'pf',
      form: { net: '10.1.0.0/16', host: 'acme.pascom.cloud', server: '10.1.0.5', in: 'em1', out: 'em0' },
    });
  });

  test('the URL wins over the remembered platform', () => {
    expect(parseSnippetState('?fw=cisco-asa', 'routeros').platform).toBe('cisco-asa');
  });

  test('the remembered platform applies when the URL names none or an unknown one', () => {
    expect(parseSnippetState('', 'routeros').platform).toBe('routeros');
    expect(parseSnippetState('?fw=checkpoint', 'routeros').platform).toBe('routeros');
  });

  test('unknown platforms, remembered or linked, leave the choice to the reader', () => {
    expect(parseSnippetState('?fw=%3Cscript%3E', 'not-a-platform').platform).toBeUndefined();
    expect(parseSnippetState('?fw=__proto__', '__proto__').platform).toBeUndefined();
  });

  test('garbled and hostile settings are dropped, valid ones next to them kept', () => {
    const state = parseSnippetState(
      `?net=10.0.0.0%2F33&host=%22%3B%20rm%20-rf%20%2F&server=10.1.0.5&in=${'a'.repeat(40)}&out=wan&extra=1`,
      null,
    );
    expect(state.form).toEqual({ server: '10.1.0.5', out: 'wan' });
  });

  test('badly encoded query text does not throw', () => {
    expect(() => parseSnippetState('?fw=%E0%A4%A&net=%', null)).not.toThrow();
    expect(parseSnippetState('?fw=%E0%A4%A&net=%', null).form).toEqual({});
  });

  test('values longer than any real setting are ignored', () => {
    const long = `10.1.0.0/16${' '.repeat(MAX_FIELD_LENGTH)}`;
    expect(parseSnippetState(`?net=${encodeURIComponent(long)}x`, null).form).toEqual({});
  });
});

describe('serialiseSnippetState', () => {
  test('no platform chosen: the link names none, and drops a stale one', () => {
    expect(serialiseSnippetState('?fw=pf&device=phone', { platform: undefined, form: {} })).toBe(
      '?device=phone',
    );
  });

  test('writes the platform and the non-empty settings', () => {
    expect(
      serialiseSnippetState('', { platform: 'ufw', form: { net: '10.1.0.0/16', host: ' ', server: '' } }),
    ).toBe('?fw=ufw&net=10.1.0.0%2F16');
  });

  test('keeps the filter parameters and unknown ones, in place', () => {
    expect(
      serialiseSnippetState('?device=phone&device=mobile&protocol=udp&direction=outbound&q=sip&utm=x', {
        platform: 'pf',
        form: { in: 'em1' },
      }),
    ).toBe('?device=phone&device=mobile&protocol=udp&direction=outbound&q=sip&utm=x&fw=pf&in=em1');
  });

  test('replaces earlier values and removes settings that were cleared', () => {
    expect(
      serialiseSnippetState('?fw=pf&net=10.0.0.0%2F8&host=acme&q=ntp', {
        platform: 'vyos',
        form: { host: 'beta' },
      }),
    ).toBe('?fw=vyos&host=beta&q=ntp');
  });

  test('reading what was written gives the same state back', () => {
    const state = {
      platform: 'fortigate' as const,
      form: {
        net: '10.1.0.0/16, 2001:db8::/48',
        host: 'acme.pascom.cloud',
        server: '2001:db8::5',
        out: 'wan1',
      },
    };
    expect(parseSnippetState(serialiseSnippetState('?device=phone', state), null)).toEqual(state);
  });
});

describe('updateField', () => {
  test('a valid value replaces the field', () => {
    expect(updateField({ host: 'acme' }, 'net', ' 10.1.0.0/16 ')).toEqual({
      ok: true,
      form: { host: 'acme', net: '10.1.0.0/16' },
    });
  });

  test('an empty value clears the field', () => {
    expect(updateField({ net: '10.1.0.0/16', host: 'acme' }, 'net', '   ')).toEqual({
      ok: true,
      form: { host: 'acme' },
    });
  });

  test.each([
    ['net', '10.1.0.0/33'],
    ['net', '"; rm -rf /'],
    ['host', '"; rm -rf /'],
    ['host', 'acme.example.com'],
    ['server', 'pbx.example.com'],
    ['in', '"; rm -rf /'],
    ['out', 'eth0; reboot'],
  ] as const)('%s = %j is refused with a message, and the other settings stay', (field, value) => {
    const form = { net: '10.1.0.0/16', host: 'acme' };
    const update = updateField(form, field, value);
    expect(update.ok).toBe(false);
    if (!update.ok) expect(formatError(UI_TEXTS_EN, update.error)).toMatch(/\w{3,}/);
    expect(form).toEqual({ net: '10.1.0.0/16', host: 'acme' });
    const { [field]: _dropped, ...others } = form as Record<string, string>;
    expect(update.form).toEqual(others);
  });

  test('typing past a valid prefix into a bad value takes the field out of the rules and the address', () => {
    let form: SettingsForm = {};
    let search = '?fw=fortigate';
    for (const typed of ['e', 'eth', 'eth0', 'eth0;', 'eth0;reboot']) {
      const update = updateField(form, 'in', typed);
      form = update.form;
      search = serialiseSnippetState(search, { platform: 'fortigate', form });
    }
    expect(form).toEqual({});
    expect(new URLSearchParams(search).has('in')).toBe(false);
    expect(parseSnippetState(search, null).form).toEqual({});
  });

  test('an overlong value is refused without validating it, and leaves the rules', () => {
    const update = updateField({ host: 'acme' }, 'host', 'a'.repeat(MAX_FIELD_LENGTH + 1));
    expect(update.ok).toBe(false);
    expect(update.form).toEqual({});
    if (!update.ok) {
      expect(formatError(UI_TEXTS_EN, update.error)).toBe(`is longer than ${MAX_FIELD_LENGTH} characters`);
    }
  });
});

describe('validFields', () => {
  test('keeps only fields that validate on their own', () => {
    expect(validFields({ net: 'nonsense', host: 'acme', in: '' })).toEqual({ host: 'acme' });
  });
});

describe('usesInterfaceNames', () => {
  test('zone-based firewalls use them, host firewalls do not', () => {
    expect(usesInterfaceNames('fortigate')).toBe(true);
    expect(usesInterfaceNames('routeros')).toBe(true);
    // pf rules name no interface, so its snippet asks for none.
    expect(usesInterfaceNames('pf')).toBe(false);
    expect(usesInterfaceNames('nftables')).toBe(false);
    expect(usesInterfaceNames('windows')).toBe(false);
  });
});

describe('applicableFields', () => {
  const data = loadContent();
  const [cloud, onsite] = data.deployments.map((view) => toSnippetInput(view));

  test('Cloud asks for the network and the instance, never for a server address', () => {
    expect(applicableFields(cloud, 'nftables')).toEqual(['net', 'host']);
  });

  test('Onsite asks for the network and the server address, not for an instance', () => {
    expect(applicableFields(onsite, 'nftables')).toEqual(['net', 'server']);
  });

  test('interface names only once a platform whose rules name them is chosen', () => {
    expect(applicableFields(cloud, undefined)).toEqual(['net', 'host']);
    expect(applicableFields(onsite, 'fortigate')).toEqual(['net', 'server', 'in', 'out']);
  });
});
