import type { Finding } from '../../core';
import type { Location, Locator } from '../locations';

/** A finding with 1-based locations relative to the project, as every CLI format prints them. */
export interface LocatedFinding {
  finding: Finding;
  location: Location;
  related: Array<{ location: Location; message: string }>;
}

export function locateFindings(findings: Finding[], locator: Locator): LocatedFinding[] {
  return findings.map((finding) => ({
    finding,
    location: locator.locate(finding.range),
    related: (finding.related ?? []).map((r) => ({ location: locator.locate(r.range), message: r.message })),
  }));
}
