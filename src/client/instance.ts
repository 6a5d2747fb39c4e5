import { parseSettings } from '../lib/firewall/settings';
import { instanceName } from '../lib/ui/instance-target';
import { announce, EVENTS, latest, listen } from './events';

/**
 * Writes the reader's instance into the Cloud targets: from the address's `host` at start (the
 * same validation as the snippet panel's field), then whatever the panel announces. An invalid
 * or missing host shows the placeholder again, so a bad link never shows a wrong target.
 */
const targets = [...document.querySelectorAll<HTMLElement>('[data-instance-domain]')].map((element) => ({
  element,
  domain: element.dataset.instanceDomain ?? '',
  placeholder: element.textContent,
}));

function show(host: string | undefined): void {
  for (const { element, domain, placeholder } of targets) {
    const name = instanceName(host, domain);
    element.textContent = name ?? placeholder;
    element.classList.toggle('pf-instance-given', name !== undefined);
  }
}

const parsed = parseSettings({ host: new URLSearchParams(window.location.search).get('host') ?? '' });
const fromAddress = parsed.ok ? parsed.settings.instanceHost : undefined;
show(fromAddress);
// The snippet panel builds its form only when the reader scrolls near it; until then the
// address's instance is announced from here, so the diagrams name it from the start too.
if (fromAddress !== undefined && latest(EVENTS.instanceChange) === undefined) {
  announce(EVENTS.instanceChange, { host: fromAddress });
}
listen(EVENTS.instanceChange, (detail) => show(detail.host), { replay: true });
