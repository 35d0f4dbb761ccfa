#!/usr/bin/env python3
"""Splits the labeled corpus (zh.tsv, en.tsv) and the help-center questions (assist/faq-questions.tsv)
once into train / dev / test (60 / 20 / 20).

Stratified (messages by language file, type and mood; questions by the article that answers them
and their language); the order within each stratum comes from a hash of the text, so the split is
deterministic and does not depend on the order of the lines. The messages' training part, with the
messages written later (corpus/train-only.tsv, and corpus/mood-only.tsv without their type and
priority), is the classifier's built-in seed set (src/main/resources/assist/seed/train.tsv); the development parts
are for choosing settings; the test parts are only reported.
Run from the repository's root: python3 src/test/resources/assist/corpus/split.py
"""
import hashlib
from collections import defaultdict


def rows_of(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def split(rows, stratum, text_column):
    strata = defaultdict(list)
    for row in rows:
        strata[stratum(row.split("\t"))].append(row)
    parts = {"train": [], "dev": [], "test": []}
    for key in sorted(strata):
        ordered = sorted(strata[key], key=lambda r: hashlib.sha256(r.split("\t")[text_column].encode()).hexdigest())
        test = round(len(ordered) * 0.2)
        dev = round(len(ordered) * 0.2)
        parts["test"] += ordered[:test]
        parts["dev"] += ordered[test:test + dev]
        parts["train"] += ordered[test + dev:]
    return parts


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("\n".join(rows) + "\n")
    print(path, len(rows))


corpus = "src/test/resources/assist/corpus"
messages = []
for name in ("zh", "en"):
    messages += [name + "\t" + row for row in rows_of(f"{corpus}/{name}.tsv")]
parts = split(messages, lambda c: (c[0], c[1], c[3]), 6)
# written after the split: training only, the other parts unchanged
parts["train"] += ["extra\t" + row for row in rows_of(f"{corpus}/train-only.tsv")]
# written after the split to teach the mood alone: no type and no priority in the seed
parts["train"] += ["extra\t-\t-\t" + row.split("\t", 2)[2] for row in rows_of(f"{corpus}/mood-only.tsv")]
paths = {"train": "src/main/resources/assist/seed/train.tsv",
         "dev": "src/test/resources/assist/eval/dev.tsv",
         "test": "src/test/resources/assist/eval/test.tsv"}
for part, rows in parts.items():
    write(paths[part], f"# {part} part of the labeled corpus (src/test/resources/assist/corpus, split by split.py)\n"
          "# type\tpriority\tmood\tcategory\tarticle\ttext\n", [r.split("\t", 1)[1] for r in rows])

questions = split(rows_of("src/test/resources/assist/faq-questions.tsv"), lambda c: (c[0], c[1]), 2)
for part, rows in questions.items():
    write(f"src/test/resources/assist/eval/faq-{part}.tsv",
          f"# {part} part of assist/faq-questions.tsv (split by assist/corpus/split.py)\n# article\tlang\ttext\n", rows)
