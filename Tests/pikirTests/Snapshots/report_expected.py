#!/usr/bin/env python3
"""Independent values for the `pikir report` snapshot tests (ReportTextSnapshotTests.swift).

Run by hand (never by the tests), from any directory:

    python3 Tests/pikirTests/Snapshots/report_expected.py

It reads ../Reference/sample-export.csv (`pikir export` of the sample warehouse
ingested with both registries; see ../Reference/agg_golden.py) and writes
report_expected.json beside this script; commit both. NumPy and SciPy, as
agg_golden.py. The per-trainer and per-region-and-year statistics come from
../Reference/agg_golden.json; this script adds what that file lacks:

- "session": one session's six questions (n, mean, ci95, top-2 share, NPS and
  its interval), the session's trainer id, region and year; "trainer_earlier":
  the trainer's responses in sessions before the session's first day (their
  count, distinct sessions, first and last year, mean of each question).
- "yearly_categories": for one year, the participant groups and modules:
  responses (rows, whatever they answered), sessions, the overall mean and the
  NPS with their intervals, and the small-cell suppression a careful statistician would apply to
  the one-way table of response counts with a published total: counts 1..4
  are primary; a line with exactly one suppressed cell also hides the smallest
  other positive count (lowest key on ties).
- "adjusted": every trainer's adjusted (shrunken) overall score
  (n*mean + k*mu)/(n + k) with k = 10 and mu the mean of every overall answer,
  and the rank among trainers with n >= 5 that the registry resolved (a
  trainer_id); "in_registry" says which. Names the registry did not resolve
  are not ranked (the export was made with a registry).

Intervals of a mean stay on the question's scale [a, b] (1-5, 0-10 for nps):
with p = (x - a)/(b - a) and half a pseudo-answer at each end of the scale,
p~ = (sum p + 1/2)/(n + 1) and s~^2 = [sum (p - p~)^2 + p~^2/2 + (1 - p~)^2/2]/n;
the interval is expit(logit p~ -/+ t(0.975, n - 1) s~/sqrt(n)/(p~(1 - p~)))
mapped back to [a, b] and widened to contain the mean; one answer gives
[a, b]. The NPS interval is the same on answers scored +100 (9-10), 0 (7-8)
and -100 (0-6), on [-100, 100].
"""

import csv
import json
import math
import pathlib

import numpy as np
from scipy import special, stats

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent / "Reference" / "sample-export.csv"
TARGET = HERE / "report_expected.json"

MEASURES = ["overall", "delivery", "content", "organisation", "applicability", "nps"]
SESSION = "ALM-2024-11-A"
YEAR = 2022
K_SHRINK = 10.0
MIN_N = 5


def answers(rows, measure):
    return [float(r[measure]) for r in rows if r[measure] != ""]


def interval(xs, a, b):
    x = np.asarray(xs, dtype=float)
    n = len(x)
    if n == 1:
        return float(a), float(b)
    p = (x - a) / (b - a)
    centre = (p.sum() + 0.5) / (n + 1)
    spread = math.sqrt((float(np.sum((p - centre) ** 2)) + 0.5 * centre ** 2 + 0.5 * (1 - centre) ** 2) / n)
    half = float(stats.t.ppf(0.975, n - 1)) * spread / math.sqrt(n) / (centre * (1 - centre))
    low = a + (b - a) * float(special.expit(special.logit(centre) - half))
    high = a + (b - a) * float(special.expit(special.logit(centre) + half))
    return min(low, float(x.mean())), max(high, float(x.mean()))


def describe(measure, xs):
    n = len(xs)
    out = {"measure": measure, "n": n}
    if n == 0:
        return out
    x = np.array(xs)
    mean = float(np.mean(x))
    out["mean"] = mean
    low, high = (0, 10) if measure == "nps" else (1, 5)
    out["ci95_low"], out["ci95_high"] = interval(x, low, high)
    out["top2"] = float(np.count_nonzero(x >= high - 1)) / n
    if measure == "nps":
        out["nps"] = 100.0 * (np.count_nonzero(x >= 9) - np.count_nonzero(x <= 6)) / n
        scored = np.where(x >= 9, 100.0, np.where(x <= 6, -100.0, 0.0))
        out["nps_ci95_low"], out["nps_ci95_high"] = interval(scored, -100, 100)
    return out


def suppress(counts):
    marks = ["primary" if 1 <= c < MIN_N else "published" for c in counts]
    if marks.count("primary") == 1:
        candidates = [i for i, c in enumerate(counts) if marks[i] == "published" and c > 0]
        if candidates:
            marks[min(candidates, key=lambda i: (counts[i], i))] = "complementary"
    return marks


def categories(rows, column):
    keys = sorted({r[column] for r in rows})
    out = []
    for key in keys:
        group = [r for r in rows if r[column] == key]
        overall = describe("overall", answers(group, "overall"))
        nps = describe("nps", answers(group, "nps"))
        out.append({"key": key, "responses": len(group), "sessions": len({r["session_id"] for r in group if r["session_id"]}),
                    "overall_mean": overall.get("mean"), "overall_ci95": [overall.get("ci95_low"), overall.get("ci95_high")],
                    "nps": nps.get("nps"), "nps_ci95": [nps.get("nps_ci95_low"), nps.get("nps_ci95_high")]})
    for row, mark in zip(out, suppress([r["responses"] for r in out])):
        row["suppression"] = mark
    return out


def main():
    with SOURCE.open(encoding="utf-8-sig", newline="") as f:
        records = list(csv.DictReader(f))

    session_rows = [r for r in records if r["session_id"] == SESSION]
    first = session_rows[0]
    session = {
        "id": SESSION, "responses": len(session_rows), "trainer_id": first["trainer_id"], "region": first["region"],
        "year": int(first["year"]), "date": first["session_date"],
        "questions": [describe(m, answers(session_rows, m)) for m in MEASURES],
    }
    # The trainer's reference: their responses from sessions that took place before this
    # session's first day (ISO dates compare as strings); later sessions never count.
    first_day = min(r["session_date"] for r in session_rows)
    earlier = [r for r in records if r["trainer_id"] == session["trainer_id"] and r["session_date"] and r["session_date"] < first_day]
    session["trainer_earlier"] = {
        "before": first_day, "responses": len(earlier),
        "sessions": len({r["session_id"] for r in earlier if r["session_id"]}),
        "years": [min(int(r["year"]) for r in earlier), max(int(r["year"]) for r in earlier)] if earlier else None,
        "means": {m: float(np.mean(answers(earlier, m))) for m in MEASURES if answers(earlier, m)},
    }

    year_rows = [r for r in records if r["year"] == str(YEAR)]
    yearly = {"year": YEAR, "groups": categories(year_rows, "participant_group"), "modules": categories(year_rows, "module")}

    everyone = answers(records, "overall")
    mu = float(np.mean(everyone))
    trainers = {}
    for r in records:
        key = r["trainer_id"] or r["trainer"]
        trainers.setdefault(key, []).append(r)
    adjusted = []
    for key, rows in trainers.items():
        xs = answers(rows, "overall")
        n, mean = len(xs), float(np.mean(xs))
        adjusted.append({"key": key, "name": rows[0]["trainer"], "n": n, "mean": mean, "in_registry": bool(rows[0]["trainer_id"]),
                         "adjusted": (n * mean + K_SHRINK * mu) / (n + K_SHRINK)})
    ranked = sorted((a for a in adjusted if a["n"] >= MIN_N and a["in_registry"]), key=lambda a: -a["adjusted"])
    for rank, a in enumerate(ranked, 1):
        a["rank"] = rank

    expected = {"source": "../Reference/sample-export.csv", "responses": len(records), "overall_mean": mu,
                "session": session, "yearly_categories": yearly, "adjusted": sorted(adjusted, key=lambda a: a.get("rank", 99))}
    TARGET.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET}: session {SESSION} n={len(session_rows)}, {len(yearly['groups'])} groups, {len(adjusted)} trainers")


if __name__ == "__main__":
    main()
