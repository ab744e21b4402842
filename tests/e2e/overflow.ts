import type { Page } from 'playwright-core';

// What "a layout that fits" means, checked in the page: the layout standard of issue 16.
// Used by layoutFit.test.ts; any scenario can call it on the screen it is on.

/** One thing a user would see as broken: which element, and how. */
export interface LayoutProblem {
  /** Role and accessible name or text of the element, e.g. `button "Weer actief maken"`. */
  element: string;
  /** What is wrong, with the measured numbers. */
  problem: string;
}

/** The elements a user reads or operates: each must show its whole content. */
const CONTROLS = [
  'button',
  'a[href]',
  '[role="tab"]',
  '[role="radio"]',
  '.mantine-SegmentedControl-label',
  '[role="menuitem"]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '.mantine-Badge-root',
  'td',
  'th',
].join(', ');

/**
 * Everything on the current screen that does not fit: the page scrolling sideways, a control whose
 * content overflows its box (also when hidden by an ellipsis) or that of a label inside it, and a
 * control cut off by a container, or outside the window where no scrolling brings it into view.
 */
export function findLayoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate((selector) => {
    const problems: { element: string; problem: string }[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;

    // Name an element as a user would find it: role and accessible name (or text).
    const describe = (element: Element): string => {
      const role =
        element.getAttribute('role') ??
        (
          { A: 'link', BUTTON: 'button', INPUT: 'input', SELECT: 'select', TEXTAREA: 'textbox', TD: 'cell', TH: 'columnheader' } as Record<
            string,
            string
          >
        )[element.tagName] ??
        (element.classList.contains('mantine-Badge-root') ? 'badge' : element.tagName.toLowerCase());
      const labelledBy = element.getAttribute('aria-labelledby');
      const name =
        element.getAttribute('aria-label') ??
        (labelledBy ? document.getElementById(labelledBy.split(' ')[0])?.textContent : null) ??
        (element instanceof HTMLInputElement ? element.labels?.[0]?.textContent || element.value || element.placeholder : null) ??
        element.textContent ??
        '';
      const text = name.replace(/\s+/g, ' ').trim();
      return `${role} "${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
    };

    // Off-screen helpers for screen readers (Mantine's visually hidden, clip: rect(0 0 0 0)) are not seen.
    const shown = (element: Element): boolean => {
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const rect = element.getBoundingClientRect();
      if (rect.width <= 2 || rect.height <= 2) return false;
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.clip !== 'auto' && style.position === 'absolute') return false;
        if (node.getAttribute('aria-hidden') === 'true') return false;
      }
      return true;
    };

    const overflowing = (element: Element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;

    const placed = new Set<Element>();
    const page = document.documentElement;
    if (page.scrollWidth > width)
      problems.push({ element: 'page', problem: `scrolls sideways: ${page.scrollWidth} px wide in a window of ${width} px` });

    for (const element of document.querySelectorAll(selector)) {
      if (!shown(element)) continue;
      const name = describe(element);
      // The control itself, and every label or text box inside it (Button's label, Badge's label span).
      // A control inside it (a badge in a cell) is checked, and named, on its own.
      const boxes = [element, ...element.querySelectorAll('*')].filter(
        (box) => box === element || (box.closest(selector) === element && shown(box)),
      );
      const cut = boxes.find(overflowing);
      if (cut) {
        const where = cut === element ? '' : ` in its ${cut.tagName.toLowerCase()}.${[...cut.classList].join('.')}`;
        problems.push({ element: name, problem: `content overflows${where}: ${cut.scrollWidth} px in ${cut.clientWidth} px` });
        continue;
      }
      // Cut off by a container that does not scroll, or outside the window with nothing to scroll;
      // once for a cell or button, not again for each control inside it.
      if (element.parentElement?.closest(selector) && placed.has(element.parentElement.closest(selector)!)) continue;
      const rect = element.getBoundingClientRect();
      let scrolls = false;
      let fixed = false;
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.position === 'fixed') fixed = true;
        const box = node.getBoundingClientRect();
        const scrollable = (style.overflowX === 'auto' || style.overflowX === 'scroll') && node.scrollWidth > node.clientWidth;
        const scrollableY = (style.overflowY === 'auto' || style.overflowY === 'scroll') && node.scrollHeight > node.clientHeight;
        if (scrollable || scrollableY) {
          scrolls = true;
          break;
        }
        if (style.overflowX !== 'visible' && (rect.left < box.left - 1 || rect.right > box.right + 1)) {
          problems.push({
            element: name,
            problem: `cut off by ${node.tagName.toLowerCase()}.${[...node.classList].slice(0, 2).join('.')}: spans ${Math.round(rect.left)}–${Math.round(rect.right)} px, visible ${Math.round(box.left)}–${Math.round(box.right)} px`,
          });
          placed.add(element);
          scrolls = true; // reported
          break;
        }
      }
      if (scrolls) continue;
      if (rect.left < -1 || rect.right > width + 1) {
        placed.add(element);
        problems.push({
          element: name,
          problem: `outside the window: spans ${Math.round(rect.left)}–${Math.round(rect.right)} px of ${width} px`,
        });
      }
      // Fixed parts (header, menu) do not move with the page: what lies below the window is out of reach.
      else if (fixed && rect.bottom > height + 1)
        problems.push({
          element: name,
          problem: `below the window in a fixed part: ends at ${Math.round(rect.bottom)} px of ${height} px`,
        });
    }
    return problems;
  }, CONTROLS);
}
