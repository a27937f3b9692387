// Training (tabular): the five classical model families behind one call. Each fit takes a
// standardised design matrix and returns the served kind, its model.json fields and a scorer
// (the same code serve.ts runs), so cross-validation scores exactly what will be served.
import type { Rng } from '../../shared/domain/synth/rng';
import { fitGaussianNaiveBayes } from './gnb';
import { fitLinearSvm } from './linear-svm';
import { fitLogisticRegression } from './logistic-regression';
import { stratifiedSubsample, take, type LabelledMatrix } from './matrix';
import { fitMlp } from './mlp';
import { fitRbfSvm } from './rbf-svm';
import { rbfGrid, tuneRbfSvm } from './rbf-tuning';
import {
  gnbKind,
  linearScorer,
  linearSvmKind,
  mlpKind,
  rbfSvmKind,
  type Scorer,
} from './served-kinds';

export const tabularModelNames = ['gnb', 'logreg', 'svm', 'rbf-svm', 'mlp'] as const;
export type TabularModelName = (typeof tabularModelNames)[number];

/** The model.json `kind` each CLI model name is served as. */
export const servedKind: Record<TabularModelName, string> = {
  gnb: 'gnb',
  logreg: 'logistic-regression',
  svm: 'linear-svm',
  'rbf-svm': 'rbf-svm',
  mlp: 'mlp',
};

export interface TabularHyperparameters {
  /**
   * Inverse regularisation strength for logreg and the SVMs; default 1, except that the RBF SVM
   * chooses C and gamma by cross-validation (rbf-tuning.ts) when neither is given.
   */
  c?: number;
  /** RBF kernel width; default: chosen with C by cross-validation (see `c`). */
  gamma?: number;
  /** MLP hidden layer sizes; default [32]. */
  hidden?: number[];
  /** MLP epochs cap; default 150. */
  epochs?: number;
  /** "balanced" (default) weighs classes by n / (2 n_class); "none" keeps probabilities on the prevalence scale. */
  classWeight?: 'balanced' | 'none';
  /** RBF SVM trains on a stratified subsample of at most this many rows; default 5000. */
  maxKernelRows?: number;
}

export interface FittedTabular {
  kind: string;
  /** Kind-specific model.json fields. */
  params: Record<string, unknown>;
  scorer: Scorer;
  /** Facts for the model card (iterations, subsampling...). */
  notes: string[];
}

/** Default subsample for the RBF SVM: SMO is O(n^2) in kernel evaluations. */
export const defaultMaxKernelRows = 5000;

/** Fit model `name` on standardised, labelled data. */
export async function fitTabular(
  name: TabularModelName,
  data: LabelledMatrix,
  rng: Rng,
  hyper: TabularHyperparameters = {},
): Promise<FittedTabular> {
  const kind = servedKind[name];
  switch (name) {
    case 'gnb': {
      const params = fitGaussianNaiveBayes(data);
      return { kind, params: { ...params }, scorer: gnbKind.scorer(params), notes: [] };
    }
    case 'logreg': {
      const { iterations, ...params } = fitLogisticRegression(data, {
        c: hyper.c,
        classWeight: hyper.classWeight,
      });
      const notes = [`Newton (IRLS) converged in ${iterations} iterations`];
      return { kind, params: { ...params }, scorer: linearScorer(params), notes };
    }
    case 'svm': {
      const params = fitLinearSvm(data, rng, { c: hyper.c, classWeight: hyper.classWeight });
      return { kind, params: { ...params }, scorer: linearSvmKind.scorer(params), notes: [] };
    }
    case 'rbf-svm': {
      const limit = hyper.maxKernelRows ?? defaultMaxKernelRows;
      const rows = stratifiedSubsample(data.y, limit, rng);
      const sample = take(data, rows);
      const tuned =
        hyper.c === undefined && hyper.gamma === undefined
          ? tuneRbfSvm(sample, rng, hyper.classWeight)
          : undefined;
      const params = fitRbfSvm(sample, rng, {
        c: tuned?.c ?? hyper.c,
        gamma: tuned?.gamma ?? hyper.gamma,
        classWeight: hyper.classWeight,
      });
      const notes = [
        ...(tuned?.fallback
          ? [
              `C = 1 and gamma = "scale" (${tuned.gamma.toPrecision(3)}) without tuning: ${tuned.fallback}`,
            ]
          : tuned
            ? [
                `C = ${tuned.c} and gamma = ${tuned.gamma.toPrecision(3)} chosen by 3-fold cross-validated AUROC (${tuned.auroc.toFixed(3)}) on ${tuned.rows} rows over C in {${rbfGrid.c.join(', ')}} x gamma in {${rbfGrid.gammaTimesScale.join(', ')}} x scale`,
              ]
            : []),
        `${params.supportVectors.length} support vectors`,
        ...(rows.length < data.y.length
          ? [`trained on a stratified subsample of ${rows.length} of ${data.y.length} rows`]
          : []),
      ];
      return { kind, params: { ...params }, scorer: rbfSvmKind.scorer(params), notes };
    }
    case 'mlp': {
      const { epochs, stopping, ...params } = await fitMlp(data, rng, {
        hidden: hyper.hidden,
        maxEpochs: hyper.epochs,
        classWeight: hyper.classWeight,
      });
      const notes = [
        stopping === 'validation'
          ? `early stopping after ${epochs} epochs (best weights kept)`
          : `trained on every row for ${epochs} epochs, to a plateau of the training loss (too few rows, or groups of a class, for a validation split)`,
      ];
      return { kind, params: { ...params }, scorer: mlpKind.scorer(params), notes };
    }
  }
}
