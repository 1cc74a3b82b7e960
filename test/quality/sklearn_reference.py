#!/usr/bin/python3
"""The independent reference the quality bench (BENCH_ONLY=quality) compares the app's model with.

Reads one table written by test/quality/real-quality.ts: a header line, then one row per labelled outcome with
`_split` (train or test), `_label` (0 or 1), and the same raw features the app's model is given (numbers as
`n:<name>`, categories as `c:<name>`, several values joined by `|`, the client and product ids as categories).
Fits scikit-learn's L2 logistic regression (one-hot + standardised, C=0.1) and HistGradientBoosting (depth 4,
200 rounds) on the training rows only and writes the test rows' probabilities, one line each: `lr,hgb`.

Usage: sklearn_reference.py IN.csv OUT.csv. Exits 3 when scikit-learn is not installed (Debian: python3-sklearn).
"""

import csv
import sys

try:
    import numpy as np
    from scipy import sparse
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"scikit-learn is not available: {error}", file=sys.stderr)
    sys.exit(3)


def main(source: str, target: str) -> None:
    with open(source, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    split_col = header.index("_split")
    label_col = header.index("_label")
    numeric = [i for i, h in enumerate(header) if h.startswith("n:")]
    categorical = [i for i, h in enumerate(header) if h.startswith("c:")]
    is_train = np.array([r[split_col] == "train" for r in rows])
    y = np.array([int(r[label_col]) for r in rows])

    num = np.array([[float(r[i]) if r[i] != "" else np.nan for i in numeric] for r in rows], dtype=float).reshape(
        len(rows), len(numeric)
    )
    cat = np.array([[r[i] if r[i] != "" else "(missing)" for i in categorical] for r in rows], dtype=object).reshape(
        len(rows), len(categorical)
    )

    # Logistic regression: missing numbers become the training mean plus a missing flag, then everything numeric
    # is standardised on the training rows; categories are one-hot (values seen fewer than twice share a bucket).
    means = np.nanmean(np.where(is_train[:, None], num, np.nan), axis=0) if numeric else np.zeros(0)
    means = np.where(np.isnan(means), 0.0, means)
    missing = np.isnan(num).astype(float)
    keep_missing = missing[is_train].std(axis=0) > 0 if numeric else np.zeros(0, dtype=bool)
    filled = np.where(np.isnan(num), means[None, :], num)
    dense = np.hstack([filled, missing[:, keep_missing]])
    scaler = StandardScaler().fit(dense[is_train])
    parts = [sparse.csr_matrix(scaler.transform(dense))]
    if categorical:
        onehot = OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=2).fit(cat[is_train])
        parts.append(onehot.transform(cat).tocsr())
    x_lr = sparse.hstack(parts).tocsr()
    lr = LogisticRegression(C=0.1, max_iter=2000).fit(x_lr[is_train], y[is_train])
    p_lr = lr.predict_proba(x_lr[~is_train])[:, 1]

    # Gradient boosting: numbers as they are (it handles missing values itself), categories ordinal-coded and
    # declared categorical where they fit its 255-bin limit, else left as ordered codes.
    if categorical:
        ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1).fit(
            cat[is_train]
        )
        codes = ordinal.transform(cat)
        codes[codes < 0] = np.nan
        small = np.array([len(c) <= 250 for c in ordinal.categories_])
    else:
        codes = np.zeros((len(rows), 0))
        small = np.zeros(0, dtype=bool)
    x_hgb = np.hstack([num, codes])
    mask = np.concatenate([np.zeros(len(numeric), dtype=bool), small])
    hgb = HistGradientBoostingClassifier(
        max_depth=4, max_iter=200, early_stopping=False, categorical_features=mask if mask.any() else None, random_state=1
    ).fit(x_hgb[is_train], y[is_train])
    p_hgb = hgb.predict_proba(x_hgb[~is_train])[:, 1]

    with open(target, "w", encoding="utf-8") as f:
        for a, b in zip(p_lr, p_hgb):
            f.write(f"{a:.8f},{b:.8f}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
