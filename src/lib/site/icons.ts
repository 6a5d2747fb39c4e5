import type { IconName } from '../../schemas/registries';

/**
 * Inner markup of each icon, drawn on a 24×24 grid with strokes in the current
 * text colour, so icons follow light and dark mode without extra CSS.
 */
export const ICON_SHAPES: Record<IconName, string> = {
  server:
    '<rect x="3" y="3" width="18" height="7" rx="1.5"/><rect x="3" y="14" width="18" height="7" rx="1.5"/><path d="M7 6.5h.01M7 17.5h.01M11 6.5h6M11 17.5h6"/>',
  desktop: '<rect x="2.5" y="3.5" width="19" height="13" rx="1.5"/><path d="M8.5 21h7M12 16.5V21"/>',
  mobile: '<rect x="6.5" y="2" width="11" height="20" rx="2"/><path d="M11 18.5h2"/>',
  phone:
    '<path d="M4 9.5C4 6 7.6 4 12 4s8 2 8 5.5l-3 1-1.5-2.5h-7L7 10.5z"/><rect x="5" y="12.5" width="14" height="8.5" rx="1.5"/><path d="M9 15.5h.01M12 15.5h.01M15 15.5h.01M9 18h.01M12 18h.01M15 18h.01"/>',
  web: '<rect x="2.5" y="4" width="19" height="16" rx="1.5"/><path d="M2.5 8.5h19M6 6.25h.01M8.5 6.25h.01"/><path d="m9.5 12 2.5 2.5-2.5 2.5M13.5 17h3"/>',
};

/**
 * How every icon's strokes are drawn, on the 24×24 grid of {@link ICON_SHAPES}.
 * IconSprite.astro draws the page's icons with these, and the standalone diagram
 * files inline the same shapes with them, so an icon looks the same everywhere.
 */
export const ICON_STROKE = {
  fill: 'none',
  'stroke-width': '1.8',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;
