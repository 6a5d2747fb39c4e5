/**
 * Starts `<pf-snippets>` when it is needed. The panel sits below the tables, and
 * its code (the form, settings validation, platform registry, styles) is the
 * page's largest script. It loads once the panel nears the viewport, so the first
 * load stays light and readers who never scroll down fetch nothing; each
 * generator then loads on demand.
 */
const panel = document.querySelector('pf-snippets');
const load = () => void import('./firewall-snippets');

if (panel && !('IntersectionObserver' in window)) {
  load();
} else if (panel) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: '50% 0px' },
  );
  observer.observe(panel);
}
