#!/usr/bin/env python3
"""Reference side of the `sklearn` eval suite (bench/eval/sklearn.ts): scikit-learn trains the same
model families as training/tabular on the same CSV and the same fold assignments, with the same
preprocessing, and prints per-fold AUROC as JSON on stdout.

  sklearn_compare.py export breast-cancer|diabetes|pima|birthwt|pbc OUT.csv
      Write a dataset that ships inside scikit-learn, or inside Debian's R packages r-cran-mass
      and r-cran-survival (read with Rscript), as CSV; nothing is downloaded. Exits 3 when the
      dataset's package is not installed.
  sklearn_compare.py compare SPEC.json
      SPEC: {"csv", "label", "positive", "numeric": [...], "categorical": [...], "missing": [...],
             "folds": [fold number per row], "models": [...], "seed", "c", "hidden", "l2",
             "maxEpochs", "batchSize", "patience", "learningRate", "calibrationFolds",
             "minValidationRows", "mlpSeeds"}

Preprocessing, fitted on each training fold only (as training/tabular/encoding.ts and
standardization.ts): numeric columns median-imputed then StandardScaler; categorical columns
most-frequent-imputed then one-hot (unseen levels -> all zeros); a 0/1 missingness indicator for
every column with a missing value in the training fold; one-hot and indicators are not scaled.
Needs Debian's python3-sklearn (scikit-learn 1.2) and numpy; no pandas.
"""
import copy
import csv
import json
import shutil
import subprocess
import sys
import time

import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC, LinearSVC


# R datasets as R code writing `d` (with a 0/1 `outcome` column) to the CSV named by `out`.
R_DATASETS = {
    # Pima Indians Diabetes (MASS 7.3, Pima.tr2 + Pima.te: 632 women, Pima.tr2 with missing
    # values); outcome = diabetic by WHO criteria (type == "Yes").
    "pima": """library(MASS); d <- rbind(Pima.tr2, Pima.te)
        d$outcome <- as.integer(d$type == "Yes"); d$type <- NULL""",
    # Hosmer & Lemeshow low birth weight (MASS 7.3, birthwt: 189 births); outcome = low (< 2.5 kg);
    # bwt (which defines it) is dropped; race written as a category.
    "birthwt": """library(MASS); d <- birthwt; d$race <- c("white", "black", "other")[d$race]
        d$outcome <- d$low; d$low <- NULL; d$bwt <- NULL""",
    # Mayo Clinic primary biliary cholangitis trial (survival 3.5, pbc: 418 patients, 106 not
    # randomised, so many missing values); outcome = dead at end of follow-up (status 2); id and
    # follow-up time dropped; treatment and sex as categories.
    "pbc": """library(survival); d <- pbc
        d$outcome <- as.integer(d$status == 2); d$id <- NULL; d$time <- NULL; d$status <- NULL
        d$trt <- c("D-penicillamine", "placebo")[d$trt]""",
}


def export_r(name, out):
    rscript = shutil.which("Rscript")
    if rscript is None:
        sys.stderr.write("Rscript not found (apt-get install r-cran-mass r-cran-survival)\n")
        raise SystemExit(3)
    code = R_DATASETS[name] + "\nwrite.csv(d, commandArgs(TRUE)[1], row.names = FALSE)"
    done = subprocess.run([rscript, "--vanilla", "-e", code, out], capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write("R could not write %s: %s\n" % (name, done.stderr.strip()[-300:]))
        raise SystemExit(3)


def export(name, out):
    """Write a bundled dataset as CSV with a 0/1 label column named `outcome`."""
    if name in R_DATASETS:
        return export_r(name, out)
    if name == "breast-cancer":
        # Wisconsin Diagnostic Breast Cancer (UCI, 569 rows, 30 features); sklearn's target is
        # 1 = benign, so the clinical outcome "malignant" is 1 - target.
        data = load_breast_cancer()
        names = [n.replace(" ", "_") for n in data.feature_names]
        rows = [list(map(repr, x)) + [str(1 - t)] for x, t in zip(data.data, data.target)]
    elif name == "diabetes":
        # Efron et al. 2004 diabetes data (442 rows, 10 baseline features, raw units); the target is
        # a quantitative measure of disease progression one year later, binarised here at its
        # median (outcome = progression > median). Sex (coded 1/2) is written as a category.
        data = load_diabetes(scaled=False)
        names = list(data.feature_names)
        cut = float(np.median(data.target))
        rows = []
        for x, t in zip(data.data, data.target):
            cells = [repr(float(v)) for v in x]
            cells[names.index("sex")] = "sex%d" % int(x[names.index("sex")])
            rows.append(cells + ["1" if t > cut else "0"])
    else:
        raise SystemExit("unknown dataset %r" % name)
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(names + ["outcome"])
        w.writerows(rows)


def read_table(spec):
    """Numeric columns as float, categorical as object (NaN when missing in either), labels."""
    markers = set(spec["missing"])
    with open(spec["csv"], newline="") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        rows = [r for r in reader if r and any(c.strip() for c in r)]
    col = {n: j for j, n in enumerate(header)}
    cells = lambda name: [r[col[name]].strip() for r in rows]
    numeric = np.array(
        [[np.nan if v in markers else float(v) for v in cells(n)] for n in spec["numeric"]],
        dtype=float,
    ).T.reshape(len(rows), len(spec["numeric"]))
    categorical = np.array(
        [[np.nan if v in markers else v for v in cells(n)] for n in spec["categorical"]],
        dtype=object,
    ).T.reshape(len(rows), len(spec["categorical"]))
    y = np.array([1 if v == spec["positive"] else 0 for v in cells(spec["label"])])
    return numeric, categorical, y


def missing_indicator():
    """A 0/1 column for each column with a missing value in the training fold (`col:missing`)."""
    return MissingIndicator(features="missing-only", error_on_new=False, missing_values=np.nan)


def preprocessing(n_numeric, n_categorical):
    """ColumnTransformer over [numeric | categorical] columns, as training/tabular/encoding.ts."""
    num = list(range(n_numeric))
    cat = list(range(n_numeric, n_numeric + n_categorical))
    parts = []
    if num:
        parts.append(("numeric", Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]), num))
        parts.append(("numeric_missing", missing_indicator(), num))
    if cat:
        parts.append(("categorical", Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent", missing_values=np.nan)),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]), cat))
        parts.append(("categorical_missing", missing_indicator(), cat))
    return ColumnTransformer(parts, sparse_threshold=0)


def calibrated(estimator, spec):
    """Platt scaling on out-of-fold decision values of an internal stratified CV, then the
    estimator refitted on all rows (ensemble=False), as training/tabular/platt.ts."""
    inner = StratifiedKFold(spec["calibrationFolds"], shuffle=True, random_state=spec["seed"])
    return CalibratedClassifierCV(estimator, method="sigmoid", cv=inner, ensemble=False)


class MatchedMLP(BaseEstimator, ClassifierMixin):
    """scikit-learn's MLPClassifier stopped by the rule of training/tabular/mlp.ts. With at least
    `minValidationRows` rows in a stratified 10% validation split: trained epoch by epoch
    (partial_fit; Adam state carries over), stopped after `patience` epochs without the
    class-weighted, L2-penalised validation loss falling by 1e-5, best epoch's weights kept.
    Otherwise: MLPClassifier's own rule without early_stopping (every row, stop when the training
    loss has not fallen by 1e-4 for `patience` epochs). MLPClassifier's early_stopping watches
    validation accuracy instead, which on a few dozen rows stalls after some 20 epochs (reported
    separately as mlp-accuracy-stop)."""

    def __init__(self, spec):
        self.spec = spec

    def fit(self, x, y):
        s = self.spec
        if len(y) / 10 < s["minValidationRows"]:
            self.network_ = mlp_classifier(s, early_stopping=False).fit(x, y)
            self.classes_ = self.network_.classes_
            return self
        inner, held, y_inner, y_held = train_test_split(
            x, y, test_size=0.1, stratify=y, random_state=s["seed"])
        net = mlp_classifier(s, early_stopping=False)
        weights = len(y_inner) / (2 * np.bincount(y_inner, minlength=2))
        best, best_loss, stale = None, np.inf, 0
        for _epoch in range(s["maxEpochs"]):
            net.partial_fit(inner, y_inner, classes=np.array([0, 1]))
            loss = log_loss(y_held, net.predict_proba(held)[:, 1], labels=[0, 1],
                            sample_weight=weights[y_held]) + s["l2"] * penalty(net)
            if loss < best_loss - 1e-5:
                best, best_loss, stale = copy.deepcopy(net), loss, 0
            else:
                stale += 1
                if stale >= s["patience"]:
                    break
        self.network_ = best if best is not None else net
        self.classes_ = self.network_.classes_
        return self

    def predict_proba(self, x):
        return self.network_.predict_proba(x)


def penalty(net):
    return sum(float((w ** 2).sum()) for w in net.coefs_)


def mlp_classifier(spec, early_stopping):
    # tfjs's l2 regulariser adds l2 * sum(W^2) to each batch's mean loss; scikit-learn adds
    # 0.5 * alpha * sum(W^2) / batch_size (_backprop), so the same penalty is
    # alpha = 2 * l2 * batch_size.
    # MLPClassifier (1.2) takes no class or sample weights: ours weighs classes "balanced".
    return MLPClassifier(hidden_layer_sizes=tuple(spec["hidden"]), activation="relu",
                         solver="adam", alpha=2 * spec["l2"] * spec["batchSize"],
                         batch_size=spec["batchSize"],
                         learning_rate_init=spec["learningRate"], max_iter=spec["maxEpochs"],
                         early_stopping=early_stopping, validation_fraction=0.1,
                         n_iter_no_change=spec["patience"], random_state=spec["seed"])


def model(name, spec):
    c, seed = spec["c"], spec["seed"]
    if name == "gnb":
        return GaussianNB(var_smoothing=1e-9)
    if name == "logreg":
        # Same objective as logistic-regression.ts: C * sum w_i logloss_i + 0.5 |beta|^2.
        return LogisticRegression(C=c, class_weight="balanced", max_iter=10000, tol=1e-8)
    if name == "svm":
        # Hinge loss, dual coordinate descent, bias as a regularised feature (intercept_scaling 1).
        return calibrated(LinearSVC(loss="hinge", C=c, class_weight="balanced", tol=1e-4,
                                    max_iter=100000, random_state=seed), spec)
    if name == "rbf-svm":
        return calibrated(SVC(kernel="rbf", C=c, gamma="scale", class_weight="balanced",
                              tol=1e-3, random_state=seed), spec)
    if name == "mlp":
        return MatchedMLP(spec)
    if name == "mlp-accuracy-stop":
        return mlp_classifier(spec, early_stopping=True)
    raise SystemExit("unknown model %r" % name)


def ranking_score(pipe, x):
    """What AUROC ranks: the decision function or log-odds where the model has one, since
    probabilities round to exactly 1 once the log-odds pass about 36.7 (ties); else P(y = 1)."""
    fitted = pipe[-1]
    z = pipe[:-1].transform(x)
    if hasattr(fitted, "decision_function"):
        return fitted.decision_function(z)
    if isinstance(fitted, GaussianNB):
        log_p = fitted.predict_log_proba(z)  # log P1 - log P0 = joint log-likelihood difference
        return log_p[:, 1] - log_p[:, 0]
    return fitted.predict_proba(z)[:, 1]


def compare(spec_file):
    with open(spec_file) as f:
        spec = json.load(f)
    numeric, categorical, y = read_table(spec)
    x = np.concatenate([numeric.astype(object), categorical], axis=1)
    folds = np.array(spec["folds"])
    if len(folds) != len(y):
        raise SystemExit("folds: %d assignments for %d rows" % (len(folds), len(y)))
    out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "models": {}}
    for name in spec["models"]:
        started = time.perf_counter()
        # The MLPs start from random weights: their per-fold AUROC is the mean over `mlpSeeds`.
        seeds = spec["mlpSeeds"] if name.startswith("mlp") else [spec["seed"]]
        aurocs = np.zeros((len(seeds), int(folds.max()) + 1))
        for n, seed in enumerate(seeds):
            for k in range(aurocs.shape[1]):
                train, test = folds != k, folds == k
                pipe = Pipeline([
                    ("encode", preprocessing(numeric.shape[1], categorical.shape[1])),
                    ("model", model(name, dict(spec, seed=seed))),
                ])
                pipe.fit(x[train], y[train])
                aurocs[n, k] = roc_auc_score(y[test], ranking_score(pipe, x[test]))
        out["models"][name] = {"auroc": aurocs.mean(axis=0).tolist(),
                               "seconds": time.perf_counter() - started}
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "export":
        export(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "compare":
        compare(sys.argv[2])
    else:
        raise SystemExit(__doc__)
