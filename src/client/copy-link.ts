/**
 * `<pf-copy-link>`: a "Copy link" button for the address in its `data-href`,
 * or, with `data-copy-from`, a "Copy" button for the text of the element with
 * that id (the firewall snippet). The server renders the element empty, so
 * without JavaScript there is no dead button; the row or tab stays reachable
 * through its plain link. The element keeps its own status line, which shows
 * and announces the result. Its texts, in the page's language, come with it:
 * `data-label`, `data-copied`, and `data-failed`, where "{url}" stands for the link.
 */
const CONFIRMATION_MS = 4000;

// A chain-link symbol drawn like the device icons: 24×24 grid, current colour.
const LINK_ICON =
  '<svg class="pf-copy-icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6"/><path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4L12 18.4"/></svg>';
// Two overlapping sheets, for copying text rather than a link.
const COPY_ICON =
  '<svg class="pf-copy-icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h8"/></svg>';

class CopyLink extends HTMLElement {
  #status: HTMLElement | undefined;
  #timer: number | undefined;

  connectedCallback(): void {
    if (this.#status) return;
    const label = this.dataset.label ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pf-copy-button';
    button.innerHTML = this.dataset.copyFrom === undefined ? LINK_ICON : COPY_ICON;
    const text = document.createElement('span');
    text.className = 'pf-copy-text';
    text.textContent = label;
    button.append(text);
    const status = document.createElement('span');
    status.className = 'pf-copy-status';
    status.setAttribute('role', 'status');
    this.append(button, status);
    this.#status = status;
    button.addEventListener('click', () => void this.#copy());
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#timer);
  }

  async #copy(): Promise<void> {
    const source = this.dataset.copyFrom;
    if (source !== undefined) {
      const text = document.getElementById(source)?.textContent ?? '';
      await this.#write(text, this.dataset.copied ?? '', this.dataset.failed ?? '');
      return;
    }
    const url = new URL(this.dataset.href ?? '', document.baseURI).href;
    await this.#write(url, this.dataset.copied ?? '', (this.dataset.failed ?? '').replace('{url}', url));
  }

  async #write(text: string, copied: string, failed: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.#show(copied, true);
    } catch {
      // Without clipboard access (old browser, denied permission) the reader can still copy by hand.
      this.#show(failed, false);
    }
  }

  #show(message: string, fades: boolean): void {
    const status = this.#status;
    if (!status) return;
    status.textContent = message;
    this.dataset.state = fades ? 'copied' : 'failed';
    window.clearTimeout(this.#timer);
    if (!fades) return;
    this.#timer = window.setTimeout(() => {
      status.textContent = '';
      delete this.dataset.state;
    }, CONFIRMATION_MS);
  }
}

if (!customElements.get('pf-copy-link')) customElements.define('pf-copy-link', CopyLink);
