/** A field of the filter form, named as in its `data-filter` attribute. */
type FilterField = 'protocol' | 'direction' | 'q';

/** What a reader did to the filter's controls, captured at the moment they did it. */
export type FilterAction =
  | { kind: 'device'; device: string }
  | { kind: 'clear' }
  | { kind: 'field'; field: FilterField; value: string };

/** The events the filter's controls report through. */
export const FILTER_EVENTS = ['click', 'input', 'change'] as const;

const isField = (name: string | undefined): name is FilterField =>
  name === 'protocol' || name === 'direction' || name === 'q';

/**
 * Reads an event on the filter form as an action, or undefined when it is not
 * one: a chip pressed, a clear button, the search box typed in (input) or a
 * select changed (change).
 */
export function filterAction(event: Event): FilterAction | undefined {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return undefined;
  if (event.type === 'click') {
    const chip = target.closest<HTMLElement>('button[data-device]');
    if (chip) return { kind: 'device', device: chip.dataset.device ?? '' };
    return target.closest('[data-filter-clear]') ? { kind: 'clear' } : undefined;
  }
  const field = target.dataset.filter;
  const fromSearch = event.type === 'input' && target instanceof HTMLInputElement;
  const fromSelect = event.type === 'change' && target instanceof HTMLSelectElement;
  if ((fromSearch || fromSelect) && isField(field)) return { kind: 'field', field, value: target.value };
  return undefined;
}
