"""A learned baseline for the motive labels, to compare with the rules (not part of the method).

TF-IDF of word 1- and 2-grams and one balanced logistic regression per label, trained and
scored by five-fold cross-validation grouped by document over the parts of the gold standard
that were looked at while the rules were written (development and the retired parts: about
1,000 sentences). Prints micro and "any" precision, recall and F1 for the classifier, the rules and
both together (the union of their labels), scored on the same sentences. The held-out part is
not used.

    .venv/bin/python benchmarks/motive_classifier_baseline.py

Measured 2026-12-06 (1,024 sentences): classifier micro F1 0.18 (P 0.55, R 0.11); rules 0.63
in-sample (they were written on these sentences); union 0.61. With about 230 labelled sentences
spread over nine labels, the classifier learns little.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newscorpus.base.paths import resolve
from newscorpus.motives import LABELS, attribute, load_gold, scores
from newscorpus.motives.validation import PARTS

SEEN = [name for part, name in PARTS.items() if part != "held-out"]


def main() -> None:
    gold = pd.concat([load_gold(resolve("tests/gold/motives") / name) for name in SEEN],
                     ignore_index=True)
    texts = gold["text"].tolist()
    truth = [set(labels) for labels in gold["labels"]]
    rules = [{e.motive for e in attribute(t)} for t in texts]
    y = np.array([[label in s for label in LABELS] for s in truth])
    learned: list[set[str]] = [set() for _ in texts]
    for train, test in GroupKFold(n_splits=5).split(texts, y, gold["doc_id"]):
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        x_train = vectorizer.fit_transform([texts[i] for i in train])
        x_test = vectorizer.transform([texts[i] for i in test])
        for j, label in enumerate(LABELS):
            if y[train, j].sum() < 2:
                continue
            model = LogisticRegression(C=10, class_weight="balanced", max_iter=2000)
            model.fit(x_train, y[train, j])
            for i, p in zip(test, model.predict_proba(x_test)[:, 1], strict=True):
                if p > 0.5:
                    learned[i].add(label)
    columns = ["precision", "recall", "f1"]
    for name, predicted in [("classifier (grouped CV)", learned), ("rules (in-sample)", rules),
                            ("union", [a | b for a, b in zip(rules, learned, strict=True)])]:
        table = scores(truth, predicted).loc[["micro", "any"], columns].round(3)
        print(f"{name}, {len(texts)} sentences\n{table.to_string()}\n")


if __name__ == "__main__":
    main()
