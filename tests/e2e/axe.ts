import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core for the page as it is now, set up for the checks the tests make: only violations are asserted.
 * Measured on the demo screens (tests/e2e/screens.test.ts), with the same violations found either way:
 * the default run took 5–8 s a screen on 2 busy cores, this one about 2 s.
 * - Legacy mode runs `axe.run` in the page instead of `runPartial` per frame plus `finishRun` in a new blank
 *   page of the app's context (a page opened and closed for every check). The app has no frames, so the
 *   cross-origin frame support that legacy mode leaves out has nothing to check.
 * - `resultTypes: ['violations']` keeps every violating node and only one example node of the passes and
 *   incomplete results, which no test reads.
 */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page: page as never }).setLegacyMode().options({ resultTypes: ['violations'] });
}

/** The serious and critical axe violations on the page (or only in `include`), as "rule: element, element" lines. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = axeBuilder(page);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
