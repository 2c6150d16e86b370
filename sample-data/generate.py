#!/usr/bin/env python3
"""Generate sample feedback-survey exports for pikir.

Run by hand from the repository root (or anywhere):

    python3 sample-data/generate.py

Writes the export files, expected.json (ground truth computed from the rows
as they were written -- never by parsing the files back) into the folder this
script lives in.  Standard library only; fixed seed, so the output is
byte-for-byte identical on every run.  Check the result with
`python3 sample-data/check.py`.

Terminology used for expected.json:
  * physical line   -- text between two line terminators of the file's own
                       kind (CRLF, LF or lone CR); an embedded newline inside a
                       quoted field is written with the same terminator and
                       therefore starts a new physical line.
  * record          -- an accepted data row (a response); exact duplicates and
                       short (ragged) rows are records; rejects, title lines,
                       blank lines and totals rows are not.
  * first_record    -- fields exactly as a CSV parser returns them, including
                       trailing empty fields when the row has them (the file
                       with trailing empty columns).
"""

import datetime as dt
import json
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20191114

TERMINATORS = {"crlf": "\r\n", "lf": "\n", "cr": "\r"}
BOMS = {
    "utf-8": b"",
    "utf-8-bom": b"\xef\xbb\xbf",
    "utf-16le": b"\xff\xfe",
    "utf-16be": b"\xfe\xff",
    "cp1251": b"",
    "kz1048": b"",
}
CODECS = {
    "utf-8": "utf-8",
    "utf-8-bom": "utf-8",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "cp1251": "cp1251",
    "kz1048": "kz1048",
}
KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


# --------------------------------------------------------------------------
# Writer: builds one file from a list of items and records the ground truth
# --------------------------------------------------------------------------

class Export:
    def __init__(self, name, encoding, delimiter, line_ending, *, quote_all=False,
                 final_terminator=True, pad_empty=0, description="", lang="", city=""):
        self.name = name
        self.encoding = encoding
        self.delimiter = delimiter
        self.line_ending = line_ending
        self.term = TERMINATORS[line_ending]
        self.quote_all = quote_all
        self.final_terminator = final_terminator
        self.pad_empty = pad_empty          # trailing empty columns on every row
        self.description = description
        self.lang = lang                    # for README only
        self.city = city
        self.items = []                     # (kind, text, payload)
        self.outcomes = {}                  # item index -> "duplicate" or a normaliser reason code
        self.ncols = None

    # -- cell / row encoding ------------------------------------------------
    def needs_quotes(self, value):
        return (self.quote_all or self.delimiter in value or '"' in value
                or "\n" in value or "\r" in value)

    def cell(self, value):
        assert "\r" not in value, "logical values use \\n for newlines"
        text = value.replace("\n", self.term)
        if self.needs_quotes(value):
            return '"' + text.replace('"', '""') + '"'
        return text

    def row_text(self, fields):
        return self.delimiter.join(self.cell(f) for f in fields)

    def parsed(self, value):
        """What a CSV parser returns for a cell written from `value`."""
        return value.replace("\n", self.term)

    # -- items ----------------------------------------------------------------
    def sep_line(self):
        self.items.append(("sep_directive", "sep=" + self.delimiter, None))

    def title(self, text):
        assert text.strip() and "\n" not in text and '"' not in text
        self.items.append(("title_line", text, None))

    def blank(self, text=""):
        assert text.strip() == ""
        self.items.append(("blank_line", text, None))

    def header(self, cells):
        assert self.ncols is None
        cells = list(cells) + [""] * self.pad_empty
        cols = [c.strip() for c in cells]
        while cols and cols[-1] == "":
            cols.pop()
        self.ncols = len(cols)
        self.columns = cols
        self.items.append(("header", self.row_text(cells), cells))

    def record(self, fields, outcome=None):
        """A data row; `outcome` is what normalising it must give when it is not
        an accepted response: "duplicate", or the reason code it is rejected for."""
        assert self.ncols is not None
        fields = list(fields)
        assert len(fields) == self.ncols, (self.name, len(fields), self.ncols)
        fields += [""] * self.pad_empty
        if outcome is not None:
            self.outcomes[len(self.items)] = outcome
        self.items.append(("record", self.row_text(fields), fields))

    def short_record(self, fields, keep):
        """A ragged row: only the first `keep` cells, trailing cells missing."""
        assert self.pad_empty == 0 and keep < self.ncols
        fields = list(fields)[:keep]
        assert fields[-1] != "", "last cell of a ragged row should carry data"
        self.items.append(("short_record", self.row_text(fields), fields))

    def totals(self, fields):
        fields = list(fields) + [""] * self.pad_empty
        self.items.append(("totals_row", self.row_text(fields), fields))

    def too_many_fields(self, fields):
        """Row whose last cell contains the delimiter but is NOT quoted."""
        text = self.delimiter.join(fields[:-1]) + self.delimiter + fields[-1]
        assert not any(self.needs_quotes(f) for f in fields[:-1])
        assert '"' not in fields[-1] and "\n" not in fields[-1]
        parts = text.split(self.delimiter)
        assert sum(1 for p in parts if p.strip()) > self.ncols, "must have MORE non-empty fields"
        self.items.append(("too_many_fields", text, None))

    def unterminated_quote(self, fields):
        """Row whose last cell opens a quote that is never closed."""
        assert not any(self.needs_quotes(f) for f in fields[:-1])
        last = fields[-1]
        assert '"' not in last and "\n" not in last and self.delimiter not in last
        text = self.delimiter.join(fields[:-1]) + self.delimiter + '"' + last
        self.items.append(("unterminated_quote", text, None))

    # -- render -----------------------------------------------------------------
    def render(self):
        term = self.term
        line = 1
        header_line = None
        ignored, rejects, shorts = [], [], []
        records = 0
        first = None
        pieces = []
        accepted, duplicates, normalise_rejects = 0, 0, []
        for index, (kind, text, payload) in enumerate(self.items):
            # the text may only contain the file's own terminator, never a
            # stray CR or LF of another kind
            stripped = text.replace(term, "")
            assert "\r" not in stripped and "\n" not in stripped, (self.name, text)
            start = line
            line += text.count(term) + 1
            pieces.append(text)
            if kind == "header":
                header_line = start
            elif kind in ("sep_directive", "title_line", "blank_line", "totals_row"):
                ignored.append({"line": start, "reason_code": kind})
            elif kind in ("too_many_fields", "unterminated_quote"):
                rejects.append({"line": start, "reason_code": kind})
            elif kind in ("record", "short_record"):
                records += 1
                outcome = self.outcomes.get(index)
                if outcome is None:
                    accepted += 1
                elif outcome == "duplicate":
                    duplicates += 1
                else:
                    normalise_rejects.append({"line": start, "reason_code": outcome})
                if kind == "short_record":
                    shorts.append(start)
                if first is None:
                    first = {"line": start, "fields": [self.parsed(v) for v in payload]}
            else:
                raise AssertionError(kind)
        body = term.join(pieces) + (term if self.final_terminator else "")
        physical_lines = line - 1
        # independent recount of the line total from the text itself
        recount = body.count(term) + (0 if body.endswith(term) else 1)
        assert recount == physical_lines, (self.name, recount, physical_lines)

        # the unterminated quote must be the last '"' in the file
        for i, (kind, text, _) in enumerate(self.items):
            if kind == "unterminated_quote":
                rest = term.join(t for _, t, _ in self.items[i + 1:])
                assert '"' not in rest, "no quote may follow the unterminated one"
                assert text.count('"') == 1

        if self.encoding == "cp1251":
            bad = KAZAKH_ONLY & set(body)
            assert not bad, ("cp1251 file must be Russian only", bad)
        if self.encoding == "kz1048":
            missing = set("әғқңөұүһі") - set(body)
            assert not missing, ("kz1048 file should show every Kazakh letter", missing)
        data = BOMS[self.encoding] + body.encode(CODECS[self.encoding])  # strict

        expected = {
            "path": "sample-data/" + self.name,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "line_ending": self.line_ending,
            "header_line": header_line,
            "columns": self.columns,
            "records": records,
            "ignored_lines": ignored,
            "rejects": rejects,
            "short_record_lines": shorts,
            "physical_lines": physical_lines,
            "first_record": first,
            # What `pikir ingest` makes of the file: every record accepted,
            # rejected (by the reader or by normalising), a duplicate, or
            # ignored; the rejects by line in file order.
            "ingest": {
                "accepted": accepted,
                "rejected": len(rejects) + len(normalise_rejects),
                "duplicates": duplicates,
                "ignored": len(ignored),
                "rejects": sorted(rejects + normalise_rejects, key=lambda r: r["line"]),
            },
        }
        assert 35 <= records <= 45, (self.name, records)
        return data, expected


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

MODULES = {
    "open": {"kk": "Жастармен ашық жұмыс", "ru": "Открытая работа с молодёжью", "en": "Open youth work"},
    "spec": {"kk": "Жастармен мамандандырылған жұмыс", "ru": "Специализированная работа с молодёжью",
             "en": "Specialised youth work"},
    "digital": {"kk": "Жастармен цифрлық жұмыс", "ru": "Цифровая работа с молодёжью", "en": "Digital youth work"},
    "street": {"kk": "Жастармен көшедегі жұмыс", "ru": "Уличная работа с молодёжью", "en": "Street youth work"},
}

CATEGORIES = {
    "mrc": {"kk": "Жастар ресурстық орталығының маманы", "ru": "Специалист МРЦ", "en": "Youth resource centre staff"},
    "ngo": {"kk": "ҮЕҰ өкілі", "ru": "Представитель НПО", "en": "NGO worker"},
    "volunteer": {"kk": "Ерікті", "ru": "Волонтёр", "en": "Volunteer"},
    "student": {"kk": "Студент", "ru": "Студент", "en": "Student"},
    "working": {"kk": "Жұмыс істейтін жастар", "ru": "Работающая молодёжь", "en": "Working youth"},
    "school": {"kk": "Оқушы", "ru": "Школьник", "en": "School student"},
}
CATEGORY_WEIGHTS = [("mrc", 34), ("ngo", 14), ("volunteer", 16), ("student", 20), ("working", 12), ("school", 4)]

RATING_WORDS = {
    "kk": {5: "Өте жақсы", 4: "Жақсы", 3: "Орташа", 2: "Нашар", 1: "Өте нашар"},
    "ru": {5: "Отлично", 4: "Хорошо", 3: "Удовлетворительно", 2: "Плохо", 1: "Очень плохо"},
    "en": {5: "Excellent", 4: "Good", 3: "Average", 2: "Poor", 1: "Very poor"},
}
AGREEMENT_WORDS = {
    "kk": {5: "Толығымен келісемін", 4: "Келісемін", 3: "Жауап беруге қиналамын", 2: "Келіспеймін",
           1: "Мүлдем келіспеймін"},
    "ru": {5: "Полностью согласен(на)", 4: "Скорее согласен(на)", 3: "Затрудняюсь ответить",
           2: "Не согласен(на)", 1: "Совершенно не согласен(на)"},
    "en": {5: "Strongly agree", 4: "Agree", 3: "Not sure", 2: "Disagree", 1: "Strongly disagree"},
}

KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
             "қазан", "қараша", "желтоқсан"]
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря"]

TRAINERS = {
    "nn": {"kk": "Нұрлыбай Наурызбаев", "ru": "Нурлыбай Наурызбаев", "en": "Nurlybai Nauryzbayev",
           "variants": ["Нұрлыбай Наурызбаев", "Нурлыбай Наурызбаев", "Nurlybai Nauryzbayev",
                        "Наурызбаев Н.", "Наурызбаев Нурлыбай", "Nurlybay Nauryzbaev", "Нурлыбай"]},
    "az": {"kk": "Айгерім Жұмабекова", "ru": "Айгерим Жумабекова", "en": "Aigerim Zhumabekova",
           "variants": ["Айгерім Жұмабекова", "Айгерим Жумабекова", "Aigerim Zhumabekova",
                        "Жумабекова А.", "Жұмабекова А.", "Aygerim Zhumabekova", "Айгерим"]},
    "zo": {"kk": "Жанар Омарова", "ru": "Жанар Омарова", "en": "Zhanar Omarova",
           "variants": ["Жанар Омарова", "Zhanar Omarova", "Janar Omarova", "Омарова Ж.", "Омарова Жанар"]},
    "es": {"kk": "Ерлан Сәрсенов", "ru": "Ерлан Сарсенов", "en": "Yerlan Sarsenov",
           "variants": ["Ерлан Сәрсенов", "Ерлан Сарсенов", "Yerlan Sarsenov", "Сарсенов Е.", "Erlan Sarsenov"]},
    "dk": {"kk": "Дмитрий Ким", "ru": "Дмитрий Ким", "en": "Dmitriy Kim",
           "variants": ["Дмитрий Ким", "Dmitriy Kim", "Ким Д.", "Ким Дмитрий", "Dmitry Kim"]},
}

# Comment pools.  "\n" marks an embedded newline (written with the file's own
# terminator, inside quotes).
LIKED = {
    "ru": [
        "Практические упражнения и работа в группах",
        "Кейсы из практики МРЦ, особенно про работу с NEET-молодёжью",
        "Тренер хорошо объясняет, приводит примеры из жизни",
        'Ролевая игра "Улица"',
        "Обмен опытом с коллегами из других регионов",
        "Всё понравилось!",
        "Раздаточные материалы и чек-листы",
        "Атмосфера, открытость, много практики",
        "Упражнение «Карта сообщества»",
        "Разбор реальных ситуаций с подростками",
        "Интерактив",
        "Подача материала; структура занятий",
        'Что тренер сам работал "в поле" и знает, о чём говорит',
        "Модель «лестницы участия» молодёжи",
        "Мозговой штурм\nи работа в мини-группах",
        "Практика",
        "Обратная связь от тренера",
        "Много полезных ссылок и ресурсов",
        "Работа в парах, можно было всё попробовать самим",
        "Примеры из работы молодёжных центров Алматы и Шымкента",
        "Тема выгорания специалистов",
        "Тренер умеет держать внимание группы",
        "Как выстраивать доверие с подростками на улице",
    ],
    "kk": [
        "Топтық жұмыс пен тәжірибе алмасу",
        "Тренердің түсіндіруі өте түсінікті болды",
        "Көше жұмысы туралы нақты мысалдар",
        '"Қауымдастық картасы" жаттығуы',
        "Цифрлық құралдар, әсіресе Telegram-боттар",
        "Бәрі ұнады!",
        "Шаһардағы жастар орталықтарының тәжірибесі",
        "Рөлдік ойындар, талқылау, кейстер",
        "Жасөспірімдермен жұмыс істеудің нақты әдістері",
        "Жаттығулар көп болды\nжәне қызықты өтті",
        "Тренердің энергиясы",
        "Жаттығулар; топтық талқылау; кейстер",
        "Тәжірибе алмасу",
        "Жастарды тарту әдістері",
        "Тренер барлық сұрақтарға жауап берді",
        "Жұппен жұмыс, бәрін өзіміз байқап көрдік",
        "Әлеуметтік желілермен жұмыс туралы бөлім",
        "Ашық, жылы атмосфера",
    ],
    "en": [
        "Group work and sharing experience",
        "Real cases from youth centres, especially about NEET youth",
        "The trainer explained things clearly, with examples",
        'The "street mapping" exercise',
        "Everything!",
        "Practical tools, checklists and templates",
        "Open atmosphere, lots of discussion",
        "Digital tools, e.g. Telegram bots and Instagram for outreach",
        "Role play\nand the final discussion",
        "Networking with colleagues from other regions",
        "The ladder of participation model",
        "Hands-on exercises in small groups",
        "Useful links and resources",
        "How to build trust with teenagers on the street",
        "The part on burnout and self-care",
    ],
}
IMPROVE = {
    "ru": [
        "Больше времени на практику",
        "Кофе-брейк подольше :)",
        "В зале было холодно, проектор плохо видно с задних рядов",
        "Раздать материалы в электронном виде",
        "Сделать второй день короче — к 18:00 все уже устали",
        "Нет",
        "Добавить больше примеров из Казахстана, а не только из Европы",
        "Меньше теории,\nбольше кейсов",
        "Микрофон!!!",
        "Всё хорошо",
        "Начинать вовремя",
        "Больше времени на вопросы",
        "Перевести презентацию на казахский язык",
        "-",
        "Раньше присылать программу тренинга",
        "Больше про работу в сельской местности",
        "Wi-Fi в зале не работал",
        "Нужно больше воды и перерывов",
    ],
    "kk": [
        "Практикаға көбірек уақыт беру",
        "Үзіліс ұзағырақ болса",
        "Материалдарды қазақ тілінде де тарату",
        "Залда дыбыс нашар, микрофон керек",
        "Жоқ",
        "Теорияны азайту,\nкейстерді көбейту",
        "Тренингті аудандарда да өткізу",
        "Сабақты уақытында бастау",
        "Презентацияны алдын ала жіберу",
        "Бәрі жақсы",
        "Бағдарламаны ертерек жіберу",
        "Ауылдық жерлердегі жұмыс туралы көбірек айту",
        "Зал тар болды",
    ],
    "en": [
        "More time for practice",
        "Longer coffee breaks :)",
        "The room was cold and the projector hard to see from the back",
        "Share slides in advance",
        "Nothing",
        "Fewer lectures,\nmore case studies",
        "Start on time",
        "Materials in Kazakh and Russian too",
        "Day two was too long, everyone was tired by 6 pm",
        "More examples from Kazakhstan",
        "Send the agenda earlier",
        "The Wi-Fi did not work",
        "A bigger room",
    ],
}
COMMENT = {
    "ru": [
        "Спасибо организаторам!",
        'Очень полезный тренинг, хотим продолжение по модулю "Цифровая работа с молодёжью"',
        "Спасибо!\nЖдём следующий модуль.",
        'Тренер супер, но "перерывы" по 5 минут – это мало',
        "Всё отлично",
        "Хотелось бы такой же тренинг для наших волонтёров",
        "Спасибо за тёплую атмосферу",
        "Нужен выезд в районы, не все могут приехать в город",
        "Спасибо",
        "Было бы здорово получить запись вебинара",
        "Рекомендую коллегам",
        "Тренинг прошёл на одном дыхании",
    ],
    "kk": [
        "Рақмет! Келесі модульді күтеміз",
        "Өте пайдалы тренинг болды, ұйымдастырушыларға алғыс",
        'Тренер "жанды" сөйлейді, ұнады',
        "Мұндай тренингтерді жиі өткізу керек, әсіресе ауылдық жерлерде",
        "Бәрі жақсы",
        "Сертификат қашан беріледі?",
        "Жаһандық тәжірибе мен қазақстандық мысалдар жақсы үйлесті",
        "Рақмет",
        "Әріптестерге ұсынамын",
        "Уақыт тез өтті, қызықты болды",
    ],
    "en": [
        "Thank you to the organisers!",
        'Very useful. We want a follow-up on "Digital youth work"',
        "Thanks!\nLooking forward to the next module.",
        "Great trainer",
        "Please run this in the regions as well, not only in the capital",
        "n/a",
        "Thank you",
        "I would recommend it to colleagues",
        "Time flew by",
    ],
}


# --------------------------------------------------------------------------
# Response model
# --------------------------------------------------------------------------

def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for k, w in pairs:
        x -= w
        if x <= 0:
            return k
    return pairs[-1][0]


def nps_for(rng, overall):
    lo, hi = {5: (8, 10), 4: (6, 9), 3: (4, 8), 2: (1, 5), 1: (0, 3)}[overall]
    return rng.randint(lo, hi)


class Deck:
    """Draw pool items without replacement (reshuffle when used up): fewer repeats."""

    def __init__(self, rng, items):
        self.rng, self.items, self.left = rng, list(items), []

    def draw(self):
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def make_responses(rng, n, sessions, langs, quality, missing=0.04, comment_rates=(0.6, 0.45, 0.3)):
    """sessions: list of dicts with date (dt.date), module, trainer, start/end hours."""
    out = []
    decks = {(name, lang): Deck(rng, pool[lang])
             for name, pool in (("liked", LIKED), ("improve", IMPROVE), ("comment", COMMENT))
             for lang in pool}
    for i in range(n):
        s = sessions[i * len(sessions) // n]
        lang = weighted(rng, langs)
        overall = clamp(round(rng.gauss(quality, 0.75)), 1, 5)

        def sub(bias=0.0):
            v = clamp(round(rng.gauss(overall + bias, 0.55)), 1, 5)
            return None if rng.random() < missing else v

        minute = rng.randint(0, int((s["end"] - s["start"]) * 60))
        ts = dt.datetime.combine(s["date"], dt.time(0)) + dt.timedelta(
            hours=s["start"], minutes=minute, seconds=rng.randint(0, 59))
        r = {
            "session": s,
            "ts": ts,
            "lang": lang,
            "cat": weighted(rng, CATEGORY_WEIGHTS),
            "overall": overall,
            "delivery": sub(0.2),
            "relevance": sub(0.0),
            "organisation": sub(-0.3),
            "applicability": sub(0.0),
            "nps": None if rng.random() < missing else nps_for(rng, overall),
            "liked": decks[("liked", lang)].draw() if rng.random() < comment_rates[0] else "",
            "improve": decks[("improve", lang)].draw() if rng.random() < comment_rates[1] else "",
            "comment": decks[("comment", lang)].draw() if rng.random() < comment_rates[2] else "",
        }
        out.append(r)
    out.sort(key=lambda r: r["ts"])
    return out


def opt(v, fmt=str):
    return "" if v is None else fmt(v)


def google_ts(t, tz):
    """Google Forms 'Download responses (.csv)': 2022/11/05 10:15:32 AM GMT+6"""
    h12 = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    return f"{t.year}/{t.month:02d}/{t.day:02d} {h12}:{t.minute:02d}:{t.second:02d} {ampm} {tz}"


def sheets_ru_ts(t):
    """Google Sheets download with Russian locale: 05.11.2022 10:15:32"""
    return t.strftime("%d.%m.%Y %H:%M:%S")


def ru_long_date(d):
    return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} г."


def kk_long_date(d):
    return f"{d.year} ж. {d.day} {KK_MONTHS[d.month - 1]}"


def dec_comma(v):
    return ("%.1f" % v).replace(".", ",") if v != int(v) else str(int(v))


def day(y, m, d, module, trainer, start=17.0, end=18.75):
    return {"date": dt.date(y, m, d), "module": module, "trainer": trainer, "start": start, "end": end}


def first_index(rows, pred, start=0):
    for i in range(start, len(rows)):
        if pred(rows[i]):
            return i
    raise AssertionError("no row matches")


# --------------------------------------------------------------------------
# The files
# --------------------------------------------------------------------------

def file_a(rng):
    """2019, Nur-Sultan, Google Forms download, Russian, UTF-8 no BOM, comma, CRLF."""
    ex = Export("2019-11-14_nur-sultan_google-forms_ru.csv", "utf-8", ",", "crlf", lang="ru", city="Nur-Sultan (Astana)",
                final_terminator=True,
                description="Google Forms download (Russian account): `Отметка времени` + full question "
                            "sentences (two headers contain commas, so they are quoted); timestamps "
                            "`2019/11/14 5:42:10 PM GMT+6`; city typed by participants (Нур-Султан, "
                            "Nur-Sultan, Астана, Акмола, trailing spaces); free-text trainer names "
                            "(Наурызбаев Н., Nurlybai Nauryzbayev ...); one exact duplicate response "
                            "(double submit); phone number in a comment.")
    sessions = [day(2019, 11, 14, "open", "nn"), day(2019, 11, 15, "spec", "nn", 16.5, 18.5)]
    rows = make_responses(rng, 39, sessions, [("ru", 100)], 4.4, missing=0.0)
    cities = [("Нур-Султан", 50), ("г. Нур-Султан", 12), ("Нур-Султан ", 6), ("Nur-Sultan", 8),
              ("Нұр-Сұлтан", 6), ("нур-султан", 5), ("Астана", 8), ("Акмола", 1), ("Nursultan", 4)]
    ex.header([
        "Отметка времени",
        "Ваш город",
        "Какой модуль вы прошли сегодня?",
        "ФИО тренера",
        "К какой категории участников вы относитесь?",
        "Насколько вы удовлетворены тренингом в целом?",
        "Насколько понятно тренер подавал материал?",
        "Насколько содержание тренинга актуально для вашей работы?",
        "Как вы оцениваете организацию тренинга (место, время, раздаточные материалы)?",
        "Сможете ли вы применить полученные знания на практике?",
        "Насколько вероятно, что вы порекомендуете этот тренинг коллегам? (0–10)",
        "Что вам больше всего понравилось?",
        "Что можно улучшить?",
        "Ваши комментарии и предложения ",
    ])
    # forced content: quotes, delimiter, newline, PII
    rows[2]["comment"] = 'Очень полезный тренинг, хотим продолжение по модулю "Цифровая работа с молодёжью"'
    rows[5]["improve"] = "Меньше теории,\nбольше кейсов"
    rows[11]["comment"] = "Можно ли получить сертификат в электронном виде? Мой номер +7 701 234 5678"
    rows[17]["liked"] = 'Ролевая игра "Улица", обсуждение в кругу'
    for i, r in enumerate(rows):
        city = weighted(rng, cities)
        trainer = rng.choice(TRAINERS["nn"]["variants"][:5])
        fields = [
            google_ts(r["ts"], "GMT+6"), city, MODULES[r["session"]["module"]]["ru"], trainer,
            CATEGORIES[r["cat"]]["ru"], str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]),
            opt(r["organisation"]), opt(r["applicability"], lambda v: AGREEMENT_WORDS["ru"][v]),
            opt(r["nps"]), r["liked"], r["improve"], r["comment"],
        ]
        ex.record(fields)
        if i == 20:
            ex.record(fields, "duplicate")   # exact duplicate: double-clicked "Отправить"
    return ex


def file_b(rng):
    """2020, Almaty, Excel CSV on Kazakh Windows with KZ-1048 code page, Kazakh."""
    ex = Export("2020-02-20_almaty_excel_kk_kz1048.csv", "kz1048", ";", "crlf", lang="kk", city="Almaty",
                description="Excel CSV saved on a Windows machine set to the KZ-1048 code page; Kazakh "
                            "short headings (Қала; Күні; Тренер ...); two title lines and a blank line "
                            "above the header; ratings as Kazakh words (Өте жақсы, Жақсы ...); dates "
                            "dd.mm.yy; one city cell `Алма-Ата`; IIN in a comment; blank line then a "
                            "`Барлығы` totals row at the end.")
    sessions = [day(2020, 2, 20, "open", "nn"), day(2020, 2, 21, "street", "zo", 16.0, 18.0)]
    rows = make_responses(rng, 38, sessions, [("kk", 100)], 4.5)
    ex.title("«Жастармен ашық жұмыс» және «Жастармен көшедегі жұмыс» тренингі бойынша есеп, Алматы қ.")
    ex.title("Өткізілген күні: 20–21 ақпан 2020 ж. Жастар ресурстық орталығы")
    ex.blank()
    ex.header(["Қала", "Күні", "Тренер", "Модуль", "Қатысушы санаты", "Жалпы баға", "Тренердің жұмысы",
               "Мазмұнның өзектілігі", "Ұйымдастыру", "Қолданбалылығы", "Басқаларға ұсынасыз ба? (0-10)",
               "Ұнағаны", "Жақсартуға ұсыныстар", "Пікір"])
    rows[1]["liked"] = "Жаттығулар; топтық талқылау; кейстер"
    rows[4]["comment"] = 'Тренер "жанды" сөйлейді, ұнады'
    rows[9]["improve"] = "Теорияны азайту,\nкейстерді көбейту"
    rows[14]["comment"] = "Сертификатқа ЖСН керек пе? Менің ЖСН: 950315300019"
    rows[22]["liked"] = "Шаһардағы жастар орталықтарының тәжірибесі"
    alma_ata = 27
    sums = {k: [] for k in ("overall", "delivery", "relevance", "organisation", "applicability", "nps")}
    for i, r in enumerate(rows):
        s = r["session"]
        city = "Алма-Ата" if i == alma_ata else ("Алматы қ." if i % 11 == 3 else "Алматы")
        trainer = TRAINERS[s["trainer"]]["kk"]
        if i == 6:
            trainer = "Наурызбаев Н."
        words = RATING_WORDS["kk"]
        for k in sums:
            if r[k] is not None:
                sums[k].append(r[k])
        ex.record([
            city, s["date"].strftime("%d.%m.%y"), trainer, MODULES[s["module"]]["kk"],
            CATEGORIES[r["cat"]]["kk"], words[r["overall"]], opt(r["delivery"], words.get),
            opt(r["relevance"], words.get), opt(r["organisation"], words.get),
            opt(r["applicability"], words.get), opt(r["nps"]), r["liked"], r["improve"], r["comment"],
        ])
    ex.blank()
    avg = lambda k: dec_comma(round(sum(sums[k]) / len(sums[k]), 1))
    ex.totals(["Барлығы", str(len(rows)), "", "", "", avg("overall"), avg("delivery"), avg("relevance"),
               avg("organisation"), avg("applicability"), avg("nps"), "", "", ""])
    return ex


def file_c(rng):
    """2021, Karaganda, Excel CSV on Russian Windows (cp1251), sep=;, trailing empty columns."""
    ex = Export("2021-10-08_karaganda_excel_ru_cp1251.csv", "cp1251", ";", "crlf", pad_empty=3, lang="ru", city="Karaganda",
                description="Excel CSV (Windows-1251) from Russian Windows: `sep=;` first line, `№` "
                            "column, Russian short headings (Город; Дата; ФИО тренера ...); every row, "
                            "header included, ends with `;;;` (three trailing empty columns); ratings "
                            "with decimal comma (`4,5`); dd.mm.yyyy; e-mail in a comment; `Итого` "
                            "totals row.")
    sessions = [day(2021, 10, 8, "digital", "es"), day(2021, 10, 9, "digital", "es", 16.0, 17.5)]
    rows = make_responses(rng, 42, sessions, [("ru", 100)], 4.2, missing=0.05)
    ex.sep_line()
    ex.header(["№", "Город", "Дата", "ФИО тренера", "Модуль", "Категория участника", "Общая оценка",
               "Подача материала тренером", "Актуальность содержания", "Организация", "Применимость",
               "Порекомендуете ли тренинг коллегам? (0-10)", "Что понравилось", "Что улучшить",
               "Комментарий"])
    rows[3]["liked"] = "Подача материала; структура занятий"
    rows[7]["comment"] = 'Тренер супер, но "перерывы" по 5 минут – это мало'
    rows[12]["comment"] = "Спасибо!\nЖдём следующий модуль."
    rows[19]["comment"] = "Пришлите, пожалуйста, презентацию на aigerim.s@mail.kz"
    rows[30]["improve"] = 'Сделать перерыв "на кофе" длиннее; в зале душно'
    ratings = {k: [] for k in ("overall", "delivery", "relevance", "organisation", "applicability")}
    for i, r in enumerate(rows):
        s = r["session"]
        vals = {}
        for k in ratings:
            v = r[k]
            if v is not None and v < 5 and rng.random() < 0.18:
                v = v + 0.5           # someone circled between two numbers
            vals[k] = v
            if v is not None:
                ratings[k].append(v)
        trainer = "Сарсенов Е." if i % 9 == 4 else ("Сарсенов Ерлан" if i % 13 == 7 else "Ерлан Сарсенов")
        city = "г. Караганда" if i % 10 == 8 else "Караганда"
        ex.record([
            str(i + 1), city, s["date"].strftime("%d.%m.%Y"), trainer, MODULES[s["module"]]["ru"],
            CATEGORIES[r["cat"]]["ru"], opt(vals["overall"], dec_comma), opt(vals["delivery"], dec_comma),
            opt(vals["relevance"], dec_comma), opt(vals["organisation"], dec_comma),
            opt(vals["applicability"], dec_comma), opt(r["nps"]), r["liked"], r["improve"], r["comment"],
        ])
    avg = lambda k: dec_comma(round(sum(ratings[k]) / len(ratings[k]), 1))
    ex.totals(["Итого", "", "", "", "", "", avg("overall"), avg("delivery"), avg("relevance"),
               avg("organisation"), avg("applicability"), "", "", "", ""])
    return ex


def file_d(rng):
    """2022, Nur-Sultan, Excel 'Unicode text': UTF-16LE BOM, TAB, CRLF; Kazakh + Russian."""
    ex = Export("2022-06-10_nur-sultan_unicode-text_kk-ru.txt", "utf-16le", "\t", "crlf", lang="kk + ru", city="Nur-Sultan (Astana)",
                description="Excel \"Unicode Text (*.txt)\": UTF-16LE with BOM FF FE, TAB-separated, "
                            "CRLF; bilingual headings (`Қала / Город`, `Жалпы баға / Общая оценка`); "
                            "answers in Kazakh or Russian per participant; city Нұр-Сұлтан / "
                            "Нур-Султан; quoted comments with doubled quotes, embedded CRLF and "
                            "an embedded TAB; "
                            "IIN and phone in comments.")
    sessions = [day(2022, 6, 10, "street", "zo"), day(2022, 6, 11, "spec", "az", 16.0, 18.0)]
    rows = make_responses(rng, 41, sessions, [("kk", 55), ("ru", 45)], 4.3)
    ex.header(["Қала / Город", "Күні / Дата", "Тренер", "Модуль", "Қатысушы санаты / Категория участника",
               "Жалпы баға / Общая оценка", "Тренердің жұмысы / Работа тренера",
               "Мазмұнның өзектілігі / Актуальность", "Ұйымдастыру / Организация",
               "Қолданбалылығы / Применимость", "Ұсынасыз ба? / Порекомендуете ли? (0-10)",
               "Ұнағаны / Что понравилось", "Ұсыныстар / Что улучшить", "Пікір / Комментарий"])
    i_kk = first_index(rows, lambda r: r["lang"] == "kk", 3)
    rows[i_kk]["comment"] = "Жаттығулар көп болды\nжәне қызықты өтті"
    i_ru = first_index(rows, lambda r: r["lang"] == "ru", 6)
    rows[i_ru]["liked"] = 'Что тренер сам работал "в поле" и знает, о чём говорит'
    i_kk2 = first_index(rows, lambda r: r["lang"] == "kk", 15)
    rows[i_kk2]["comment"] = "Байланыс үшін: 8 (701) 234-56-78, Айгерім"
    i_ru2 = first_index(rows, lambda r: r["lang"] == "ru", 25)
    rows[i_ru2]["comment"] = "ИИН 881214400094 — для сертификата"
    i_kk3 = first_index(rows, lambda r: r["lang"] == "kk", 30)
    rows[i_kk3]["liked"] = "1) Рөлдік ойындар\t2) Кейстер\t3) Топтық талқылау"   # pasted from Word
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        city = {"kk": "Нұр-Сұлтан", "ru": "Нур-Султан"}[lang]
        if i == 18:
            city = "Нұр-Сұлтан қ."
        trainer = TRAINERS[s["trainer"]][lang]
        ex.record([
            city, s["date"].strftime("%d.%m.%Y"), trainer, MODULES[s["module"]][lang],
            CATEGORIES[r["cat"]][lang], str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]),
            opt(r["organisation"]), opt(r["applicability"]), opt(r["nps"]),
            r["liked"], r["improve"], r["comment"],
        ])
    return ex


def file_e(rng):
    """2022-11, Astana (just renamed back), Google Forms, English, LF, no final newline."""
    ex = Export("2022-11-05_astana_google-forms_en.csv", "utf-8", ",", "lf", final_terminator=False, lang="en", city="Astana",
                description="Google Forms download (English): `Timestamp` + full question sentences "
                            "(one with a trailing space, one with commas → quoted header); "
                            "`2022/11/05 10:15:32 AM GMT+6`; rating answers as words (Excellent, "
                            "Good ...); city typed by participants two months after the rename "
                            "(Astana, Nur-Sultan, Nursultan, Akmola); e-mail + phone in a comment; "
                            "file does NOT end with a newline.")
    sessions = [day(2022, 11, 5, "digital", "dk", 10.0, 11.0), day(2022, 11, 5, "open", "az", 17.0, 18.5)]
    rows = make_responses(rng, 36, sessions, [("en", 100)], 4.3, missing=0.0)
    ex.header(["Timestamp", "City", "Which module did you attend?", "Trainer's name", "You are...",
               "How satisfied are you with the training overall?",
               "How clearly did the trainer deliver the material?",
               "How relevant was the content to your work?",
               "How would you rate the organisation (venue, timing, materials)?",
               "Will you be able to apply what you learned?",
               "How likely are you to recommend this training to a colleague? (0-10)",
               "What did you like most?", "What could be improved?", "Any other comments? "])
    rows[0]["liked"] = "Group work and sharing experience"
    rows[3]["liked"] = 'The "street mapping" exercise'
    rows[8]["improve"] = "Fewer lectures,\nmore case studies"
    rows[13]["comment"] = "Please send the slides to d.kim.mrc@gmail.com or call 8 (701) 234-56-78"
    rows[21]["comment"] = 'Very useful. We want a follow-up on "Digital youth work", ideally in spring'
    cities = [("Astana", 62), ("astana", 8), ("Astana city", 5), ("Nur-Sultan", 12), ("Nursultan", 5),
              ("Астана", 6), ("Akmola", 2)]
    for r in rows:
        s = r["session"]
        words = RATING_WORDS["en"]
        trainer = rng.choice(TRAINERS[s["trainer"]]["variants"])
        ex.record([
            google_ts(r["ts"], "GMT+6"), weighted(rng, cities), MODULES[s["module"]]["en"], trainer,
            CATEGORIES[r["cat"]]["en"], words[r["overall"]], opt(r["delivery"], words.get),
            opt(r["relevance"], words.get), opt(r["organisation"], words.get),
            opt(r["applicability"], lambda v: AGREEMENT_WORDS["en"][v]), opt(r["nps"]),
            r["liked"], r["improve"], r["comment"],
        ])
    return ex


def file_f(rng):
    """2023, Almaty, CRM export: UTF-16BE BOM, pipe, LF, every field quoted."""
    ex = Export("2023-04-14_almaty_crm-export_utf16be.csv", "utf-16be", "|", "lf", quote_all=True, lang="ru + kk (en headings)", city="Almaty",
                description="Export from a youth-centre CRM: UTF-16BE with BOM FE FF, `|` delimiter, LF, "
                            "EVERY field quoted (header too); English short headings, answers in "
                            "Russian/Kazakh; ISO dates; Latin trainer names (Aigerim Zhumabekova); "
                            "doubled quotes and an embedded LF inside quotes; one city `Алма-Ата`.")
    sessions = [day(2023, 4, 14, "spec", "az"), day(2023, 4, 15, "digital", "dk", 15.5, 17.0)]
    rows = make_responses(rng, 44, sessions, [("ru", 60), ("kk", 40)], 4.4)
    ex.header(["Session ID", "City", "Date", "Trainer", "Module", "Participant category", "Overall rating",
               "Trainer delivery", "Content relevance", "Organisation", "Applicability", "NPS",
               "Liked", "Improve", "Comment"])
    rows[2]["liked"] = 'Ролевая игра "Улица"'
    rows[6]["improve"] = "Меньше теории,\nбольше кейсов" if rows[6]["lang"] == "ru" else \
        "Теорияны азайту,\nкейстерді көбейту"
    rows[10]["comment"] = "Тренер | супер"
    for i, r in enumerate(rows):
        s = r["session"]
        sid = "ALM-2023-0414" if s["date"].day == 14 else "ALM-2023-0415"
        city = "Алматы" if i % 5 else "Almaty"
        if i == 33:
            city = "Алма-Ата"
        ex.record([
            sid, city, s["date"].isoformat(), TRAINERS[s["trainer"]]["en"], MODULES[s["module"]]["ru"],
            CATEGORIES[r["cat"]][r["lang"]], str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]),
            opt(r["organisation"]), opt(r["applicability"]), opt(r["nps"]),
            r["liked"], r["improve"], r["comment"],
        ])
    return ex


def file_g(rng):
    """2023, Karaganda, Mac Excel: UTF-8 BOM, comma, lone CR line endings, Russian."""
    ex = Export("2023-09-22_karaganda_mac-excel_ru_cr.csv", "utf-8-bom", ",", "cr", lang="ru", city="Karaganda",
                description="Old Mac Excel style: UTF-8 with BOM, comma, lone CR as the ONLY line "
                            "terminator (also inside quoted fields, no LF anywhere); Russian; dates "
                            "dd.mm.yy; decimal-comma ratings quoted because the delimiter is a comma "
                            "(`\"4,5\"`); some empty answers; lower scores (cold room).")
    sessions = [day(2023, 9, 22, "street", "zo"), day(2023, 9, 23, "open", "es", 16.0, 17.5)]
    rows = make_responses(rng, 37, sessions, [("ru", 100)], 3.8, missing=0.07)
    ex.header(["Город", "Дата", "Тренер", "Модуль", "Категория", "Общая оценка", "Подача материала",
               "Актуальность", "Организация", "Применимость", "Рекомендация (0-10)", "Понравилось",
               "Улучшить", "Комментарий"])
    rows[1]["improve"] = "В зале было холодно, проектор плохо видно с задних рядов"
    rows[5]["comment"] = "Спасибо!\nЖдём следующий модуль."
    rows[9]["liked"] = 'Ролевая игра "Улица"'
    for i, r in enumerate(rows):
        s = r["session"]
        vals = {}
        for k in ("overall", "delivery", "relevance", "organisation", "applicability"):
            v = r[k]
            if v is not None and v < 5 and rng.random() < 0.15:
                v += 0.5
            vals[k] = v
        trainer = TRAINERS[s["trainer"]]["ru"]
        if s["trainer"] == "zo" and i % 6 == 2:
            trainer = "Омарова Ж."
        city = ["Караганда", "Караганда", "Караганда", "г. Караганда", "Караганды"][i % 5]
        ex.record([
            city, s["date"].strftime("%d.%m.%y"), trainer, MODULES[s["module"]]["ru"],
            CATEGORIES[r["cat"]]["ru"], opt(vals["overall"], dec_comma), opt(vals["delivery"], dec_comma),
            opt(vals["relevance"], dec_comma), opt(vals["organisation"], dec_comma),
            opt(vals["applicability"], dec_comma), opt(r["nps"]), r["liked"], r["improve"], r["comment"],
        ])
    return ex


def file_h(rng):
    """2024, Almaty, Excel CSV UTF-8 (BOM), ';', CRLF; kk/ru; one too_many_fields record."""
    ex = Export("2024-11-05_almaty_excel-utf8_kk-ru_bad-row.csv", "utf-8-bom", ";", "crlf", lang="kk + ru", city="Almaty",
                description="Excel \"CSV UTF-8\": BOM EF BB BF, `;`, CRLF; date column first, typed by "
                            "hand (`5 ноября 2024 г.`, `2024 ж. 5 қараша`, `05.11.2024`); Kazakh/Russian "
                            "answer words mixed with digits; trainer spelled Нұрлыбай Наурызбаев / "
                            "Нурлыбай Наурызбаев / Nurlybai Nauryzbayev / Наурызбаев Н.; IIN + phone in "
                            "a comment; ONE BAD RECORD mid-file: unquoted comment with `;` → "
                            "too_many_fields.")
    sessions = [day(2024, 11, 5, "open", "nn"), day(2024, 11, 6, "street", "nn", 16.0, 18.0)]
    rows = make_responses(rng, 41, sessions, [("kk", 50), ("ru", 50)], 4.5)
    ex.header(["Күні / Дата", "Қала / Город", "Тренер", "Модуль", "Қатысушы санаты / Категория участника",
               "Жалпы баға / Общая оценка", "Тренердің жұмысы / Работа тренера",
               "Мазмұнның өзектілігі / Актуальность", "Ұйымдастыру / Организация",
               "Қолданбалылығы / Применимость", "Ұсынасыз ба? / Порекомендуете ли? (0-10)",
               "Ұнағаны / Понравилось", "Ұсыныстар / Улучшить", "Пікір / Комментарий"])
    i_kk = first_index(rows, lambda r: r["lang"] == "kk", 2)
    rows[i_kk]["liked"] = "Жаттығулар; топтық талқылау; кейстер"
    i_ru = first_index(rows, lambda r: r["lang"] == "ru", 4)
    rows[i_ru]["comment"] = 'Очень полезный тренинг, хотим продолжение по модулю "Цифровая работа с молодёжью"'
    i_ru2 = first_index(rows, lambda r: r["lang"] == "ru", 12)
    rows[i_ru2]["improve"] = "Меньше теории,\nбольше кейсов"
    i_ru3 = first_index(rows, lambda r: r["lang"] == "ru", 28)
    rows[i_ru3]["comment"] = "ИИН 050712600425, сертификат прошу выслать на WhatsApp 87771234567"
    bad_at = 19
    variants = ["Нұрлыбай Наурызбаев", "Нурлыбай Наурызбаев", "Nurlybai Nauryzbayev", "Наурызбаев Н."]
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        d = s["date"]
        date = [ru_long_date(d), kk_long_date(d), d.strftime("%d.%m.%Y")][
            0 if lang == "ru" and i % 4 else (1 if lang == "kk" and i % 4 else 2)]
        city = "Алматы" if i % 7 else ("Алматы қ." if lang == "kk" else "г. Алматы")
        if i == 31:
            city = "Алма-Ата"
        trainer = variants[(i * 7) % 4] if i % 3 == 0 else TRAINERS["nn"][lang]

        def rate(v):
            if v is None:
                return ""
            return RATING_WORDS[lang][v] if i % 2 == 0 else str(v)

        fields = [date, city, trainer, MODULES[s["module"]][lang], CATEGORIES[r["cat"]][lang],
                  rate(r["overall"]), rate(r["delivery"]), rate(r["relevance"]), rate(r["organisation"]),
                  rate(r["applicability"]), opt(r["nps"]), r["liked"], r["improve"], r["comment"]]
        if i == bad_at:
            # hand-typed into the CSV afterwards, comment not quoted, no empty cells
            fields = [kk_long_date(d), "Алматы", "Нұрлыбай Наурызбаев", MODULES[s["module"]]["kk"],
                      CATEGORIES["volunteer"]["kk"], "Өте жақсы", "Өте жақсы", "Жақсы", "Жақсы",
                      "Өте жақсы", "10", "Ойындар", "Уақыт аз болды",
                      "Бәрі ұнады; рақмет; келесі жолы да келемін"]
            ex.too_many_fields(fields)
        else:
            ex.record(fields)
    return ex


def file_i(rng):
    """2026, Karaganda, report export: UTF-8, pipe, LF; titles, blanks, ragged rows, Total."""
    ex = Export("2026-02-12_karaganda_report_en-kk.csv", "utf-8", "|", "lf", lang="kk + en", city="Karaganda",
                description="Report export from a regional database: UTF-8 (no BOM), `|`, LF; two title "
                            "lines and a blank line above the header; an empty line and a spaces-only "
                            "line in the middle of the data; TWO ragged rows (trailing cells missing); "
                            "`Total` row at the end; English headings, answers in Kazakh and English; "
                            "city spelt Qarağandy / Karaganda / Қарағанды; ISO dates; one comment "
                            "containing `|` (quoted).")
    sessions = [day(2026, 2, 12, "digital", "dk"), day(2026, 2, 13, "spec", "az", 15.0, 17.0)]
    rows = make_responses(rng, 40, sessions, [("kk", 55), ("en", 45)], 4.4)
    ex.title("Training feedback report: Digital youth work / Жастармен цифрлық жұмыс, Qarağandy")
    ex.title("Generated 2026-02-16 09:30 from the regional youth resource centre database")
    ex.blank()
    ex.header(["City", "Date", "Trainer", "Module", "Participant category", "Overall rating",
               "Trainer delivery", "Content relevance", "Organisation", "Applicability",
               "Would recommend (0-10)", "Liked", "To improve", "Comment"])
    i_kk = first_index(rows, lambda r: r["lang"] == "kk", 1)
    rows[i_kk]["liked"] = "Шаһардағы жастар орталықтарының тәжірибесі"
    i_en = first_index(rows, lambda r: r["lang"] == "en", 4)
    rows[i_en]["liked"] = 'The "street mapping" exercise'
    i_kk2 = first_index(rows, lambda r: r["lang"] == "kk", 9)
    rows[i_kk2]["improve"] = "Теорияны азайту,\nкейстерді көбейту"
    rows[16]["comment"] = "Liked: bots | Improve: Wi-Fi"
    ragged = {11: 10, 27: 7}       # row index -> number of cells kept
    totals = []
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        city = ["Qarağandy", "Karaganda", "Қарағанды", "Karaganda", "Қарағанды қ."][i % 5]
        module = MODULES[s["module"]]["en"] if lang == "en" else MODULES[s["module"]]["kk"]
        fields = [city, s["date"].isoformat(), TRAINERS[s["trainer"]]["en"], module,
                  CATEGORIES[r["cat"]][lang], str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]),
                  opt(r["organisation"]), opt(r["applicability"]), opt(r["nps"]),
                  r["liked"], r["improve"], r["comment"]]
        totals.append(r["overall"])
        if i in ragged:
            keep = ragged[i]
            for j in range(5, keep):
                if not fields[j]:
                    fields[j] = "4"
            ex.short_record(fields, keep)
        else:
            ex.record(fields)
        if i == 14:
            ex.blank()
        if i == 30:
            ex.blank("   ")
    ex.totals(["Total", str(len(rows)), "", "", "", "%.2f" % (sum(totals) / len(totals)), "", "", "", "",
               "", "", "", ""])
    return ex


def file_j(rng):
    """2025, Astana, Google Sheets (Russian locale), UTF-8, comma, LF; unterminated quote."""
    ex = Export("2025-05-16_astana_google-sheets_ru-kk_unterminated.csv", "utf-8", ",", "lf", lang="ru + kk", city="Astana",
                final_terminator=False,
                description="Google Sheets download (Russian locale): `Отметка времени`, timestamps "
                            "`16.05.2025 17:42:10`; Russian headings, answers in Russian and Kazakh; "
                            "a few properly quoted comments early on; then ONE hand-edited line whose "
                            "comment opens a `\"` that is never closed (no other `\"` anywhere after it) "
                            "→ unterminated_quote on that line only; file does NOT end with a newline.")
    sessions = [day(2025, 5, 16, "spec", "az"), day(2025, 5, 17, "street", "zo", 15.0, 16.5)]
    rows = make_responses(rng, 43, sessions, [("ru", 60), ("kk", 40)], 4.3, missing=0.03)
    ex.header(["Отметка времени", "Город", "Модуль", "Тренер", "Категория участника",
               "Насколько вы удовлетворены тренингом в целом?", "Оцените работу тренера",
               "Актуальность содержания", "Организация", "Применимость в работе",
               "Порекомендуете ли вы тренинг коллегам? (0-10)", "Что понравилось?", "Что улучшить?",
               "Комментарий"])
    bad_at = 22
    rows[1]["comment"] = 'Тренер супер, но "перерывы" по 5 минут – это мало'
    rows[4]["liked"] = "Атмосфера, открытость, много практики"
    rows[8]["improve"] = "Меньше теории,\nбольше кейсов"
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        city = ["Астана", "Астана", "г. Астана", "Astana", "Астана қ.", "Астана "][i % 6]
        fields = [sheets_ru_ts(r["ts"]), city, MODULES[s["module"]]["ru"], TRAINERS[s["trainer"]][lang],
                  CATEGORIES[r["cat"]][lang], str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]),
                  opt(r["organisation"]), opt(r["applicability"]), opt(r["nps"]),
                  r["liked"], r["improve"], r["comment"]]
        if i >= bad_at:
            # after the broken line nothing may need quoting: drop such comments
            for j in (11, 12, 13):
                if ex.needs_quotes(fields[j]):
                    fields[j] = ""
        if i == bad_at:
            fields[13] = "Тренеру отдельное спасибо за кейс про Дом молодёжи"
            ex.unterminated_quote(fields)
        else:
            ex.record(fields)
    return ex


def ui_google_ts(t, tz, am, pm):
    """Google Forms' CSV download in another interface language: the 12-hour
    marker in that language (ru ДП/ПП, kk ТД/ТК)."""
    h12 = t.hour % 12 or 12
    return f"{t.year}/{t.month:02d}/{t.day:02d} {h12}:{t.minute:02d}:{t.second:02d} {am if t.hour < 12 else pm} {tz}"


def us_sheets_ts(t):
    """Google Sheets download by an owner in the en-US locale: month first, no zero padding."""
    return f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}:{t.second:02d}"


def excel_day(d):
    """Excel's 1900-system day number: 1899-12-30 is day 0 (Lotus's leap-year bug included)."""
    return (d - dt.date(1899, 12, 30)).days


def nfd(text):
    return unicodedata.normalize("NFD", text)


def file_k(rng):
    """2024-03, Karaganda, Excel UTF-8 (BOM), ';', CRLF; places, modules and groups typed every way."""
    ex = Export("2024-03-15_karaganda_typed-variants_ru-kk.csv", "utf-8-bom", ";", "crlf", lang="ru + kk",
                city="Karaganda",
                description="Excel \"CSV UTF-8\" built from a form filled on phones and Macs: city, module "
                            "and participant category typed every way people type them: a Latin `K` "
                            "inside Cyrillic (`Kарағанды`), a Cyrillic `а` inside Latin (`Kаraganda`), "
                            "macOS decomposed letters (NFD `й`, `ё`), NBSP and doubled spaces, `г.` / "
                            "`қ.` / `қаласы` / `city of`, quotes and a trailing dot, Kazakh Latin "
                            "(`Qaraǵandy`, `Qarağandy`) and transliterations (`Karagandy`); every row "
                            "is in Karaganda (KZ-35), none lost to an unknown place.")
    sessions = [day(2024, 3, 15, "digital", "es"), day(2024, 3, 16, "spec", "es", 15.0, 16.75)]
    rows = make_responses(rng, 40, sessions, [("ru", 55), ("kk", 45)], 4.2)
    cities = ["Караганда", "Kарағанды", "Kаraganda", "г.\u00a0Караганда", "Қарағанды  қаласы",
              "қ. Қарағанды", "city of Karaganda", "«Караганда»", "Караганда.", "Qaraǵandy", "Qarağandy",
              "Karagandy", "КАРАГАНДА", "караганда ", "Қарағанды"]
    ex.header(["Дата", "Город / Қала", "Модуль", "Тренер", "Категория участника / Қатысушы санаты",
               "Общая оценка / Жалпы баға", "Работа тренера / Тренердің жұмысы",
               "Актуальность / Өзектілігі", "Организация / Ұйымдастыру", "Применимость / Қолданбалылығы",
               "Порекомендуете ли? / Ұсынасыз ба? (0-10)", "Понравилось / Ұнағаны",
               "Улучшить / Жақсарту", "Комментарий / Пікір"])
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        module = MODULES[s["module"]][lang]
        if i % 5 == 1:
            module = nfd(module.replace("Специализированная", "Специализированная  "))  # NFD ё/й, doubled space
        elif i % 5 == 3:
            module = module.upper()
        cat = CATEGORIES[r["cat"]][lang]
        if i % 4 == 2:
            cat = nfd(cat) + " "
        ex.record([s["date"].strftime("%d.%m.%Y"), cities[i % len(cities)], module, TRAINERS[s["trainer"]][lang],
                   cat, str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]), opt(r["organisation"]),
                   opt(r["applicability"]), opt(r["nps"]), r["liked"], r["improve"], r["comment"]])
    return ex


def file_l(rng):
    """2024-10, Shymkent, Google Forms download, Russian interface: grid questions, ДП/ПП."""
    ex = Export("2024-10-18_shymkent_google-forms-grid_ru-kk.csv", "utf-8", ",", "crlf", lang="ru + kk",
                city="Shymkent",
                description="Google Forms download from an account with the Russian interface: "
                            "timestamps `2024/10/18 5:41:07 ПП GMT+5` (ДП/ПП for AM/PM); the ratings are "
                            "grid (matrix) questions exported as `Question [Row]`, in Russian and "
                            "Kazakh (`Оцените тренинг [Содержание]`, `Тренерді бағалаңыз [Материалды "
                            "түсіндіруі]`); the NPS question in a full sentence without `(0-10)`.")
    sessions = [day(2024, 10, 18, "open", "zo", 16.0, 17.5), day(2024, 10, 19, "street", "zo", 11.0, 12.5)]
    rows = make_responses(rng, 38, sessions, [("ru", 60), ("kk", 40)], 4.4)
    ex.header(["Отметка времени", "Ваш город", "Модуль", "Тренер", "Кто вы?",
               "Оцените тренинг [В целом]", "Оцените тренинг [Содержание]",
               "Тренингті бағалаңыз [Ұйымдастырылуы]", "Оцените тренинг [Применимость в работе]",
               "Тренерді бағалаңыз [Материалды түсіндіруі]",
               "Насколько вероятно, что вы порекомендуете этот тренинг друзьям или коллегам?",
               "Что вам понравилось?", "Что можно улучшить?", "Комментарий"])
    rows[3]["comment"] = "Спасибо, жду сертификат"
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        ex.record([ui_google_ts(r["ts"], "GMT+5", "ДП", "ПП"), ["Шымкент", "г. Шымкент", "Shymkent"][i % 3],
                   MODULES[s["module"]]["ru"], TRAINERS[s["trainer"]]["ru"], CATEGORIES[r["cat"]][lang],
                   str(r["overall"]), opt(r["relevance"]), opt(r["organisation"]), opt(r["applicability"]),
                   opt(r["delivery"]), opt(r["nps"]), r["liked"], r["improve"], r["comment"]])
    return ex


def file_m(rng):
    """2024-11, Shymkent, Google Sheets download by an en-US owner: month-first timestamps."""
    ex = Export("2024-11-14_shymkent_google-sheets_en-us.csv", "utf-8", ",", "lf", lang="en + ru", city="Shymkent",
                description="Google Sheets download by an owner whose locale is en-US: timestamps month "
                            "first without padding (`11/5/2024 17:03:22`); the first session (5 November) "
                            "reads both ways, the second (14 November) settles the column as month "
                            "first; one row typed in by hand day first (`14/11/2024 18:05:00`) "
                            "contradicts the column → ambiguous_date.")
    sessions = [day(2024, 11, 5, "digital", "dk"), day(2024, 11, 14, "open", "dk", 15.0, 16.5)]
    rows = make_responses(rng, 40, sessions, [("en", 50), ("ru", 50)], 4.1)
    ex.header(["Timestamp", "City", "Module", "Trainer", "Participant group", "Overall rating",
               "Trainer's delivery", "Relevance of the content", "Organisation", "Applicability",
               "How likely are you to recommend this training to a friend or colleague?",
               "What did you like?", "What could be improved?", "Comments"])
    hand_typed = 33
    for i, r in enumerate(rows):
        s = r["session"]
        lang = r["lang"]
        fields = [us_sheets_ts(r["ts"]), ["Shymkent", "Шымкент"][i % 2], MODULES[s["module"]]["en"],
                  TRAINERS[s["trainer"]]["en"], CATEGORIES[r["cat"]][lang], str(r["overall"]),
                  opt(r["delivery"]), opt(r["relevance"]), opt(r["organisation"]), opt(r["applicability"]),
                  opt(r["nps"]), r["liked"], r["improve"], r["comment"]]
        if i == hand_typed:
            assert s["date"].day == 14
            fields[0] = r["ts"].strftime("%d/%m/%Y %H:%M:%S").lstrip("0")
            ex.record(fields, "ambiguous_date")
        else:
            ex.record(fields)
    return ex


def file_n(rng):
    """2025-02, Aktobe, Google Forms download, Kazakh interface: ТД/ТК, an owner's clock at GMT+6."""
    ex = Export("2025-02-17_aktobe_google-forms_kk.csv", "utf-8", ",", "crlf", lang="kk", city="Aktobe",
                description="Google Forms download from an account with the Kazakh interface: timestamps "
                            "`2025/02/17 5:41:07 ТК GMT+6` (ТД/ТК for AM/PM) from a form whose owner "
                            "kept the old GMT+6 clock after Kazakhstan moved to UTC+5 on 1 March 2024; "
                            "the last answer of 17 February, sent after midnight by the form's clock "
                            "(`2025/02/18 12:20:41 ТД GMT+6`), is 23:20 on 17 February in Aktobe and "
                            "belongs to that day's session; Kazakh question sentences; city typed "
                            "Ақтөбе / Aqtöbe / Aktobe / Актюбинск.")
    sessions = [day(2025, 2, 17, "spec", "az", 17.0, 18.5), day(2025, 2, 18, "digital", "az", 10.0, 11.5)]
    rows = make_responses(rng, 39, sessions, [("kk", 100)], 4.5)
    late = max(i for i, r in enumerate(rows) if r["session"]["date"].day == 17)
    ex.header(["Уақыт белгісі", "Қалаңыз", "Қай модульден өттіңіз?", "Тренердің аты-жөні", "Сіз кімсіз?",
               "Тренингке жалпы қаншалықты ризасыз?", "Тренер материалды қаншалықты түсінікті жеткізді?",
               "Тренинг мазмұны жұмысыңыз үшін қаншалықты өзекті?",
               "Тренингтің ұйымдастырылуын қалай бағалайсыз?",
               "Алған білімді тәжірибеде қолдана аласыз ба?",
               "Бұл тренингті әріптестеріңізге ұсыну ықтималдығы қандай? (0–10)",
               "Сізге не ұнады?", "Нені жақсартуға болады?", "Қосымша пікірлер"])
    for i, r in enumerate(rows):
        s = r["session"]
        ts = r["ts"] + dt.timedelta(hours=1)    # the form's GMT+6 clock
        if i == late:
            ts = dt.datetime(2025, 2, 18, 0, 20, 41)   # 23:20:41 on the 17th in Kazakhstan
        ex.record([ui_google_ts(ts, "GMT+6", "ТД", "ТК"), ["Ақтөбе", "Aqtöbe", "Aktobe", "Ақтөбе қ.", "Актюбинск"][i % 5],
                   MODULES[s["module"]]["kk"], TRAINERS[s["trainer"]]["kk"], CATEGORIES[r["cat"]]["kk"],
                   str(r["overall"]), opt(r["delivery"]), opt(r["relevance"]), opt(r["organisation"]),
                   opt(r["applicability"]), opt(r["nps"]), r["liked"], r["improve"], r["comment"]])
    return ex


def file_o(rng):
    """2024-12, Taraz, Excel CSV (Windows-1251) whose date column holds Excel day numbers."""
    ex = Export("2024-12-06_taraz_excel-day-numbers_ru_cp1251.csv", "cp1251", ";", "crlf", lang="ru", city="Taraz",
                description="Excel CSV (Windows-1251) from a sheet whose date column was formatted as a "
                            "number: `Дата` holds Excel day numbers (`45632` is 6 December 2024); one "
                            "number lost a digit (`4563`, 1912) → impossible_date; Russian headings.")
    sessions = [day(2024, 12, 6, "street", "nn"), day(2024, 12, 7, "open", "nn", 11.0, 12.75)]
    rows = make_responses(rng, 41, sessions, [("ru", 100)], 4.0)
    ex.header(["Дата", "Город", "Тренер", "Модуль", "Категория участника", "Общая оценка", "Работа тренера",
               "Актуальность", "Организация", "Применимость", "Порекомендуете ли? (0-10)",
               "Понравилось", "Улучшить", "Комментарий"])
    typo = 17
    for i, r in enumerate(rows):
        s = r["session"]
        number = str(excel_day(s["date"]))
        fields = [number, ["Тараз", "г. Тараз", "Тараз "][i % 3], TRAINERS[s["trainer"]]["ru"],
                  MODULES[s["module"]]["ru"], CATEGORIES[r["cat"]]["ru"], str(r["overall"]),
                  opt(r["delivery"]), opt(r["relevance"]), opt(r["organisation"]), opt(r["applicability"]),
                  opt(r["nps"]), r["liked"], r["improve"], r["comment"]]
        if i == typo:
            fields[0] = number[:-1]
            ex.record(fields, "impossible_date")
        else:
            ex.record(fields)
    return ex


# New files go at the end: each draws from the one random stream, so the
# files before them stay byte for byte as they were.
FILES = [file_a, file_b, file_c, file_d, file_e, file_f, file_g, file_h, file_j, file_i,
         file_k, file_l, file_m, file_n, file_o]


README_HEAD = """# sample-data

Synthetic post-training feedback exports from youth resource centres, written by
`generate.py` (stdlib Python, fixed seed `{seed}`, deterministic). Regenerate with

    python3 sample-data/generate.py      # writes the files, expected.json, this README
    python3 sample-data/check.py         # independent re-check with Python's csv module

All people, answers and numbers are invented. The IINs are the public valid examples
from `shared/reference/kazakhstan.md` (950315300019, 050712600425, 881214400094); phone
numbers and e-mails are made up. They sit in comment cells for redaction tests.

A typical session: two-day seminar for youth workers (modules: open / specialised /
digital / street youth work), ~40 participants, feedback after each day.

## expected.json

One object per file, computed from the rows as they were written (not by parsing):
`encoding`, `delimiter`, `line_ending`, `header_line` (1-based physical line, counting
`sep=` and title lines), `columns` (header cells stripped of surrounding spaces, trailing
empty cells removed), `records` (accepted data rows: duplicates and ragged rows count;
rejects, title/blank/totals lines do not), `ignored_lines` (`sep_directive`,
`title_line`, `blank_line`, `totals_row`), `rejects` (`too_many_fields`,
`unterminated_quote`), `short_record_lines`, `physical_lines` (terminators, +1 when the
file does not end with one; embedded newlines in quotes count), `first_record` (start
line and fields exactly as a CSV parser returns them -- in the trailing-empty-columns
file that includes the three trailing empty fields; pikir hands on only the fields up to
the header's width, so tests compare the first `len(columns)` fields). An embedded newline inside quotes
is written with the file's own terminator (CRLF / LF / CR) and appears that way in
field text.

`ingest` is what `pikir ingest` (and `make run`) must make of the file, from what the
generator wrote on purpose: `accepted`, `rejected` (the reader's rejects above plus the
records normalising must reject: `ambiguous_date`, `impossible_date`), `duplicates`
(a double submit), `ignored`, and every reject's `line` and `reason_code`. Every record
the generator did not mark is an accepted response.

## Files

| file | encoding | delim | EOL | layout quirks | language | city | year | records | ingest |
|---|---|---|---|---|---|---|---|---|---|
"""

README_TAIL = """
## Coverage (which file exercises what)

Files are named by their date prefix below (e.g. `2021-10` = `2021-10-08_karaganda_excel_ru_cp1251.csv`).

| requirement | file(s) |
|---|---|
| `utf-8`, no BOM (Google Forms / Sheets style) | 2019-11, 2022-11, 2025-05, 2026-02 |
| `utf-8-bom` | 2023-09 (CR endings), 2024-11 |
| `utf-16le` + BOM FF FE, TAB, CRLF (Excel "Unicode text") | 2022-06 |
| `utf-16be` + BOM FE FF | 2023-04 |
| `cp1251` (Russian text only, `;`, CRLF) | 2021-10 |
| `kz1048` (contains ә ғ қ ң ө ұ ү һ і) | 2020-02 |
| delimiter `,` | 2019-11, 2022-11, 2023-09, 2025-05 |
| delimiter `;` | 2020-02, 2021-10, 2024-11 |
| delimiter TAB | 2022-06 |
| delimiter `\|` | 2023-04, 2026-02 |
| `sep=;` first line | 2021-10 |
| CRLF | 2019-11, 2020-02, 2021-10, 2022-06, 2024-11 |
| LF | 2022-11, 2023-04, 2025-05, 2026-02 |
| CR only (also inside quoted fields; no LF anywhere) | 2023-09 |
| no terminator after the last line | 2022-11, 2025-05 |
| quoted field with the file's own delimiter inside | every file (2022-06: a TAB pasted into a comment) |
| doubled quotes `""` inside quoted fields | every file |
| embedded newline inside quotes (file's own terminator) | every file |
| every field quoted, header included | 2023-04 |
| quoted header cells (commas in Google Forms questions) | 2019-11, 2022-11 |
| header cell with a trailing space | 2019-11, 2022-11 |
| trailing empty columns (`;;;` on every row and the header) | 2021-10 |
| title line(s) above the header | 2020-02 (2 titles + blank), 2026-02 (2 titles + blank) |
| blank lines in the middle of the data | 2026-02 (one empty, one spaces-only); 2020-02 (blank before totals) |
| totals row | 2020-02 `Барлығы`, 2021-10 `Итого`, 2026-02 `Total` |
| ragged rows (trailing cells missing) | 2026-02 (two) |
| reject `too_many_fields` | 2024-11 |
| reject `unterminated_quote` | 2025-05 |
| exact duplicate response | 2019-11 |
| empty answers | every file except 2019-11 / 2022-11 rating columns (required Google Forms questions) |
| Nur-Sultan period (Mar 2019 – Sep 2022) | 2019-11, 2022-06; stragglers typing Nur-Sultan in 2022-11 |
| old names in city cells | Акмола (2019-11), Akmola (2022-11), Алма-Ата (2020-02, 2023-04, 2024-11) |
| rating answer words | kk 2020-02, 2024-11; ru 2024-11; en 2022-11; agreement scale ru 2019-11, en 2022-11 |
| decimal comma ratings | 2021-10 (`4,5`), 2023-09 (`"4,5"`, quoted because the delimiter is a comma) |
| date formats | `2019/11/14 5:01:25 PM GMT+6` (2019-11, 2022-11); `16.05.2025 17:42:10` (2025-05); dd.mm.yy (2020-02, 2023-09); dd.mm.yyyy (2021-10, 2022-06); ISO (2023-04, 2026-02); `5 ноября 2024 г.` / `2024 ж. 5 қараша` / `05.11.2024` (2024-11) |
| trainer spelling variants | 2019-11, 2022-11 (free text), 2024-11 (Нұрлыбай Наурызбаев / Нурлыбай Наурызбаев / Nurlybai Nauryzbayev / Наурызбаев Н.), 2020-02, 2021-10, 2023-09 |
| phone in a comment | 2019-11 `+7 701 234 5678`, 2022-06 and 2022-11 `8 (701) 234-56-78`, 2024-11 `87771234567` |
| e-mail in a comment | 2021-10, 2022-11 |
| IIN in a comment | 2020-02 `950315300019`, 2022-06 `881214400094`, 2024-11 `050712600425` |
| places, modules and categories typed every way: Latin letters in Cyrillic words and the other way, NFD (macOS), NBSP, doubled spaces, `г.` / `қ.` / `қаласы` / `city of`, quotes, Kazakh Latin (`Qaraǵandy`) | 2024-03 (all 40 rows in KZ-35) |
| Google Forms grid questions `Question [Row]`, ru and kk; NPS sentence without `(0-10)` | 2024-10 |
| Google Forms 12-hour markers in other languages: ru `ДП`/`ПП` | 2024-10 |
| Google Forms 12-hour markers in other languages: kk `ТД`/`ТК`; an old `GMT+6` clock after March 2024 (an answer at 12:20 ТД on the 18th is the 17th in Kazakhstan) | 2025-02 |
| en-US month-first timestamps, the order settled by the column; one hand-typed day-first value → `ambiguous_date` | 2024-11-14 |
| Excel day numbers in a date column (`45632`); one with a lost digit → `impossible_date` | 2024-12 |
"""


def readme_row(ex, exp):
    quirks = ex.description.replace("|", "\\|").replace("\n", " ")
    delim = {"\t": "TAB", "|": "`\\|`"}.get(ex.delimiter, "`%s`" % ex.delimiter)
    name = ex.name
    year = name[:4]
    lang, city = ex.lang, ex.city
    extras = []
    if exp["rejects"]:
        extras.append("rejects: " + ", ".join("%s@%d" % (r["reason_code"], r["line"]) for r in exp["rejects"]))
    if exp["short_record_lines"]:
        extras.append("short rows at lines " + ", ".join(map(str, exp["short_record_lines"])))
    if exp["ignored_lines"]:
        extras.append("ignored: " + ", ".join("%s@%d" % (r["reason_code"], r["line"]) for r in exp["ignored_lines"]))
    extra = (" — " + "; ".join(extras)) if extras else ""
    ing = exp["ingest"]
    outcome = "%d accepted, %d rejected, %d duplicate%s, %d ignored" % (
        ing["accepted"], ing["rejected"], ing["duplicates"], "" if ing["duplicates"] == 1 else "s", ing["ignored"])
    return "| `%s` | %s | %s | %s | %s%s | %s | %s | %s | %d | %s |\n" % (
        name, ex.encoding, delim, ex.line_ending.upper(), quirks, extra, lang, city, year, exp["records"], outcome)


def main():
    rng = random.Random(SEED)
    expected = []
    readme = README_HEAD.format(seed=SEED)
    for build in FILES:
        ex = build(rng)
        data, exp = ex.render()
        with open(os.path.join(HERE, ex.name), "wb") as fh:
            fh.write(data)
        expected.append(exp)
        readme += readme_row(ex, exp)
        print("%-58s %-9s %-4s %-4s header@%-2d records=%-2d lines=%d" % (
            ex.name, ex.encoding, {"\t": "TAB"}.get(ex.delimiter, ex.delimiter), ex.line_ending,
            exp["header_line"], exp["records"], exp["physical_lines"]))
    readme += README_TAIL
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme)


if __name__ == "__main__":
    main()
