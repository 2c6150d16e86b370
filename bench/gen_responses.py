#!/usr/bin/env python3
"""Generate a deterministic synthetic CSV of youth-work training feedback responses.

Usage:
    python3 bench/gen_responses.py [--rows N] [--seed S] [OUTPUT]

Defaults: 1,000,000 data rows (about 200 MB), seed 20240601, output
bench/.out/responses-1m.csv.  Same arguments -> byte-identical file.

Format: UTF-8 (no BOM), comma-separated, LF line endings, one header line.
Columns (names are a contract: the aggregation benchmark reuses this file):

    response_id, region, city, year, session_date, trainer, module,
    participant_group, overall, delivery, content, organisation,
    applicability, nps, comment

* region: ISO 3166-2:KZ codes, all 20 (17 regions + Astana, Almaty, Shymkent).
* year 2019-2026, session_date an ISO date inside that year.
* overall..applicability: 1-5, ~3% empty (missing); nps 0-10, ~3% empty.
* comment: always quoted when non-empty (~12% empty, written as an empty
  field); Kazakh / Russian / English; may contain commas, doubled quotes ("")
  and, in ~0.5% of rows, an embedded LF.  The number of physical lines is
  therefore larger than rows + 1.

Stdlib only.  Speed comes from sampling whole columns per chunk with
random.choices() over precomputed pools and writing ~50k rows per write().
"""

import argparse
import datetime
import os
import random
import sys
import time

HEADER = ("response_id,region,city,year,session_date,trainer,module,"
          "participant_group,overall,delivery,content,organisation,"
          "applicability,nps,comment")

# ISO 3166-2:KZ (after the 2018 and 2022 reforms): code, cities, population weight
REGIONS = [
    ("KZ-75", ["Almaty"], 22),
    ("KZ-71", ["Astana"], 15),
    ("KZ-79", ["Shymkent"], 12),
    ("KZ-35", ["Karaganda", "Temirtau"], 7),
    ("KZ-61", ["Turkistan", "Kentau"], 8),
    ("KZ-19", ["Konaev", "Kaskelen"], 6),
    ("KZ-15", ["Aktobe"], 5),
    ("KZ-55", ["Pavlodar", "Ekibastuz"], 4),
    ("KZ-63", ["Oskemen", "Ridder"], 4),
    ("KZ-31", ["Taraz"], 4),
    ("KZ-43", ["Kyzylorda"], 4),
    ("KZ-47", ["Aktau", "Zhanaozen"], 4),
    ("KZ-23", ["Atyrau"], 3),
    ("KZ-39", ["Kostanay", "Rudny"], 3),
    ("KZ-27", ["Oral"], 3),
    ("KZ-11", ["Kokshetau"], 3),
    ("KZ-10", ["Semey"], 2),
    ("KZ-59", ["Petropavl"], 2),
    ("KZ-33", ["Taldykorgan"], 2),
    ("KZ-62", ["Zhezkazgan", "Satbayev"], 1),
]

YEARS = list(range(2019, 2027))
YEAR_WEIGHTS = [4, 3, 5, 7, 9, 11, 12, 10]  # covid dip, then growth

TRAINERS = [
    # Kazakh (Cyrillic, incl. Kazakh-specific letters)
    "Айгерім Сапарова", "Ерлан Жұмабаев", "Әсел Нұрланқызы", "Нұрсұлтан Әбдіқадыров",
    "Ғалия Төлегенова", "Қанат Оспанов", "Жанар Құрманғалиева", "Дәурен Серікбаев",
    "Мөлдір Ахметова", "Бауыржан Қасымов", "Гүлнұр Есенова", "Аңсар Бекмұхамбетов",
    "Үміт Исабекова", "Айдос Өтегенов", "Перизат Ілиясова", "Ержан Бақытжанұлы",
    # Russian (Cyrillic)
    "Ольга Петрова", "Дмитрий Ковалёв", "Наталья Смирнова", "Сергей Иванов",
    "Екатерина Волкова", "Алексей Никитин", "Юлия Фёдорова", "Андрей Ким",
    "Татьяна Лебедева", "Максим Пак",
    # Latin (transliterated Kazakh/Russian and international trainers)
    "Aigerim Saparova", "Yerlan Zhumabayev", "Dana Nurpeisova", "Timur Akhmetov",
    "Madina Seitkali", "Olga Petrova", "Anna Müller", "John O'Connor",
    "Sofia García", "Lars Østergaard", "Emily Carter", "Arman Tokayev",
]

MODULES = ["open youth work", "specialised youth work", "digital youth work", "street youth work"]
MODULE_WEIGHTS = [40, 25, 20, 15]

GROUPS = ["pupil", "student", "working_youth", "youth_worker", "other"]
GROUP_WEIGHTS = [25, 30, 20, 18, 7]

# Comment building blocks.  Some contain commas or "quoted" words; quotes are
# doubled when the field is written.
FRAGMENTS = [
    # Kazakh
    "Тренинг өте пайдалы болды",
    "Жаттықтырушы барлық сұрақтарға жауап берді",
    "Көбірек практикалық тапсырмалар керек",
    "Уақыт жеткіліксіз болды, тақырып кең",
    "Жастармен жұмыс істеуге жаңа идеялар алдым",
    "Ұйымдастыру жақсы, бірақ зал тар болды",
    "\"Цифрлық жастар жұмысы\" модулі ұнады",
    "Материалдар қазақ тілінде болса екен",
    "Рахмет, келесі жылы тағы қатысамын",
    "Мектептегі жұмысымда қолданамын",
    # Russian
    "Очень полезный тренинг",
    "Тренер объяснял понятно, с примерами из практики",
    "Хотелось бы больше времени на обсуждение",
    "Кофе-брейк был слишком коротким, а программа насыщенной",
    "Модуль \"Уличная работа с молодёжью\" — лучший",
    "Не хватило раздаточных материалов",
    "Применю знания в работе с подростками",
    "Организация на высоте, спасибо",
    "Слишком много теории, мало практики",
    "Зал был холодный, микрофон не работал",
    # English
    "Very useful session",
    "The trainer was engaging, well prepared and clear",
    "I would like more case studies",
    "Too much content for one day",
    "Great networking with other youth workers",
    "The \"street youth work\" part was the highlight",
    "Slides were hard to read from the back",
    "Will recommend to colleagues",
    "Online part had connection issues, otherwise fine",
    "Translation between Kazakh and Russian was helpful",
]
JOINERS = [". ", "; ", ", ", " — ", "! ", ". "]


def build_date_pool(rng):
    """ISO dates per year (sessions mostly on weekdays)."""
    pools = {}
    for y in YEARS:
        d = datetime.date(y, 1, 1)
        days = []
        while d.year == y:
            days.append(d.isoformat())
            if d.weekday() < 5:  # weekdays twice as likely
                days.append(d.isoformat())
            d += datetime.timedelta(days=1)
        pools[y] = days
    return pools


def build_score_pool(rng, size):
    """Pre-joined 'overall,delivery,content,organisation,applicability,nps'
    strings with per-respondent correlation and ~3% independent missingness."""
    pool = []
    for _ in range(size):
        base = rng.choices([1, 2, 3, 4, 5], weights=[4, 7, 18, 38, 33])[0]
        vals = []
        for _k in range(5):
            v = base + rng.choices([-1, 0, 1], weights=[20, 60, 20])[0]
            v = min(5, max(1, v))
            vals.append("" if rng.random() < 0.03 else str(v))
        nps = round((base - 1) * 2.5 + rng.gauss(0, 1.5))
        nps = min(10, max(0, nps))
        vals.append("" if rng.random() < 0.03 else str(nps))
        pool.append(",".join(vals))
    return pool


def build_comment_pool(rng, size):
    """Comment fields, already CSV-encoded (quoted, quotes doubled) or ''."""
    pool = []
    for _ in range(size):
        r = rng.random()
        if r < 0.12:
            pool.append("")
            continue
        n = rng.choices([1, 2, 3, 4], weights=[38, 37, 18, 7])[0]
        parts = [rng.choice(FRAGMENTS) for _ in range(n)]
        text = parts[0]
        for p in parts[1:]:
            j = rng.choice(JOINERS)
            if rng.random() < 0.005:
                j = ".\n"  # embedded newline (~0.5% of pool entries overall)
            text += j + p
        if rng.random() < 0.3:
            text += rng.choice([".", "!", "...", " :)", " 👍"])
        pool.append('"' + text.replace('"', '""') + '"')
    return pool


def generate(path, rows, seed, chunk=50_000):
    rng = random.Random(seed)
    date_pools = build_date_pool(rng)
    scores = build_score_pool(rng, 50_000)
    comments = build_comment_pool(rng, 200_000)
    region_city = []
    rc_weights = []
    for code, cities, w in REGIONS:
        for i, c in enumerate(cities):
            region_city.append(code + "," + c)
            # main city 75% of a two-city region's responses
            share = 1.0 if len(cities) == 1 else (0.75 if i == 0 else 0.25)
            rc_weights.append(w * share)
    year_date = []
    yd_weights = []
    for y, w in zip(YEARS, YEAR_WEIGHTS):
        days = date_pools[y]
        for d in days:
            year_date.append(f"{y},{d}")
            yd_weights.append(w / len(days))
    mod_group = []
    mg_weights = []
    for m, mw in zip(MODULES, MODULE_WEIGHTS):
        for g, gw in zip(GROUPS, GROUP_WEIGHTS):
            mod_group.append(m + "," + g)
            mg_weights.append(mw * gw)
    # cumulative weights -> faster choices()
    def cum(ws):
        out, s = [], 0.0
        for w in ws:
            s += w
            out.append(s)
        return out
    rc_cum, yd_cum, mg_cum = cum(rc_weights), cum(yd_weights), cum(mg_weights)

    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    choices = rng.choices
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=8 << 20) as f:
        f.write(HEADER + "\n")
        done = 0
        while done < rows:
            k = min(chunk, rows - done)
            rc = choices(region_city, cum_weights=rc_cum, k=k)
            yd = choices(year_date, cum_weights=yd_cum, k=k)
            tr = choices(TRAINERS, k=k)
            mg = choices(mod_group, cum_weights=mg_cum, k=k)
            sc = choices(scores, k=k)
            cm = choices(comments, k=k)
            start = done + 1
            f.write("".join(
                [f"R{start + i:08d},{rc[i]},{yd[i]},{tr[i]},{mg[i]},{sc[i]},{cm[i]}\n"
                 for i in range(k)]))
            done += k
    os.replace(tmp, path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("output", nargs="?", default=os.path.join(here, ".out", "responses-1m.csv"))
    ap.add_argument("--rows", type=int, default=1_000_000, help="data rows (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    t0 = time.perf_counter()
    generate(a.output, a.rows, a.seed)
    dt = time.perf_counter() - t0
    size = os.path.getsize(a.output)
    print(f"wrote {a.output}: {a.rows} rows, {size} bytes ({size / 1e6:.1f} MB) in {dt:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
