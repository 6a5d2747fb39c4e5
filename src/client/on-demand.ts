import { listen, type EventName } from './events';

/**
 * The one way the overview loads code on demand. A feature's element starts
 * with the page; the larger part of its code (the filter, the snippet form, the
 * code that follows URL fragments) is a module imported only when a reader
 * needs it. `onDemand` wraps that import: it runs once, every caller shares it,
 * and a failed load (offline, say) resolves to undefined instead of throwing,
 * so the page stays as the HTML left it. The triggers below say when.
 */
export interface OnDemand<T> {
  /** Starts the load if it has not started, and resolves with the module, or undefined if it failed. */
  load(): Promise<T | undefined>;
  /** True once the module has arrived. */
  readonly loaded: boolean;
}

export function onDemand<T>(importModule: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T | undefined> | undefined;
  let loaded = false;
  return {
    load() {
      pending ??= importModule().then(
        (module) => {
          loaded = true;
          return module;
        },
        () => undefined,
      );
      return pending;
    },
    get loaded() {
      return loaded;
    },
  };
}

/** Loads the module the first time one of these events reaches the element. */
export function loadOnEvents(element: Element, types: readonly string[], module: OnDemand<unknown>): void {
  const controller = new AbortController();
  for (const type of types) {
    element.addEventListener(
      type,
      () => {
        controller.abort();
        void module.load();
      },
      { signal: controller.signal },
    );
  }
}

/**
 * Loads the module once the element comes within half a screen of the
 * viewport, so readers who never scroll there fetch nothing. Without
 * IntersectionObserver it loads at once.
 */
export function loadNearViewport(element: Element, module: OnDemand<unknown>): void {
  if (!('IntersectionObserver' in window)) {
    void module.load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void module.load();
    },
    { rootMargin: '50% 0px' },
  );
  observer.observe(element);
}

/**
 * Loads the module when the event is first announced, or at once if it already
 * was: for code that only reacts to another element's state.
 */
export function loadOnAnnouncement(name: EventName, module: OnDemand<unknown>): void {
  const controller = new AbortController();
  listen(
    name,
    () => {
      controller.abort();
      void module.load();
    },
    { replay: true, signal: controller.signal },
  );
}
