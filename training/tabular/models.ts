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
  /** Inverse regularisation strength for logreg and the SVMs; default 1. */
  c?: number;
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
      const params = fitRbfSvm(take(data, rows), rng, {
        c: hyper.c,
        classWeight: hyper.classWeight,
      });
      const notes = [
        `${params.supportVectors.length} support vectors`,
        ...(rows.length < data.y.length
          ? [`trained on a stratified subsample of ${rows.length} of ${data.y.length} rows`]
          : []),
      ];
      return { kind, params: { ...params }, scorer: rbfSvmKind.scorer(params), notes };
    }
    case 'mlp': {
      const { epochs, ...params } = await fitMlp(data, rng, {
        hidden: hyper.hidden,
        maxEpochs: hyper.epochs,
        classWeight: hyper.classWeight,
      });
      const notes = [`early stopping after ${epochs} epochs (best weights kept)`];
      return { kind, params: { ...params }, scorer: mlpKind.scorer(params), notes };
    }
  }
}
