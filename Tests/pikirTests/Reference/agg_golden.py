#!/usr/bin/env python3
"""Golden values for `pikir agg`, computed independently with NumPy and SciPy.

Run by hand (never by the tests), from any directory:

    python3 Tests/pikirTests/Reference/agg_golden.py

With `--small` it only prints the small hand-checked groups of
Tests/PikirAggregateTests/AggregateStatsTests.swift and the t quantiles used there.

It reads sample-export.csv beside this script and writes agg_golden.json
beside it; commit all three. Written against NumPy 2.4 / SciPy 1.17.

sample-export.csv is `pikir export --format csv` of the warehouse made from
the repository's sample data, from the repository root:

    pikir ingest --db /tmp/s.sqlite \
        --trainers sample-data/registries/trainers.csv \
        --sessions sample-data/registries/sessions.csv sample-data/
    pikir export --db /tmp/s.sqlite --format csv \
        > Tests/pikirTests/Reference/sample-export.csv

It starts with a UTF-8 byte order mark (read with `utf-8-sig`) and ends its
lines with CRLF (the csv module handles both).

What is computed, per query (`--by region,year` and `--by trainer`, all six
measures, every statistic, `--min-n 1`), one object per group and measure,
with the keys and the meaning of `pikir agg --format json`:

- Groups: the distinct values of the dimension columns; the trainer is the
  `trainer_id` when there is one, else the `trainer` name. An empty cell is
  a missing value (JSON null), sorted after every value.
- Answers: the non-empty cells of the measure's column, as floats.
- n: the number of answers; groups with n < min_n are "suppressed": every
  statistic null, n kept (a group can have rows but no answer to one measure).
- mean: np.mean; sd: np.std(ddof=1), null for n < 2; se = sd / sqrt(n).
- ci95: the interval of the mean on the question's scale [a, b] (1-5, 0-10
  for nps), a logit interval with half a pseudo-answer at each end: p =
  (x - a)/(b - a), p~ = (sum p + 1/2)/(n + 1), s~^2 = [sum (p - p~)^2 +
  p~^2/2 + (1 - p~)^2/2] / n, se_L = s~ / sqrt(n) / (p~(1 - p~)), bounds
  a + (b - a) expit(logit(p~) -/+ scipy.stats.t.ppf(0.975, n - 1) se_L),
  widened to contain the mean; [a, b] for n = 1.
- median, p25, p75: np.quantile(method="linear") (Hyndman-Fan type 7).
- min, max: of the answers.
- top2 / bottom2: the share (0-1) of answers >= the second-highest scale
  point (4 on 1-5, 9 on 0-10) / <= the second-lowest (2 on 1-5, 1 on 0-10).
- nps: 100 * (share >= 9 - share <= 6) for the 0-10 `nps` question; null
  for the 1-5 questions.
- dist: answer value -> count, values written as integers when whole
  ("4", "4.5").

Rows are listed in pikir's order: by the dimensions (numbers numerically,
text by code point, missing last), then by the measures' order in the query.
"""

import csv
import json
import math
import pathlib
import sys

import numpy as np
from scipy import special, stats

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE / "sample-export.csv"
TARGET = HERE / "agg_golden.json"

MEASURES = ["overall", "delivery", "content", "organisation", "applicability", "nps"]
STATS = ["n", "mean", "sd", "se", "ci95", "median", "p25", "p75", "min", "max", "top2", "bottom2", "nps", "dist"]
MIN_N = 1


def value_key(x):
    """How pikir writes an answer value as a dist key: "4", "4.5"."""
    return str(int(x)) if x == int(x) else repr(float(x))


SCALES = {False: (1, 5), True: (0, 10)}


def bounded_interval(x, a, b):
    """The 95% interval of the mean of x on [a, b] (see the module comment)."""
    n = len(x)
    if n == 1:
        return float(a), float(b)
    p = (x - a) / (b - a)
    centre = (p.sum() + 0.5) / (n + 1)
    squares = float(np.sum((p - centre) ** 2)) + 0.5 * centre ** 2 + 0.5 * (1 - centre) ** 2
    se_logit = math.sqrt(squares / n) / math.sqrt(n) / (centre * (1 - centre))
    half = float(stats.t.ppf(0.975, n - 1)) * se_logit
    low = a + (b - a) * float(special.expit(special.logit(centre) - half))
    high = a + (b - a) * float(special.expit(special.logit(centre) + half))
    mean = float(np.mean(x))
    return min(low, mean), max(high, mean)


def describe(measure, answers, min_n):
    """The statistics of one group's answers to one measure, as pikir's JSON has them."""
    n = len(answers)
    row = {"measure": measure, "n": n}
    keys = ["mean", "sd", "se", "ci95_low", "ci95_high", "median", "p25", "p75",
            "min", "max", "top2", "bottom2", "nps", "dist"]
    if n < min_n or n == 0:
        row.update({k: None for k in keys})
        row["suppressed"] = n < min_n
        return row
    x = np.array(answers, dtype=float)
    mean = float(np.mean(x))
    row["mean"] = mean
    if n >= 2:
        sd = float(np.std(x, ddof=1))
        row.update({"sd": sd, "se": sd / math.sqrt(n)})
    else:
        row.update({"sd": None, "se": None})
    row["ci95_low"], row["ci95_high"] = bounded_interval(x, *SCALES[measure == "nps"])
    for name, p in (("median", 0.5), ("p25", 0.25), ("p75", 0.75)):
        row[name] = float(np.quantile(x, p, method="linear"))
    row["min"] = float(np.min(x))
    row["max"] = float(np.max(x))
    low, high = (0, 10) if measure == "nps" else (1, 5)
    row["top2"] = float(np.count_nonzero(x >= high - 1)) / n
    row["bottom2"] = float(np.count_nonzero(x <= low + 1)) / n
    if measure == "nps":
        row["nps"] = 100.0 * (float(np.count_nonzero(x >= 9)) / n - float(np.count_nonzero(x <= 6)) / n)
    else:
        row["nps"] = None
    values, counts = np.unique(x, return_counts=True)
    row["dist"] = {value_key(v): int(c) for v, c in zip(values, counts)}
    row["suppressed"] = False
    return row


def dimension_fields(dimension, record):
    """The JSON fields of one dimension of one response, and its sort key."""
    def text(column):
        value = record[column]
        return value if value != "" else None

    if dimension == "trainer":
        trainer_id, name = text("trainer_id"), text("trainer")
        fields = {"trainer_id": trainer_id, "trainer": name if name is not None else trainer_id}
        group = trainer_id if trainer_id is not None else name
        shown = fields["trainer"]
        return group, fields, (shown is None, shown or "")
    if dimension == "year":
        year = text("year")
        number = int(year) if year is not None else None
        return number, {"year": number}, (number is None, number or 0)
    column = {"group": "participant_group", "session": "session_id"}.get(dimension, dimension)
    value = text(column)
    return value, {dimension: value}, (value is None, value or "")


def aggregate(records, by):
    groups = {}
    for record in records:
        parts = [dimension_fields(d, record) for d in by]
        key = tuple(p[0] for p in parts)
        if key not in groups:
            fields = {}
            for p in parts:
                fields.update(p[1])
            groups[key] = {"fields": fields, "sort": tuple(p[2] for p in parts), "answers": {m: [] for m in MEASURES}}
        for m in MEASURES:
            if record[m] != "":
                groups[key]["answers"][m].append(float(record[m]))
    rows = []
    for group in sorted(groups.values(), key=lambda g: g["sort"]):
        for m in MEASURES:
            row = dict(group["fields"])
            row.update(describe(m, group["answers"][m], MIN_N))
            rows.append(row)
    return rows


def small_cases():
    """The hand-checked groups of Tests/PikirAggregateTests/AggregateStatsTests.swift."""
    for measure, answers in (("overall", [5, 4, 4, 3]), ("nps", [10, 9, 9, 8, 7, 6, 3, 0]), ("overall", [4.5, 3.5, 2, 1]),
                             ("nps", [10, 10, 9, 3]), ("overall", [5, 5, 5]), ("overall", [4])):
        print(measure, answers, json.dumps(describe(measure, answers, 0), ensure_ascii=False))
    for df in (3, 7):
        print(f"t.ppf(0.975, {df}) = {float(stats.t.ppf(0.975, df))!r}")


def main():
    if "--small" in sys.argv:
        small_cases()
        return
    with SOURCE.open(encoding="utf-8-sig", newline="") as f:
        records = list(csv.DictReader(f))
    queries = []
    for by in (["region", "year"], ["trainer"]):
        queries.append({
            "by": by,
            "arguments": ["--by", ",".join(by), "--measure", ",".join(MEASURES), "--stat", ",".join(STATS),
                          "--min-n", str(MIN_N), "--format", "json"],
            "rows": aggregate(records, by),
        })
    golden = {
        "source": SOURCE.name,
        "responses": len(records),
        "numpy": np.__version__,
        "scipy": __import__("scipy").__version__,
        "queries": queries,
    }
    TARGET.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(records)} responses, " + ", ".join(f"{','.join(q['by'])}: {len(q['rows'])} rows" for q in queries))


if __name__ == "__main__":
    main()
