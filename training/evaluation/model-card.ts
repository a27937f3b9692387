// Evaluation: the model card written next to model.json (model-card.json and model-card.md), after
// Mitchell M et al., "Model Cards for Model Reporting", FAT* 2019: what the model is, the data it
// saw, how well it does with uncertainty, where it does worse (subgroups), and what it is not for.
import type { CvReport } from '../tabular/report';
import { calibrationSummary } from './metrics';

export interface ModelCard {
  name: string;
  version: string;
  kind: string;
  trainedAt: string;
  seed: number;
  data: {
    source: string;
    rows: number;
    positives: number;
    droppedRows: number;
    label: string;
    positive: string;
  };
  features: { columns: { name: string; type: string }[]; encoded: string[] };
  metrics: Pick<
    CvReport,
    'cv' | 'auroc' | 'auprc' | 'brier' | 'accuracy' | 'ci' | 'thresholds' | 'calibration'
  >;
  subgroups: {
    attribute: string;
    maxAurocGap: number;
    maxCalibrationGap: number;
    groups: number;
  }[];
  training: string[];
  intendedUse: string;
  limits: string[];
}

export const intendedUse =
  'Decision support for clinicians and researchers: ranking patients by estimated risk of the labelled outcome ' +
  'in a population like the training data. Not a diagnosis; not for use without clinical review.';

export const standardLimits = [
  'Evaluated by internal cross-validation only; performance on another hospital or period (external validation) is unknown.',
  'Calibration reflects the training prevalence; recalibrate before use where the outcome is more or less common.',
  'Missing values are imputed (median / mode) with indicators; a pattern of missingness unlike the training data may mislead the model.',
  'Subgroup metrics on small groups are uncertain; groups under 30 rows are excluded from the gaps.',
];

/** What the card says of probabilities fitted with balanced class weights. */
export const balancedWeightsLimit =
  'Fitted with balanced class weights: probabilities are shifted toward 0.5 and are not the probabilities of the outcome; rank with them, or retrain with class weights "none" for probabilities on the prevalence scale (caregraph models promote refuses such a model with a declared outcome).';

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

function calibrationLine(bins: ModelCard['metrics']['calibration']): string[] {
  const c = calibrationSummary(bins);
  if (!c) return [];
  return [
    `Calibration (pooled out-of-fold): mean probability ${f3(c.meanPredicted)} against an observed rate of ${f3(c.observed)} (expected / observed ${f3(c.expectedOverObserved)}); expected calibration error ${f3(c.ece)} over ${bins.length} bins.`,
    '',
  ];
}

/** Render the card as markdown for people. */
export function modelCardMarkdown(card: ModelCard): string {
  const m = card.metrics;
  const row = (name: string, key: 'auroc' | 'auprc' | 'brier') =>
    `| ${name} | ${f3(m[key])} | ${f3(m.ci[key].estimate)} (${f3(m.ci[key].lower)}-${f3(m.ci[key].upper)}) |`;
  return [
    `# Model card: ${card.name} ${card.version}`,
    '',
    `- Kind: \`${card.kind}\`; trained ${card.trainedAt}; seed ${card.seed}`,
    `- Data: \`${card.data.source}\`, ${card.data.rows} rows (${card.data.positives} positive; ${card.data.droppedRows} without a label left out)`,
    `- Label: \`${card.data.label}\` positive when ${card.data.positive}`,
    `- Features (${card.features.columns.length} columns, ${card.features.encoded.length} encoded): ${card.features.columns.map((c) => `${c.name} (${c.type})`).join(', ')}`,
    '',
    '## Intended use',
    '',
    card.intendedUse,
    '',
    `## Performance (${m.cv}-fold stratified cross-validation)`,
    '',
    '| metric | mean over folds | pooled out-of-fold (95% bootstrap CI) |',
    '| --- | --- | --- |',
    row('AUROC', 'auroc'),
    row('AUPRC', 'auprc'),
    row('Brier', 'brier'),
    `| accuracy at 0.5 | ${f3(m.accuracy)} | |`,
    '',
    ...calibrationLine(m.calibration),
    `At the Youden threshold ${f3(m.thresholds.youden.threshold)}: sensitivity ${f3(m.thresholds.youden.sensitivity)}, specificity ${f3(m.thresholds.youden.specificity)}.`,
    '',
    '## Subgroups',
    '',
    ...(card.subgroups.length
      ? card.subgroups.map(
          (s) =>
            `- ${s.attribute}: ${s.groups} groups, max AUROC gap ${f3(s.maxAurocGap)}, max calibration gap ${f3(s.maxCalibrationGap)}`,
        )
      : [
          '- No sex, age or race/ethnicity column in the data: subgroup performance was not assessed.',
        ]),
    '',
    '## Training',
    '',
    ...card.training.map((t) => `- ${t}`),
    '',
    '## Limits',
    '',
    ...card.limits.map((l) => `- ${l}`),
    '',
  ].join('\n');
}
