// Domain (recommend): plain-text rendering of `caregraph recommend` for a clinician reading a terminal: each topic with its
// guideline, the ranked options (dose, score, warnings), then the review of current medicines.
import type { RankedOption, Recommendation, RecommendationReport, SafetyWarning } from './model';

const mark: Record<SafetyWarning['severity'], string> = {
  contraindicated: 'CONTRAINDICATED',
  major: 'MAJOR',
  moderate: 'moderate',
  caution: 'caution',
};

function warningLine(w: SafetyWarning): string {
  return `       ! ${mark[w.severity]} (${w.kind}): ${w.message} [${w.source}]`;
}

function optionLines(o: RankedOption): string[] {
  const head = `  ${o.rank}. ${o.label}${o.blocked ? '  [BLOCKED]' : ''}  score ${o.score.toFixed(2)}  (${o.strength}, LOE ${o.evidence})`;
  const doses = o.drugs.map((d) => `       ${d.drug}: ${d.dose ?? ''}`.trimEnd());
  return [head, ...doses, ...o.warnings.map(warningLine)];
}

function recommendationLines(r: Recommendation): string[] {
  return [
    `${r.title}  (${r.guideline.name} ${r.guideline.version})`,
    `  ${r.summary}`,
    ...r.options.flatMap(optionLines),
    ...r.notes.map((n) => `  note: ${n}`),
    `  id ${r.id}, status ${r.status}`,
    '',
  ];
}

export function formatReport(report: RecommendationReport): string {
  const lines = [`patient ${report.patient} as of ${report.at.slice(0, 10)}`, ''];
  if (!report.recommendations.length) lines.push('No guideline in scope applies.', '');
  lines.push(...report.recommendations.flatMap(recommendationLines));
  if (report.medicationReview.length) {
    lines.push('Current medicines to review');
    for (const a of report.medicationReview) {
      lines.push(`  ${a.drug} (${a.source})`, ...a.warnings.map(warningLine));
      if (a.suggestion) lines.push(`       consider: ${a.suggestion}`);
    }
    lines.push('');
  }
  if (report.missing.length) lines.push(`Not recorded: ${report.missing.join(', ')}`, '');
  lines.push(report.disclaimer);
  return lines.join('\n');
}
