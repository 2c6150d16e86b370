#!/usr/bin/env python3
"""Golden values for PikirStats, computed independently with NumPy and SciPy.

Run by hand (never by the tests), from any directory:

    python3 Tests/PikirStatsTests/Reference/make_golden.py

It writes golden.json and coverage.md (the Monte Carlo coverage of the
interval of a mean, new against old) beside this script; commit all three. Written against
SciPy 1.17 / NumPy 2.4; mpmath (installed with SciPy's test extras, or on its
own) gives 40-digit references where SciPy itself is not accurate enough.

Conventions of the JSON: `null` means "not computable" (the Swift API returns
nil); intervals are [low, high]; the tests compare every number to 1e-9
relative, with an absolute floor of 1e-12 for values that should be zero.

Where the module makes a decision that SciPy does not (degenerate inputs), the
decision is written here as a rule, next to the case, so the JSON says what
the Swift code must do.
"""

import json
import math
import pathlib
import warnings

import numpy as np
import scipy
from scipy import special, stats

try:
    import mpmath
except ImportError:  # pragma: no cover - only the hard t quantiles need it
    mpmath = None

Z975 = float(stats.norm.ppf(0.975))  # 1.959963984540054
RNG = np.random.default_rng(20240601)


def fnum(x):
    """A plain float for JSON, or None for NaN / infinity / None."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def interval(low, high):
    return [fnum(low), fnum(high)]


# --------------------------------------------------------------------------
# Answer sets
# --------------------------------------------------------------------------

large_15 = RNG.choice([1, 2, 3, 4, 5], size=1000, p=[0.05, 0.07, 0.18, 0.35, 0.35]).tolist()
large_15_b = RNG.choice([1, 2, 3, 4, 5], size=800, p=[0.06, 0.08, 0.20, 0.36, 0.30]).tolist()
large_010 = RNG.choice(range(11), size=1000,
                       p=[0.02, 0.01, 0.01, 0.02, 0.03, 0.06, 0.07, 0.12, 0.18, 0.22, 0.26]).tolist()
mid_a = RNG.choice([1, 2, 3, 4, 5], size=30, p=[0.1, 0.1, 0.2, 0.3, 0.3]).tolist()
mid_b = RNG.choice([1, 2, 3, 4, 5], size=40, p=[0.05, 0.05, 0.15, 0.35, 0.4]).tolist()

ANSWERS = {
    "empty": [],
    "one": [4],
    "two": [3, 5],
    "all_equal": [4] * 7,
    "one_to_five": [5, 4, 4, 3, 5, 2, 5, 1, 4, 4],
    "ties": [3, 3, 3, 4, 4, 5, 5, 5, 5, 1],
    "decimals": [4.5, 3, 5, 4.5, 2.5, 4, 3.5],
    "skewed": [5] * 40 + [1] * 3 + [4] * 10,
    "nps_answers": [10, 9, 9, 8, 7, 6, 10, 3, 0, 9, 8, 10, 5],
    "nps_decimals": [9.5, 8.5, 6.5, 6, 10, 0, 7.25],
    "out_of_fast_range": [-1, 12, 3, 3, 0.25, 100],
    "large_1_5": large_15,
    "large_0_10": large_010,
    "mid_a": mid_a,
    "mid_b": mid_b,
}


# --------------------------------------------------------------------------
# Descriptive statistics (numpy; quantiles by method="linear" = type 7)
# --------------------------------------------------------------------------

def bounded_mean_interval(values, scale):
    """The 95% interval of a mean on a bounded scale [a, b]: a logit interval
    of the rescaled mean with half a pseudo-answer at each end of the scale.

    p = (x - a)/(b - a); p~ = (sum p + 1/2)/(n + 1); the spread is that of
    the n answers (weight 1) and half an answer at 0 and at 1 (weight 1/2
    each), divided by n (total weight n + 1, less one); se_L = s~/sqrt(n) /
    (p~(1 - p~)); logit(p~) -/+ t(0.975, n - 1) se_L mapped back with the
    logistic function, widened to contain the plain mean.

    Rules: n = 0 -> null; n = 1 -> the whole scale; answers outside the scale
    widen it to [min(a, min x), max(b, max x)].
    """
    x = np.asarray(values, dtype=float)
    n = len(x)
    if n == 0:
        return None
    a, b = min(float(scale[0]), float(x.min())), max(float(scale[1]), float(x.max()))
    if n == 1:
        return interval(a, b)
    p = (x - a) / (b - a)
    # The n answers with weight 1 and the two pseudo-answers with weight 1/2.
    points = np.concatenate([p, [0.0, 1.0]])
    weights = np.concatenate([np.ones(n), [0.5, 0.5]])
    centre = float(np.average(points, weights=weights))
    spread = math.sqrt(float(np.sum(weights * (points - centre) ** 2)) / (weights.sum() - 1))
    se_logit = spread / math.sqrt(n) / (centre * (1 - centre))
    half = float(stats.t.ppf(0.975, n - 1)) * se_logit
    low = a + (b - a) * float(special.expit(special.logit(centre) - half))
    high = a + (b - a) * float(special.expit(special.logit(centre) + half))
    mean = float(np.mean(x))
    return interval(min(low, mean), max(high, mean))


def summary(values, scale):
    x = np.asarray(values, dtype=float)
    n = len(x)
    out = {"n": n}
    if n == 0:
        # Rule: an empty group has n = 0 and nothing else.
        out.update(mean=None, sd=None, se=None, ci95=None, min=None, max=None,
                   median=None, p25=None, p75=None, distribution=[])
        return out
    mean = float(np.mean(x))
    out.update(mean=mean, min=float(x.min()), max=float(x.max()),
               median=float(np.quantile(x, 0.5, method="linear")),
               p25=float(np.quantile(x, 0.25, method="linear")),
               p75=float(np.quantile(x, 0.75, method="linear")))
    if n >= 2:
        sd = float(np.std(x, ddof=1))
        # Rule: zero variance gives sd = se = 0 (the interval still has width).
        out.update(sd=sd, se=sd / math.sqrt(n))
    else:
        # Rule: n = 1 has no spread; sd and se are not computable.
        out.update(sd=None, se=None)
    out["ci95"] = bounded_mean_interval(x, scale)
    values_, counts = np.unique(x, return_counts=True)
    out["distribution"] = [[float(v), int(c)] for v, c in zip(values_, counts)]
    return out


LIKERT, NPS_SCALE = (1, 5), (0, 10)
# The scale of each answer set (out_of_fast_range has answers outside it).
SCALES = {"nps_answers": NPS_SCALE, "nps_decimals": NPS_SCALE, "large_0_10": NPS_SCALE,
          "out_of_fast_range": NPS_SCALE}
# Small groups and all-equal answers, where the t-interval leaves the scale or
# collapses to a point; "issue_n4" is the 2.73-5.77 of issue 14. Their own
# generator, so the draws of RNG (and every case after) stay as they were.
INTERVAL_RNG = np.random.default_rng(20261205)
INTERVAL_ANSWERS = {
    "n1_five": ([5], LIKERT), "n2": ([5, 4], LIKERT), "n3": ([5, 4, 4], LIKERT),
    "issue_n4": ([5, 5, 4, 3], LIKERT), "n5": ([5, 4, 4, 3, 5], LIKERT),
    "n2_ends": ([1, 5], LIKERT), "n3_low": ([1, 1, 2], LIKERT),
    "all_5_n2": ([5] * 2, LIKERT), "all_5_n4": ([5] * 4, LIKERT), "all_5_n30": ([5] * 30, LIKERT),
    "all_1_n4": ([1] * 4, LIKERT), "all_1_n10": ([1] * 10, LIKERT), "all_3_n4": ([3] * 4, LIKERT),
    "mixed_n12": ([5, 5, 4, 1, 3, 5, 4, 4, 2, 5, 5, 4], LIKERT),
    "n30": (INTERVAL_RNG.choice([1, 2, 3, 4, 5], size=30, p=[0.02, 0.03, 0.10, 0.35, 0.50]).tolist(), LIKERT),
    "n100": (INTERVAL_RNG.choice([1, 2, 3, 4, 5], size=100, p=[0.01, 0.01, 0.03, 0.15, 0.80]).tolist(), LIKERT),
    "nps_n3": ([10, 9, 7], NPS_SCALE), "nps_all_10_n5": ([10] * 5, NPS_SCALE),
    "nps_all_0_n3": ([0] * 3, NPS_SCALE), "nps_one": ([8], NPS_SCALE),
}

summaries = [{"name": k, "values": v, "scale": list(SCALES.get(k, LIKERT)),
              "expected": summary(v, SCALES.get(k, LIKERT))} for k, v in ANSWERS.items()]
summaries += [{"name": k, "values": v, "scale": list(scale), "expected": summary(v, scale)}
              for k, (v, scale) in INTERVAL_ANSWERS.items()]


QUANTILE_PS = [0, 0.01, 0.1, 0.25, 1 / 3, 0.5, 0.6, 0.75, 0.9, 0.99, 1]
quantiles = []
for name in ["two", "one_to_five", "decimals", "skewed", "out_of_fast_range", "large_1_5", "one"]:
    x = np.asarray(ANSWERS[name], dtype=float)
    quantiles.append({"name": name, "values": ANSWERS[name], "ps": QUANTILE_PS,
                      "expected": [float(np.quantile(x, p, method="linear")) for p in QUANTILE_PS]})
# Rule: no quantile of an empty group, and none for p outside [0, 1].
quantiles.append({"name": "empty", "values": [], "ps": [0.5], "expected": [None]})
quantiles.append({"name": "p_outside", "values": [1, 2, 3], "ps": [-0.1, 1.5], "expected": [None, None]})


# --------------------------------------------------------------------------
# Proportions: Wilson score interval by its closed formula, z = norm.ppf
# --------------------------------------------------------------------------

def wilson(successes, n, confidence=0.95):
    if n <= 0 or successes < 0 or successes > n:
        return None
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    p = successes / n
    denominator = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return interval(max(0.0, center - half), min(1.0, center + half))


wilson_cases = []
for s, n, c in [(0, 1, 0.95), (1, 1, 0.95), (0, 10, 0.95), (10, 10, 0.95), (3, 10, 0.95),
                (45, 100, 0.95), (1, 1000, 0.95), (999, 1000, 0.95), (7, 20, 0.90),
                (7, 20, 0.99), (350, 1000, 0.95), (5, 0, 0.95), (0, 0, 0.95), (11, 10, 0.95)]:
    wilson_cases.append({"successes": s, "n": n, "confidence": c, "expected": wilson(s, n, c)})


def proportion(successes, n):
    ci = wilson(successes, n)
    if ci is None:
        return None
    return {"successes": successes, "n": n, "share": successes / n, "ci95": ci}


def boxes(values, scale, points):
    """Top/bottom box by threshold: x >= hi - points + 1, x <= lo + points - 1."""
    lo, hi = scale
    x = np.asarray(values, dtype=float)
    if len(x) == 0 or points < 1 or points > hi - lo + 1:
        return None, None
    top = int(np.sum(x >= hi - points + 1))
    bottom = int(np.sum(x <= lo + points - 1))
    return proportion(top, len(x)), proportion(bottom, len(x))


box_cases = []
for name, scale, points in [("one_to_five", (1, 5), 2), ("decimals", (1, 5), 2), ("skewed", (1, 5), 2),
                            ("skewed", (1, 5), 1), ("large_1_5", (1, 5), 2), ("nps_answers", (0, 10), 2),
                            ("large_0_10", (0, 10), 2), ("nps_decimals", (0, 10), 3), ("all_equal", (1, 5), 2),
                            ("empty", (1, 5), 2), ("one", (1, 5), 0), ("one", (1, 5), 6), ("one", (1, 5), 5)]:
    top, bottom = boxes(ANSWERS[name], scale, points)
    box_cases.append({"name": name, "values": ANSWERS[name], "scale": list(scale), "points": points,
                      "top": top, "bottom": bottom})


def nps(values):
    """NPS = 100 (p+ - p-); promoters x >= 9, detractors x <= 6."""
    x = np.asarray(values, dtype=float)
    n = len(x)
    if n == 0:
        return None
    promoters = int(np.sum(x >= 9))
    detractors = int(np.sum(x <= 6))
    pp, pm = promoters / n, detractors / n
    score = 100 * (pp - pm)
    se = 100 * math.sqrt(max(0.0, pp + pm - (pp - pm) ** 2) / n)
    # The interval: each answer scores +100 (promoter), 0 (passive) or -100
    # (detractor); NPS is their mean, and its interval is the bounded-mean
    # interval on [-100, 100].
    scored = np.where(x >= 9, 100.0, np.where(x <= 6, -100.0, 0.0))
    return {"n": n, "promoters": promoters, "detractors": detractors, "score": score, "se": se,
            "ci95": bounded_mean_interval(scored, (-100, 100))}


nps_cases = [{"name": k, "values": ANSWERS[k], "expected": nps(ANSWERS[k])}
             for k in ["nps_answers", "nps_decimals", "large_0_10", "empty", "one", "all_equal"]]
nps_cases.append({"name": "all_promoters", "values": [9, 10, 10], "expected": nps([9, 10, 10])})
nps_cases.append({"name": "all_detractors", "values": [0, 6, 2, 2], "expected": nps([0, 6, 2, 2])})
for name, values in [("one_promoter", [10]), ("one_passive", [7]), ("two_promoters", [9, 10]),
                     ("all_passive", [7, 8, 8, 7]), ("small_mixed", [10, 3, 9, 8, 10])]:
    nps_cases.append({"name": name, "values": values, "expected": nps(values)})


# --------------------------------------------------------------------------
# Distributions
# --------------------------------------------------------------------------

normal_quantile = [{"p": p, "expected": fnum(stats.norm.ppf(p)) if 0 < p < 1 else None}
                   for p in [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.02425, 0.025, 0.1, 0.3, 0.5,
                             0.7, 0.9, 0.975, 0.999, 1 - 1e-10, 0.0, 1.0, -0.5, 2.0]]
normal_cdf = [{"x": x, "expected": float(stats.norm.cdf(x))}
              for x in [-40, -10, -5, -1.959963984540054, -1, -0.1, 0, 0.3, 1, 1.96, 3, 8, 40]]

T_PS = [1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.6, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999]
T_DFS = [1, 1.5, 2, 3, 4.7, 9, 29, 99, 999, 1e5]
t_quantile = [{"p": p, "df": df, "expected": float(stats.t.ppf(p, df))} for p in T_PS for df in T_DFS]
# Rule: no quantile at p = 0 or 1 (infinite), nor for df <= 0.
t_quantile += [{"p": p, "df": df, "expected": None} for p, df in [(0, 5), (1, 5), (0.5, 0), (0.9, -1)]]


def t_quantile_mp(p, df):
    """40-digit reference: solve log tail(t) = log q with mpmath's incomplete beta."""
    mpmath.mp.dps = 40
    q = mpmath.mpf(p) if p < 0.5 else 1 - mpmath.mpf(p)
    nu = mpmath.mpf(df)

    def tail(t):
        return 0.5 * mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True)

    guess = abs(float(stats.norm.ppf(min(p, 1 - p))))
    guess = guess if guess > 0 else 1.0
    if p < 1e-100:
        guess = (float(q) * 1e2) ** (-1 / df)
    t = mpmath.findroot(lambda t: mpmath.log(tail(t)) - mpmath.log(q), mpmath.mpf(guess), tol=1e-35)
    return float(t) * (-1 if p < 0.5 else 1)


# SciPy (Boost) is off by ~1e-9 relative next to the center and overflows
# to -inf at p = 1e-300; these come from mpmath instead.
t_quantile_hard = []
if mpmath is not None:
    for p, df in [(0.4999, 4), (0.5001, 4), (1e-300, 10), (0.975, 1e7), (0.025, 1e6), (1e-20, 3.5),
                  (0.4999, 1), (0.975, 2.5)]:
        t_quantile_hard.append({"p": p, "df": df, "expected": t_quantile_mp(p, df)})

t_cdf = [{"t": t, "df": df, "expected": float(stats.t.cdf(t, df))}
         for t in [-50, -8, -3, -1.96, -0.5, 0, 0.1, 1, 2.5, 12] for df in [1, 2.5, 7, 30, 1000, 1e6]]
t_cdf += [{"t": 1.0, "df": df, "expected": None} for df in [0, -3]]

chi2_sf = [{"x": x, "df": df, "expected": float(stats.chi2.sf(x, df))}
           for x in [0.001, 0.5, 1, 3.84, 7.81, 12, 30, 100, 400] for df in [1, 2, 3, 4, 6, 12, 25, 100]]
chi2_sf += [{"x": 0.0, "df": 3, "expected": 1.0}, {"x": 5.0, "df": 0, "expected": None}]


# --------------------------------------------------------------------------
# Tests of two groups
# --------------------------------------------------------------------------

def welch(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    # Rule: nil when a group has fewer than 2 answers or both have zero variance.
    if len(a) < 2 or len(b) < 2 or (np.var(a) == 0 and np.var(b) == 0):
        return None
    with warnings.catch_warnings():
        # SciPy warns about "precision loss" when one group's answers are all
        # equal; its variance is exactly 0 then and the result is exact.
        warnings.filterwarnings("ignore", message="Precision loss")
        res = stats.ttest_ind(a, b, equal_var=False)
    ci = res.confidence_interval(0.95)
    va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    return {"mean_difference": float(a.mean() - b.mean()), "se": math.sqrt(va + vb),
            "t": float(res.statistic), "df": float(res.df), "p": float(res.pvalue),
            "ci95": interval(ci.low, ci.high)}


WELCH_PAIRS = [
    ("one_to_five", "ties"), ("mid_a", "mid_b"), ("large_1_5", "large_1_5_b"), ("decimals", "two"),
    ("all_equal", "one_to_five"), ("skewed", "all_equal"), ("ties", "one_to_five"),
    ("one", "one_to_five"), ("empty", "ties"), ("all_equal", "all_equal_3"), ("far_a", "far_b"),
]
EXTRA = {"large_1_5_b": large_15_b, "all_equal_3": [3, 3, 3], "far_a": [5, 5, 4, 5, 5, 5, 4, 5],
         "far_b": [1, 2, 1, 1, 2, 1, 1, 1, 2]}
NAMED = {**ANSWERS, **EXTRA}

welch_cases = [{"a": NAMED[x], "b": NAMED[y], "name": f"{x} vs {y}", "expected": welch(NAMED[x], NAMED[y])}
               for x, y in WELCH_PAIRS]


def welch_stats(n1, m1, s1, n2, m2, s2):
    if n1 < 2 or n2 < 2 or (s1 == 0 and s2 == 0):
        return None
    res = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    se = math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    half = float(stats.t.ppf(0.975, df)) * se
    return {"mean_difference": m1 - m2, "se": se, "t": float(res.statistic), "df": df,
            "p": float(res.pvalue), "ci95": interval(m1 - m2 - half, m1 - m2 + half)}


welch_stats_cases = [
    {"n1": n1, "mean1": m1, "sd1": s1, "n2": n2, "mean2": m2, "sd2": s2,
     "expected": welch_stats(n1, m1, s1, n2, m2, s2)}
    for n1, m1, s1, n2, m2, s2 in [(25, 4.2, 0.8, 40, 3.9, 1.1), (3, 4.0, 0.5, 300, 4.4, 0.9),
                                   (1000, 4.31, 0.95, 1200, 4.28, 1.02), (2, 5.0, 0.0, 2, 4.0, 0.7071),
                                   (10, 3.0, 0.0, 12, 3.5, 0.0), (1, 4.0, 0.0, 10, 4.0, 1.0)]
]


def mann_whitney(a, b):
    if len(a) == 0 or len(b) == 0:
        return None
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    n1, n2 = len(a), len(b)
    ranks = stats.rankdata(np.concatenate([a, b]))
    u = float(ranks[:n1].sum() - n1 * (n1 + 1) / 2)
    if len(np.unique(np.concatenate([a, b]))) == 1:
        # Rule: every answer tied -> no spread of ranks, z and p are not computable.
        return {"u": u, "z": None, "p": None}
    res = stats.mannwhitneyu(a, b, method="asymptotic", use_continuity=True, alternative="two-sided")
    assert abs(res.statistic - u) < 1e-9
    # z by hand (SciPy does not return it): ties and continuity corrected.
    _, t = np.unique(np.concatenate([a, b]), return_counts=True)
    big_n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((big_n + 1) - float(np.sum(t ** 3 - t)) / (big_n * (big_n - 1))))
    z = (max(u, n1 * n2 - u) - n1 * n2 / 2 - 0.5) / sigma
    return {"u": float(res.statistic), "z": z, "p": float(res.pvalue)}


MW_PAIRS = [
    ([1, 2, 3, 4, 5], [3, 4, 5, 5, 5, 4]), (mid_a, mid_b), (large_15, large_15_b),
    ([4, 4, 4], [4, 4]), ([1, 1, 2], [4, 5, 5, 5]), ([4.5, 3, 2.5], [4.5, 5, 1]), ([3], [5]),
    ([5, 4, 4, 3, 5], []), (ANSWERS["one_to_five"], ANSWERS["ties"]), ([2, 2, 2, 2], [2, 2, 3]),
]
mann_whitney_cases = [{"a": a, "b": b, "expected": mann_whitney(a, b)} for a, b in MW_PAIRS]


def chi_square(table):
    t = np.asarray(table, dtype=float)
    # Rule: nil for fewer than 2 rows or columns, or a zero row/column total
    # (SciPy raises on a zero expected count).
    if t.ndim != 2 or t.shape[0] < 2 or t.shape[1] < 2 or (t.sum(axis=0) == 0).any() or (t.sum(axis=1) == 0).any():
        return None
    res = stats.chi2_contingency(t, correction=False)
    return {"statistic": float(res.statistic), "df": int(res.dof), "p": float(res.pvalue),
            "min_expected": float(res.expected_freq.min())}


CHI_TABLES = [
    [[10, 20], [30, 25]], [[5, 0], [0, 5]], [[100, 0], [0, 100]], [[1000, 1200], [1100, 900]],
    [[12, 15, 9, 20], [8, 14, 22, 6], [30, 11, 7, 9]], RNG.integers(0, 40, size=(3, 4)).tolist(),
    [[3, 7, 2], [9, 1, 6]], [[20, 20], [20, 20]], [[0, 0], [1, 2]], [[1, 2, 3]], [[4], [5]],
]
chi_square_cases = [{"table": t, "expected": chi_square(t)} for t in CHI_TABLES]


# --------------------------------------------------------------------------
# Holm (by hand: SciPy has no Holm; statsmodels is not installed)
# --------------------------------------------------------------------------

def holm_adjust(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: (ps[i], i))
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):  # rank 0 is the smallest p
        running = max(running, min(1.0, (m - rank) * ps[i]))
        adjusted[i] = running
    return adjusted


def holm_rejected(ps, alpha):
    m = len(ps)
    order = sorted(range(m), key=lambda i: (ps[i], i))
    rejected = [False] * m
    for rank, i in enumerate(order):
        if ps[i] > alpha / (m - rank):
            break
        rejected[i] = True
    return rejected


HOLM_LISTS = [
    ([0.01, 0.04, 0.03, 0.005], 0.05), ([0.5, 0.5, 0.001, 0.9, 0.2], 0.05), ([], 0.05), ([0.03], 0.05),
    ([0.025, 0.025], 0.05), ((RNG.random(20) ** 3).tolist(), 0.05), ([0.01, 0.02, 0.03, 0.04, 0.05], 0.1),
    ([1e-12, 0.3, 1.0], 0.01),
]
holm_cases = [{"p": ps, "alpha": alpha, "adjusted": holm_adjust(ps), "rejected": holm_rejected(ps, alpha)}
              for ps, alpha in HOLM_LISTS]


# --------------------------------------------------------------------------
# Year over year: current - previous with Welch's test of current vs previous
# --------------------------------------------------------------------------

def yoy(previous, current):
    if len(previous) == 0 or len(current) == 0:
        return None
    w = welch(current, previous)
    # Rule: the difference needs one answer per year; ci95 and p need Welch.
    return {"previous_mean": float(np.mean(previous)), "current_mean": float(np.mean(current)),
            "difference": float(np.mean(current) - np.mean(previous)),
            "ci95": w["ci95"] if w else None, "p": w["p"] if w else None}


yoy_cases = [{"previous": p, "current": c, "expected": yoy(p, c)} for p, c in [
    (mid_b, mid_a), (large_15_b, large_15), ([4], [3, 5, 4]), ([4, 4, 4], [5, 5]), ([], [4, 5]),
    (ANSWERS["ties"], ANSWERS["one_to_five"]),
]]


# --------------------------------------------------------------------------
# Cronbach's alpha: k/(k-1) (1 - sum var_i / var_total), numpy var(ddof=1)
# --------------------------------------------------------------------------

def cronbach(rows):
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(r) != len(rows[0]) for r in rows):
        return None
    x = np.asarray(rows, dtype=float)
    totals = x.sum(axis=1)
    if np.all(totals == totals[0]):
        return None  # Rule: totals with no variance -> not computable.
    k = x.shape[1]
    return float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / totals.var(ddof=1)))


latent = RNG.normal(0, 1, size=50)
correlated = np.clip(np.rint(3.5 + latent[:, None] + RNG.normal(0, 0.7, size=(50, 4))), 1, 5).tolist()
CRONBACH = [
    [[4, 5, 4], [3, 3, 4], [5, 5, 5], [2, 3, 2], [4, 4, 3]],
    correlated,
    [[1, 5, 3], [5, 1, 3], [2, 4, 4], [4, 2, 2]],
    [[4.5, 4, 5], [3, 3.5, 3], [2, 2.5, 3], [5, 5, 4.5]],
    [[4], [5], [3]],            # k = 1
    [[4, 5, 3]],                # n = 1
    [[1, 2], [2, 1], [3, 0]],   # equal totals
    [[3, 3], [3, 3]],           # no variance at all
    [[1, 2, 3], [2, 3]],        # ragged
    [],
]
cronbach_cases = [{"rows": r, "expected": cronbach(r)} for r in CRONBACH]


# --------------------------------------------------------------------------
# Shrinkage ranking: (n xbar + k mu)/(n + k), mu = sum(n xbar)/sum(n),
# best first, ties by id; groups with n <= 0 are left out.
# --------------------------------------------------------------------------

def shrink(groups, k):
    usable = [g for g in groups if g[1] > 0]
    total = 0.0
    weighted = 0.0
    for _, n, mean in usable:
        total += n
        weighted += n * mean
    if total == 0:
        return []
    mu = weighted / total
    scored = [(gid, n, mean, (n * mean + k * mu) / (n + k)) for gid, n, mean in usable]
    scored.sort(key=lambda g: (-g[3], g[0]))
    return [{"rank": i + 1, "id": g[0], "score": g[3]} for i, g in enumerate(scored)]


SHRINK = [
    ([("A", 1, 5.0), ("B", 200, 4.8), ("C", 30, 4.6), ("D", 5, 3.0)], 10.0),
    ([("B", 10, 4.0), ("A2", 10, 4.0), ("A1", 10, 4.0)], 10.0),
    ([("A", 1, 5.0), ("B", 200, 4.8), ("C", 30, 4.6), ("D", 5, 3.0)], 0.0),
    ([("A", 0, 5.0), ("B", 12, 4.1), ("C", 3, 4.9)], 25.0),
    ([], 10.0),
]
shrinkage_cases = [{"k": k, "groups": [{"id": g, "n": n, "mean": m} for g, n, m in groups],
                    "expected": shrink(groups, k)} for groups, k in SHRINK]


# --------------------------------------------------------------------------
# Small-cell suppression: rules, so the patterns are written by hand.
# P = primary (1 <= n < threshold), C = complementary, . = published.
# --------------------------------------------------------------------------

MARK = {"P": "primary", "C": "complementary", ".": "published"}

one_way = [
    # 3 is small; the row would give it away, so the smallest other positive cell (8) goes too.
    ([12, 3, 20, 8], 5, ".P.C"),
    # Two small cells protect each other: nothing else.
    ([12, 3, 2, 20], 5, ".PP."),
    # 0 is published (nobody to identify); complement = smallest positive, tie 10/10 -> lower index.
    ([0, 3, 10, 10, 15], 5, ".PC.."),
    ([10, 20, 30], 5, "..."),
    ([], 5, ""),
    # A single cell cannot be protected by another cell (its total should not be published).
    ([4], 5, "P"),
    # No positive cell left: fall back to the first zero cell.
    ([0, 0, 3], 5, "C.P"),
    # Threshold 10: 9 is small, 10 is not; 10 is the smallest complement.
    ([9, 10, 11, 50], 10, "PC.."),
    ([1, 1, 1, 1], 5, "PPPP"),
    # 5 is not small (n >= threshold); it is the smallest complement.
    ([5, 4, 6], 5, "CP."),
    # A 3-answer town hides the 7-answer one, never the region of 82 (nor the 40).
    ([82, 3, 40, 7], 5, ".P.C"),
]
suppression_one_way = [{"counts": c, "threshold": k, "expected": [MARK[m] for m in pattern]}
                       for c, k, pattern in one_way]

two_way = [
    # (0,1)=3 primary. Rows: row 0 -> smallest other, 15 at (0,2). Columns: col 1 -> 18 at (1,1);
    # col 2 -> 9 at (2,2). Rows again: row 1 -> 12 at (1,0); row 2 -> 30 at (2,0). Then every
    # row and column has two suppressed cells. (Greedy, as specified; not the minimal pattern.)
    ([[20, 3, 15], [12, 18, 25], [30, 40, 9]], 5, [".PC", "CC.", "C.C"]),
    # In a 2x2 table with totals, one small cell forces all four.
    ([[2, 10], [10, 10]], 5, ["PC", "CC"]),
    # (1,1)=2 primary; row 1 -> 6 at (1,0); col 0 -> only a zero left, (0,0); col 1 -> 7 at (0,1).
    ([[0, 7, 8], [6, 2, 9]], 5, ["CC.", "CP."]),
    ([[10, 20], [30, 40]], 5, ["..", ".."]),
    # Four small cells in a rectangle protect one another.
    ([[3, 4, 20], [3, 4, 30], [50, 60, 70]], 5, ["PP.", "PP.", "..."]),
    # One row: the row rule applies; one-cell columns cannot be protected.
    ([[3, 10, 12]], 5, ["PC."]),
    # Threshold 3: 1 and 2 are small and share row 0; columns 0 and 1 take 4 and 5.
    ([[1, 2, 3], [4, 5, 6]], 3, ["PP.", "CC."]),
]
suppression_two_way = [{"table": t, "threshold": k, "expected": [[MARK[m] for m in row] for row in pattern]}
                       for t, k, pattern in two_way]


# --------------------------------------------------------------------------
# Coverage: how often each 95% interval of a mean holds the true mean, by
# Monte Carlo from realistic answer distributions (written to coverage.md).
# --------------------------------------------------------------------------

COVERAGE_RNG = np.random.default_rng(20261206)
COVERAGE_SAMPLES = 20_000
COVERAGE_NS = [3, 5, 10, 30, 100]
LIKERT_DISTRIBUTIONS = {
    "typical (2/3/10/35/50 %)": [0.02, 0.03, 0.10, 0.35, 0.50],
    "very high (1/1/3/15/80 %)": [0.01, 0.01, 0.03, 0.15, 0.80],
    "moderate (5/10/25/35/25 %)": [0.05, 0.10, 0.25, 0.35, 0.25],
    "polarised (20/10/10/20/40 %)": [0.20, 0.10, 0.10, 0.20, 0.40],
}
# Detractor / passive / promoter shares of the 0-10 question.
NPS_DISTRIBUTIONS = {
    "NPS typical (15/30/55 %)": [0.15, 0.30, 0.55],
    "NPS very high (3/12/85 %)": [0.03, 0.12, 0.85],
}


def bounded_rows(x, a, b):
    """bounded_mean_interval for each row of x (n >= 2), vectorised."""
    n = x.shape[1]
    p = (x - a) / (b - a)
    centre = (p.sum(axis=1) + 0.5) / (n + 1)
    squares = ((p - centre[:, None]) ** 2).sum(axis=1) + 0.5 * centre ** 2 + 0.5 * (1 - centre) ** 2
    half = float(stats.t.ppf(0.975, n - 1)) * np.sqrt(squares / n) / math.sqrt(n) / (centre * (1 - centre))
    mean = x.mean(axis=1)
    low = a + (b - a) * special.expit(special.logit(centre) - half)
    high = a + (b - a) * special.expit(special.logit(centre) + half)
    return np.minimum(low, mean), np.maximum(high, mean)


def t_rows(x):
    n = x.shape[1]
    mean = x.mean(axis=1)
    half = float(stats.t.ppf(0.975, n - 1)) * x.std(axis=1, ddof=1) / math.sqrt(n)
    return mean - half, mean + half


def wald_nps_rows(x):
    n = x.shape[1]
    plus, minus = (x == 100).mean(axis=1), (x == -100).mean(axis=1)
    score = 100 * (plus - minus)
    half = Z975 * 100 * np.sqrt(np.maximum(0, plus + minus - (plus - minus) ** 2) / n)
    return np.maximum(-100, score - half), np.minimum(100, score + half)


def coverage_row(name, values, shares, scale, old, old_name):
    truth = float(np.dot(values, shares))
    cells = []
    for n in COVERAGE_NS:
        x = COVERAGE_RNG.choice(values, size=(COVERAGE_SAMPLES, n), p=shares).astype(float)
        new_low, new_high = bounded_rows(x, *scale)
        for i in range(3):  # the vectorised form is the scalar reference
            assert np.allclose([new_low[i], new_high[i]], bounded_mean_interval(x[i], scale), rtol=1e-12)
        old_low, old_high = old(x)
        new_cover = float(np.mean((new_low <= truth) & (truth <= new_high)))
        old_cover = float(np.mean((old_low <= truth) & (truth <= old_high)))
        outside = float(np.mean((old_low < scale[0]) | (old_high > scale[1]) | (old_high == old_low)))
        cells.append({"n": n, "new": new_cover, "old": old_cover, "new_width": float(np.mean(new_high - new_low)),
                      "old_width": float(np.mean(old_high - old_low)), "old_off_scale_or_point": outside})
    return {"distribution": name, "true_mean": truth, "old": old_name, "cells": cells}


coverage = [coverage_row(name, [1, 2, 3, 4, 5], shares, LIKERT, t_rows, "t")
            for name, shares in LIKERT_DISTRIBUTIONS.items()]
coverage += [coverage_row(name, [-100, 0, 100], shares, (-100, 100), wald_nps_rows, "Wald")
             for name, shares in NPS_DISTRIBUTIONS.items()]


def coverage_markdown():
    lines = [
        "# Coverage of the 95% interval of a mean (generated by make_golden.py; do not edit)",
        "",
        f"{COVERAGE_SAMPLES:,} samples of n answers from each distribution; the share of samples whose",
        "interval holds the true mean (nominal 0.950), and the mean width in scale points. *new* is the",
        "bounded-mean (logit, half a pseudo-answer at each end) interval of Sources/PikirStats/",
        "BoundedMeanInterval.swift; *old* is what it replaced: the Student t interval on 1-5, the",
        "Wald interval (clipped to -100...100) for NPS. *old off* is the share of old intervals that",
        "left the scale or were a single point.",
        "",
        "| distribution | n | new | old | new width | old width | old off |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in coverage:
        for c in row["cells"]:
            lines.append(f"| {row['distribution']} ({row['old']}) | {c['n']} | {c['new']:.3f} | {c['old']:.3f} | "
                         f"{c['new_width']:.2f} | {c['old_width']:.2f} | {c['old_off_scale_or_point']:.3f} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------

golden = {
    "generator": {"script": "make_golden.py", "numpy": np.__version__, "scipy": scipy.__version__,
                  "mpmath": mpmath.__version__ if mpmath else None},
    "summaries": summaries,
    "quantiles": quantiles,
    "wilson": wilson_cases,
    "boxes": box_cases,
    "nps": nps_cases,
    "normal_quantile": normal_quantile,
    "normal_cdf": normal_cdf,
    "t_quantile": t_quantile,
    "t_quantile_hard": t_quantile_hard,
    "t_cdf": t_cdf,
    "chi2_sf": chi2_sf,
    "welch": welch_cases,
    "welch_stats": welch_stats_cases,
    "mann_whitney": mann_whitney_cases,
    "chi_square": chi_square_cases,
    "holm": holm_cases,
    "year_over_year": yoy_cases,
    "cronbach": cronbach_cases,
    "shrinkage": shrinkage_cases,
    "suppression_one_way": suppression_one_way,
    "suppression_two_way": suppression_two_way,
}

with warnings.catch_warnings():
    warnings.simplefilter("error")
    text = json.dumps(golden, indent=1, allow_nan=False)
out = pathlib.Path(__file__).with_name("golden.json")
out.write_text(text + "\n")
print(f"wrote {out} ({len(text)} bytes)")
table = out.with_name("coverage.md")
table.write_text(coverage_markdown())
print(f"wrote {table}")
