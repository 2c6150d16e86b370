#!/usr/bin/env python3
"""Generate messy feedback exports for the ingest benchmark (bench/ingest.sh).

Usage:
    python3 bench/gen_messy.py [ROWS] [FOLDER] [FILES] [--seed S]

Defaults: 1,000,000 data records, bench/.out/messy/, 10 files, seed 20241105.
The same arguments always give the same bytes.

The records are spread over FILES export files (10 layouts, cycled when
FILES > 10) with the variety of sample-data/: Kazakh / Russian / English
headers (short Excel headings, bilingual `Қала / Город` headings, Google
Forms question sentences), encodings utf-8, utf-8 with BOM, cp1251
(Russian-only text), kz1048 (Kazakh text) and utf-16le, delimiters `,` `;`
TAB `|`, CRLF / LF / CR line endings, `sep=;`, title lines, trailing empty
columns, every-field-quoted, city spellings, dates in several forms, ratings
as digits, decimal commas and answer words, ~3% missing answers, NPS 0-10,
trainer name variants, participant groups and modules in kk/ru/en, quoted
comments with commas, doubled quotes and embedded newlines, ~1% of comments
with a phone number, an e-mail or an IIN.

Bad data, on purpose:
* ~0.2% bad records, each rejected by pikir: a score out of range (7 on 1-5,
  11 on 0-10), an impossible date (31.02.2024, 2021/02/30 ...), or an
  unquoted comment holding the delimiter (too_many_fields);
* ~0.5% duplicate records: an exact copy of an earlier good record of the same
  file, timestamp or response ID included;
* lines pikir ignores: title lines, `sep=;`, blank and all-empty lines, and
  totals rows (`Итого`, `Барлығы`, `Total`) at the end of some files.

ROWS counts data records (good, bad and duplicates; not the ignored lines).
The truth is written to FOLDER/expected.json (pikir ingest only picks up
*.csv, *.tsv and *.txt): per file and in total, the records, accepted,
rejected, duplicates and ignored that pikir must report.

Stdlib only.  Speed comes from sampling whole columns per chunk with
random.choices() over pre-formatted pools.
"""

import argparse
import datetime
import itertools
import json
import os
import random
import sys
import time

DEFAULT_ROWS = 1_000_000
DEFAULT_FILES = 10
DEFAULT_SEED = 20241105
CHUNK = 20_000

BAD_RATE = 0.002      # rejected records
DUP_RATE = 0.005      # exact duplicates
MISSING = 0.03        # missing answer per rating / NPS cell
PII_RATE = 0.01       # comments with a phone, e-mail or IIN
NEWLINE_RATE = 0.004  # comments with an embedded newline
EMPTY_COMMENT = 0.15

SCORE_WEIGHTS = {5: 45, 4: 32, 3: 14, 2: 6, 1: 3}
NPS_WEIGHTS = [1, 1, 1, 2, 2, 4, 6, 10, 18, 24, 31]  # 0..10

# --------------------------------------------------------------------------- vocabularies

WORDS = {
    "kk": {5: "Өте жақсы", 4: "Жақсы", 3: "Орташа", 2: "Нашар", 1: "Өте нашар"},
    "ru": {5: "Отлично", 4: "Хорошо", 3: "Удовлетворительно", 2: "Плохо", 1: "Очень плохо"},
    "en": {5: "Excellent", 4: "Good", 3: "Average", 2: "Poor", 1: "Very poor"},
    "agree_ru": {5: "Полностью согласен(на)", 4: "Скорее согласен(на)", 3: "Затрудняюсь ответить",
                 2: "Скорее не согласен(на)", 1: "Совершенно не согласен(на)"},
    "agree_en": {5: "Strongly agree", 4: "Agree", 3: "Neutral", 2: "Disagree", 1: "Strongly disagree"},
    "agree_kk": {5: "Толығымен келісемін", 4: "Келісемін", 3: "Бейтарап", 2: "Келіспеймін",
                 1: "Мүлдем келіспеймін"},
}

MODULES = {
    "kk": ["Жастармен ашық жұмыс", "Жастармен мамандандырылған жұмыс", "Жастармен цифрлық жұмыс",
           "Жастармен көшедегі жұмыс"],
    "ru": ["Открытая работа с молодёжью", "Специализированная работа с молодёжью",
           "Цифровая работа с молодёжью", "Уличная работа с молодёжью"],
    "en": ["Open youth work", "Specialised youth work", "Digital youth work", "Street youth work"],
}
MODULE_WEIGHTS = [40, 25, 20, 15]

GROUPS = {
    "kk": ["Оқушы", "Студент", "Жұмыс істейтін жастар", "Жастар ресурстық орталығының маманы", "Басқа"],
    "ru": ["Школьник", "Студент", "Работающая молодёжь", "Специалист МРЦ", "Представитель НПО"],
    "en": ["Pupil", "Student", "Working youth", "Youth resource centre staff", "Other"],
}
GROUP_WEIGHTS = [20, 30, 20, 22, 8]

TRAINERS = {
    # the same trainer, four spellings (sample-data 2024-11), and a few others
    "nurlybai_kk": ["Нұрлыбай Наурызбаев", "Нурлыбай Наурызбаев", "Nurlybai Nauryzbayev", "Наурызбаев Н."],
    "nurlybai_ru": ["Нурлыбай Наурызбаев", "Наурызбаев Н.", "Наурызбаев Нурлыбай", "Н. Наурызбаев"],
    "kk": ["Айгерім Жұмабекова", "Айгерим Жумабекова", "Aigerim Zhumabekova", "Ерлан Сәрсенов", "Ерлан Сарсенов",
           "Гүлнұр Есенова", "Дәурен Серікбаев", "Мөлдір Ахметова"],
    "ru": ["Ольга Петрова", "Петрова О.", "Ерлан Сарсенов", "Дмитрий Ким", "Айгерим Жумабекова",
           "Наталья Смирнова", "Сергей Иванов"],
    "en": ["Aigerim Zhumabekova", "Dmitry Kim", "Dmitriy Kim", "Olga Petrova", "Yerlan Sarsenov", "Anna Müller",
           "John O'Connor"],
}

CITIES = {
    "nur-sultan_ru": [("Нур-Султан", 30), ("г. Нур-Султан", 12), ("Nur-Sultan", 10), ("Астана", 14),
                      ("нур-султан ", 4), ("Nursultan", 4), ("Акмола", 3), ("Алматы", 8), ("г. Алматы", 4),
                      ("Алма-Ата", 2), ("Караганда", 5), ("Шымкент", 4)],
    "almaty_kk": [("Алматы", 50), ("Алматы қ.", 15), ("Алма-Ата", 4), ("Almaty", 5), ("Астана", 8),
                  ("Нұр-Сұлтан", 4), ("Қарағанды", 5), ("Шымкент", 6), ("Семей", 3)],
    "karaganda_ru": [("Караганда", 45), ("г. Караганда", 12), ("Темиртау", 6), ("Алматы", 8), ("г. Алматы", 4),
                     ("Алма-Ата", 2), ("Астана", 6), ("Нур-Султан", 3), ("Шымкент", 5), ("Павлодар", 5),
                     ("Семей", 4)],
    "nur-sultan_kkru": [("Нұр-Сұлтан", 35), ("Нур-Султан", 25), ("Астана", 12), ("Ақмола", 2), ("Алматы", 8),
                        ("Қарағанды", 6), ("Павлодар", 4), ("Шымкент", 5)],
    "astana_en": [("Astana", 50), ("Nur-Sultan", 12), ("Nursultan", 5), ("Akmola", 3), ("Астана", 8),
                  ("Almaty", 8), ("Karaganda", 5), ("Shymkent", 5), ("Semey", 2), ("Pavlodar", 2)],
    "almaty_crm": [("Алматы", 40), ("Алма-Ата", 8), ("Almaty", 20), ("Alma-Ata", 3), ("Шымкент", 8),
                   ("Астана", 10), ("Караганда", 6), ("Павлодар", 5)],
    "karaganda_mac": [("Караганда", 55), ("г. Караганда", 10), ("Темиртау", 8), ("Астана", 8), ("Алматы", 8),
                      ("Павлодар", 6), ("Семей", 5)],
    "almaty_kkru": [("Алматы", 45), ("г. Алматы", 15), ("Алматы қ.", 10), ("Алма-Ата", 5), ("Almaty", 5),
                    ("Астана", 8), ("Қарағанды", 4), ("Шымкент", 8)],
    "astana_kkru": [("Астана", 55), ("г. Астана", 10), ("Нур-Султан", 4), ("Нұр-Сұлтан", 3), ("Алматы", 10),
                    ("Шымкент", 8), ("Қарағанды", 5), ("Павлодар", 5)],
    "karaganda_en": [("Karaganda", 30), ("Qarağandy", 15), ("Қарағанды", 15), ("Қарағанды қ.", 5),
                     ("Караганда", 10), ("Shymkent", 6), ("Semey", 6), ("Pavlodar", 6), ("Almaty", 4),
                     ("Astana", 4)],
}

FRAGMENTS = {
    "kk": ["Тренинг өте пайдалы болды", "Жаттықтырушы барлық сұрақтарға жауап берді",
           "Көбірек практикалық тапсырмалар керек", "Уақыт жеткіліксіз болды, тақырып кең",
           "Жастармен жұмыс істеуге жаңа идеялар алдым", "Ұйымдастыру жақсы, бірақ зал тар болды",
           "\"Цифрлық жастар жұмысы\" модулі ұнады", "Материалдар қазақ тілінде болса екен",
           "Рахмет, келесі жылы тағы қатысамын", "Мектептегі жұмысымда қолданамын",
           "Топтық жұмыс пен тәжірибе алмасу", "Үзілістер қысқа болды"],
    "ru": ["Очень полезный тренинг", "Тренер объяснял понятно, с примерами из практики",
           "Хотелось бы больше времени на обсуждение", "Кофе-брейк был слишком коротким, а программа насыщенной",
           "Модуль \"Уличная работа с молодёжью\" — лучший", "Не хватило раздаточных материалов",
           "Применю знания в работе с подростками", "Организация на высоте, спасибо",
           "Слишком много теории, мало практики", "Зал был холодный, микрофон не работал",
           "Тренер супер, но \"перерывы\" по 5 минут – это мало", "Спасибо за тёплую атмосферу"],
    "en": ["Very useful session", "The trainer was engaging, well prepared and clear",
           "I would like more case studies", "Too much content for one day",
           "Great networking with other youth workers", "The \"street youth work\" part was the highlight",
           "Slides were hard to read from the back", "Will recommend to colleagues",
           "Online part had connection issues, otherwise fine", "Longer coffee breaks, please"],
}
LIKED = {
    "kk": ["Топтық жұмыс", "Кейстер мен ойындар", "Тренердің тәжірибесі", "Жылы атмосфера"],
    "ru": ["Интерактив", "Работа в группах", "Кейсы из практики", "Подача материала; структура занятий"],
    "en": ["Group work", "Real cases", "The trainer's energy", "Useful links and resources"],
}
IMPROVE = {
    "kk": ["Уақытты ұзарту", "Презентацияны алдын ала жіберу", "Көбірек практика"],
    "ru": ["Начинать вовремя", "Больше практики", "Нужно больше воды и перерывов"],
    "en": ["Send the agenda earlier", "More practice", "Start on time"],
}
PII = [
    "Можно ли получить сертификат? Мой номер +7 701 234 5678",
    "Пришлите, пожалуйста, презентацию на aigerim.s@mail.kz",
    "Сертификатқа ЖСН: 950315300019",
    "Please send the slides to d.kim.mrc@gmail.com or call 8 (701) 234-56-78",
    "Менің нөмірім 87771234567, хабарласыңыз",
    "ИИН 050712600425, прошу выдать сертификат",
    "Call me: +7 701 234 5678",
    "ЖСН 881214400094, сертификат керек",
]
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
PII_RU = [p for p in PII if not KAZAKH_LETTERS & set(p)]  # for cp1251 (Russian-only) files

MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
MONTHS_KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]

# --------------------------------------------------------------------------- file layouts
# Columns are (key, header). Keys: id, ts, city, date, trainer, module, group,
# overall, delivery, content, organisation, applicability, nps, liked, improve,
# comment.  The comment is always the last column, so an unquoted comment with
# the delimiter in it is a too_many_fields reject.

SCORES = ["overall", "delivery", "content", "organisation", "applicability"]

LAYOUTS = [
    dict(name="nur-sultan_google-forms_ru", ext="csv", encoding="utf-8", delim=",", eol="\r\n",
         years=(2019, 2021), ts="google12", cities="nur-sultan_ru", trainers="nurlybai_ru", lang="ru",
         ratings=dict(default=["digits"], applicability=["agree_ru"]), id_prefix=None,
         columns=[("ts", "Отметка времени"), ("city", "Ваш город"), ("module", "Какой модуль вы прошли сегодня?"),
                  ("trainer", "ФИО тренера"), ("group", "К какой категории участников вы относитесь?"),
                  ("overall", "Насколько вы удовлетворены тренингом в целом?"),
                  ("delivery", "Насколько понятно тренер подавал материал?"),
                  ("content", "Насколько содержание тренинга актуально для вашей работы?"),
                  ("organisation", "Как вы оцениваете организацию тренинга (место, время, раздаточные материалы)?"),
                  ("applicability", "Сможете ли вы применить полученные знания на практике?"),
                  ("nps", "Насколько вероятно, что вы порекомендуете этот тренинг коллегам? (0–10)"),
                  ("liked", "Что вам больше всего понравилось?"), ("improve", "Что можно улучшить?"),
                  ("comment", "Ваши комментарии и предложения ")]),
    dict(name="almaty_excel_kk_kz1048", ext="csv", encoding="kz1048", delim=";", eol="\r\n",
         years=(2020, 2020), dates=[("dd.mm.yy", 70), ("written_kk", 30)], cities="almaty_kk",
         trainers="nurlybai_kk", lang="kk", ratings=dict(default=["kk", "kk", "digits"]), id_prefix="ALA20",
         titles=["«Жастармен ашық жұмыс» және «Жастармен көшедегі жұмыс» тренингтері бойынша есеп, Алматы қ.",
                 "Жастар ресурстық орталығы", ""],
         totals="Барлығы", blank_before_totals=1,
         columns=[("id", "Сауалнама нөмірі"), ("city", "Қала"), ("date", "Күні"), ("trainer", "Тренер"),
                  ("module", "Модуль"), ("group", "Қатысушы санаты"), ("overall", "Жалпы баға"),
                  ("delivery", "Тренердің жұмысы"), ("content", "Мазмұнның өзектілігі"),
                  ("organisation", "Ұйымдастыру"), ("applicability", "Қолданбалылығы"),
                  ("nps", "Басқаларға ұсынасыз ба? (0-10)"), ("liked", "Ұнағаны"),
                  ("improve", "Жақсартуға ұсыныстар"), ("comment", "Пікір")]),
    dict(name="karaganda_excel_ru_cp1251", ext="csv", encoding="cp1251", delim=";", eol="\r\n",
         years=(2021, 2021), dates=[("dd.mm.yyyy", 80), ("written_ru", 20)], cities="karaganda_ru",
         trainers="ru", lang="ru", ratings=dict(default=["digits", "decimal"]), id_prefix="KRG21",
         sep_line=True, trailing_empty=3, totals="Итого",
         columns=[("id", "№ анкеты"), ("city", "Город"), ("date", "Дата"), ("trainer", "ФИО тренера"),
                  ("module", "Модуль"), ("group", "Категория участника"), ("overall", "Общая оценка"),
                  ("delivery", "Подача материала тренером"), ("content", "Актуальность содержания"),
                  ("organisation", "Организация"), ("applicability", "Применимость"),
                  ("nps", "Порекомендуете ли вы тренинг коллегам? (0-10)"), ("liked", "Что понравилось"),
                  ("improve", "Что улучшить"), ("comment", "Комментарий")]),
    dict(name="nur-sultan_unicode-text_kk-ru", ext="txt", encoding="utf-16le", delim="\t", eol="\r\n",
         years=(2022, 2022), dates=[("dd.mm.yyyy", 100)], cities="nur-sultan_kkru", trainers="nurlybai_kk",
         lang="kkru", ratings=dict(default=["kk", "ru", "digits"]), id_prefix="NUR22",
         columns=[("id", "Сауалнама нөмірі / № анкеты"), ("city", "Қала / Город"), ("date", "Күні / Дата"),
                  ("trainer", "Тренер"), ("module", "Модуль"), ("group", "Қатысушы санаты / Категория участника"),
                  ("overall", "Жалпы баға / Общая оценка"), ("delivery", "Тренердің жұмысы / Работа тренера"),
                  ("content", "Мазмұнның өзектілігі / Актуальность содержания"),
                  ("organisation", "Ұйымдастыру / Организация"), ("applicability", "Қолданбалылығы / Применимость"),
                  ("nps", "Ұсынасыз ба? / Порекомендуете ли? (0-10)"), ("comment", "Пікір / Комментарий")]),
    dict(name="astana_google-forms_en", ext="csv", encoding="utf-8", delim=",", eol="\n",
         years=(2022, 2023), ts="google12", cities="astana_en", trainers="en", lang="en",
         ratings=dict(default=["en"], applicability=["agree_en"]), id_prefix=None, final_newline=False,
         columns=[("ts", "Timestamp"), ("city", "City"), ("module", "Which module did you attend?"),
                  ("trainer", "Trainer's name"), ("group", "You are..."),
                  ("overall", "How satisfied are you with the training overall?"),
                  ("delivery", "How clearly did the trainer deliver the material?"),
                  ("content", "How relevant was the content to your work?"),
                  ("organisation", "How would you rate the organisation (venue, timing, materials)?"),
                  ("applicability", "Will you be able to apply what you learned?"),
                  ("nps", "How likely are you to recommend this training to a colleague? (0-10)"),
                  ("liked", "What did you like most?"), ("improve", "What could be improved?"),
                  ("comment", "Any other comments? ")]),
    dict(name="almaty_crm-export_utf8bom", ext="csv", encoding="utf-8-bom", delim="|", eol="\n",
         years=(2023, 2023), dates=[("iso", 100)], cities="almaty_crm", trainers="en", lang="kkru",
         ratings=dict(default=["ru", "kk", "digits"]), id_prefix="CRM23", quote_all=True,
         columns=[("id", "Response ID"), ("city", "City"), ("date", "Date"), ("trainer", "Trainer"),
                  ("module", "Module"), ("group", "Participant group"), ("overall", "Overall"),
                  ("delivery", "Delivery"), ("content", "Content"), ("organisation", "Organisation"),
                  ("applicability", "Applicability"), ("nps", "NPS"), ("comment", "Comment")]),
    dict(name="karaganda_mac-excel_ru_cr", ext="csv", encoding="utf-8-bom", delim=",", eol="\r",
         years=(2023, 2023), dates=[("dd.mm.yy", 100)], cities="karaganda_mac", trainers="ru", lang="ru",
         ratings=dict(default=["digits", "decimal"]), id_prefix="KRG23",
         columns=[("id", "№ анкеты"), ("city", "Город"), ("date", "Дата проведения"), ("trainer", "Тренер"),
                  ("module", "Тема"), ("group", "Категория"), ("overall", "Общая оценка"),
                  ("delivery", "Работа тренера"), ("content", "Содержание"), ("organisation", "Организация"),
                  ("applicability", "Применимость в работе"), ("nps", "Рекомендация"),
                  ("comment", "Комментарии")]),
    dict(name="almaty_excel-utf8_kk-ru", ext="csv", encoding="utf-8-bom", delim=";", eol="\r\n",
         years=(2024, 2024), dates=[("written_ru", 30), ("written_kk", 30), ("dd.mm.yyyy", 40)],
         cities="almaty_kkru", trainers="nurlybai_kk", lang="kkru", ratings=dict(default=["kk", "ru", "digits"]),
         id_prefix="ALA24", empty_records=0.0005,
         columns=[("date", "Дата"), ("id", "ID ответа"), ("city", "Қала"), ("trainer", "Тренер"),
                  ("module", "Модуль"), ("group", "Категория участника"), ("overall", "Жалпы баға"),
                  ("delivery", "Оценка тренера"), ("content", "Актуальность"), ("organisation", "Ұйымдастыру"),
                  ("applicability", "Применимость"), ("nps", "NPS"), ("comment", "Пікір")]),
    dict(name="astana_google-sheets_ru-kk", ext="csv", encoding="utf-8", delim=",", eol="\n",
         years=(2025, 2025), ts="sheets", cities="astana_kkru", trainers="kk", lang="kkru",
         ratings=dict(default=["digits", "digits", "ru", "kk"]), id_prefix=None, final_newline=False,
         columns=[("ts", "Отметка времени"), ("city", "Город"), ("module", "Модуль"), ("trainer", "Тренер"),
                  ("group", "Категория участника"), ("overall", "Насколько вы удовлетворены тренингом в целом?"),
                  ("delivery", "Оцените работу тренера"), ("content", "Актуальность содержания"),
                  ("organisation", "Организация"), ("applicability", "Применимость в работе"),
                  ("nps", "Порекомендуете ли вы тренинг коллегам? (0-10)"), ("liked", "Что понравилось?"),
                  ("improve", "Что улучшить?"), ("comment", "Комментарий")]),
    dict(name="karaganda_report_en-kk", ext="csv", encoding="utf-8", delim="|", eol="\n",
         years=(2026, 2026), dates=[("iso", 100)], cities="karaganda_en", trainers="kk", lang="kken",
         ratings=dict(default=["digits", "digits", "en", "kk"]), id_prefix="KRG26",
         titles=["Training feedback report: Digital youth work / Жастармен цифрлық жұмыс, Qarağandy",
                 "Generated 2026-02-16 09:30 from the regional youth resource centre database", ""],
         blank_lines=0.0005, ragged=0.005, totals="Total", blank_before_totals=0,
         columns=[("id", "Response ID"), ("city", "City"), ("date", "Date"), ("trainer", "Trainer"),
                  ("module", "Module"), ("group", "Participant category"), ("overall", "Overall rating"),
                  ("delivery", "Trainer delivery"), ("content", "Content relevance"),
                  ("organisation", "Organisation"), ("applicability", "Applicability"),
                  ("nps", "Would recommend (0-10)"), ("liked", "Liked"), ("improve", "To improve"),
                  ("comment", "Comment")]),
]

LANGS = {"ru": ["ru"], "kk": ["kk"], "en": ["en"], "kkru": ["kk", "ru"], "kken": ["kk", "en"]}

# --------------------------------------------------------------------------- helpers


def cum(weights):
    return list(itertools.accumulate(weights))


class Pool:
    """Values with weights, sampled k at a time."""

    def __init__(self, items):
        self.values = [v for v, _ in items]
        self.cum = cum([w for _, w in items])

    def draw(self, rng, k):
        return rng.choices(self.values, cum_weights=self.cum, k=k)


class Dialect:
    def __init__(self, delim, eol, quote_all):
        self.delim, self.eol, self.quote_all = delim, eol, quote_all

    def q(self, v):
        if self.quote_all or any(c in v for c in (self.delim, '"', "\r", "\n")):
            return '"' + v.replace('"', '""') + '"'
        return v


def date_text(d, form):
    if form == "dd.mm.yyyy":
        return d.strftime("%d.%m.%Y")
    if form == "dd.mm.yy":
        return d.strftime("%d.%m.%y")
    if form == "iso":
        return d.isoformat()
    if form == "written_ru":
        return f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} г."
    if form == "written_kk":
        return f"{d.year} ж. {d.day} {MONTHS_KK[d.month - 1]}"
    raise ValueError(form)


def impossible_date_text(year, form):
    if form == "dd.mm.yy":
        return f"31.02.{year % 100:02d}"
    if form == "iso":
        return f"{year}-02-30"
    if form == "written_ru":
        return f"31 февраля {year} г."
    if form == "written_kk":
        return f"{year} ж. 30 ақпан"
    return f"31.02.{year}"


def session_days(rng, y0, y1):
    """Session days (weekdays, a few per month) in the layout's years."""
    days = []
    d = datetime.date(y0, 1, 8)
    while d.year <= y1:
        if d.weekday() < 5:
            days.append(d)
        d += datetime.timedelta(days=rng.choice([3, 4, 6, 7, 9]))
    return days


class Clock:
    """Strictly increasing timestamps (every response has its own second)."""
    EPOCH = datetime.datetime(2000, 1, 1)

    def __init__(self, rng, start, style):
        self.rng, self.style = rng, style
        self.t = int((start - self.EPOCH).total_seconds())
        self.days, self.times = {}, {}

    def _day(self, n):
        s = self.days.get(n)
        if s is None:
            d = self.EPOCH.date() + datetime.timedelta(days=n)
            s = f"{d.year}/{d.month:02d}/{d.day:02d}" if self.style == "google12" else f"{d.day:02d}.{d.month:02d}.{d.year}"
            self.days[n] = s
        return s

    def _time(self, sec):
        s = self.times.get(sec)
        if s is None:
            h, m, x = sec // 3600, sec // 60 % 60, sec % 60
            if self.style == "google12":
                s = f"{(h + 11) % 12 + 1}:{m:02d}:{x:02d} {'AM' if h < 12 else 'PM'} GMT+6"
            else:
                s = f"{h:02d}:{m:02d}:{x:02d}"
            self.times[sec] = s
        return s

    def draw(self, k):
        gaps = self.rng.choices(range(2, 80), k=k)
        out = []
        t = self.t
        for g in gaps:
            t += g
            out.append(self._day(t // 86400) + " " + self._time(t % 86400))
        self.t = t
        return out

    def impossible(self, year):
        sec = self.rng.randrange(32400, 64800)
        if self.style == "google12":
            return f"{year}/02/30 {self._time(sec)}"
        return f"31.02.{year} {self._time(sec)}"


def rating_items(styles, q):
    """(cell text, weight) for one rating question, missing answers included."""
    items = []
    for style in styles:
        for score, w in SCORE_WEIGHTS.items():
            if style == "digits":
                items.append((str(score), w))
            elif style == "decimal":
                items.append((str(score), w * 0.8))
                if score < 5:
                    items.append((f"{score},5", w * 0.2))
            else:
                items.append((WORDS[style][score], w))
    total = sum(w for _, w in items)
    items.append((q(""), total * MISSING / (1 - MISSING)))
    return [(q(v) if v else v, w) for v, w in items]


def comment_pools(rng, langs, dialect):
    q = dialect.q
    plain, newline, pii, bad = [], [], [], []
    frags = [f for lang in langs for f in FRAGMENTS[lang]]
    joiners = [". ", ", ", "; ", " — ", "! "]
    for _ in range(4000):
        parts = [rng.choice(frags) for _ in range(rng.choices([1, 2, 3], weights=[50, 35, 15])[0])]
        text = parts[0]
        for p in parts[1:]:
            text += rng.choice(joiners) + p
        if rng.random() < 0.25:
            text += rng.choice([".", "!", "...", " :)"])
        plain.append(q(text))
    for _ in range(300):
        a, b = rng.choice(frags), rng.choice(frags)
        newline.append(q(a + "." + dialect.eol + b))
    cands = PII_RU if langs == ["ru"] else PII
    for _ in range(300):
        a = rng.choice(frags)
        pii.append(q(rng.choice([a + ". " + rng.choice(cands), rng.choice(cands)])))
    # bad: unquoted, holding the delimiter (no quotes, no newlines in it)
    simple = [f for f in frags if '"' not in f]
    for _ in range(100):
        bad.append(rng.choice(simple) + dialect.delim + " " + rng.choice(simple))
    return plain, newline, pii, bad


# --------------------------------------------------------------------------- one file


def write_file(path, layout, n_records, seed, shift_years=0, tag=""):
    rng = random.Random(seed)
    dialect = Dialect(layout["delim"], layout["eol"], layout.get("quote_all", False))
    q = dialect.q
    langs = LANGS[layout["lang"]]
    columns = layout["columns"]
    keys = [k for k, _ in columns]
    width = len(columns)
    trailing = dialect.delim * layout.get("trailing_empty", 0)
    y0, y1 = (y + shift_years for y in layout["years"])

    # pools
    pools = {}
    pools["city"] = Pool([(q(v), w) for v, w in CITIES[layout["cities"]]])
    trainer_names = TRAINERS[layout["trainers"]]
    pools["trainer"] = Pool([(q(v), 6 if i == 0 else 2) for i, v in enumerate(trainer_names)])
    pools["module"] = Pool([(q(m[i]), MODULE_WEIGHTS[i] / len(langs)) for lang in langs
                            for m in [MODULES[lang]] for i in range(4)])
    pools["group"] = Pool([(q(g[i]), GROUP_WEIGHTS[i] / len(langs)) for lang in langs
                           for g in [GROUPS[lang]] for i in range(5)])
    ratings = layout["ratings"]
    for s in SCORES:
        pools[s] = Pool(rating_items(ratings.get(s, ratings["default"]), q))
    nps_items = [(q(str(i)), w) for i, w in enumerate(NPS_WEIGHTS)]
    nps_items.append((q(""), sum(NPS_WEIGHTS) * MISSING / (1 - MISSING)))
    pools["nps"] = Pool(nps_items)
    for key, table in (("liked", LIKED), ("improve", IMPROVE)):
        items = [(q(v), 1) for lang in langs for v in table[lang]]
        items.append((q(""), len(items) * 1.5))
        pools[key] = Pool(items)
    plain, newline_c, pii_c, bad_c = comment_pools(rng, langs, dialect)
    pools["comment"] = Pool([(v, 1) for v in plain] + [(q(""), len(plain) * EMPTY_COMMENT / (1 - EMPTY_COMMENT))])
    date_forms = layout.get("dates")
    if date_forms:
        days = session_days(rng, y0, y1)
        pools["date"] = Pool([(q(date_text(d, f)), w) for d in days for f, w in date_forms])
    clock = Clock(rng, datetime.datetime(y0, rng.randint(1, 10), rng.randint(1, 28), 9, 0, 0),
                  layout["ts"]) if "ts" in keys else None
    id_prefix = (layout.get("id_prefix") or "") + tag
    next_id = 1

    # which bad kinds this layout can have
    bad_kinds = ["score", "nps", "fields", "date"]

    stats = dict(records=0, bad=0, bad_score=0, bad_date=0, bad_fields=0, duplicates=0, ignored=0,
                 pii_comments=0, newline_comments=0, ragged=0)
    enc = layout["encoding"]
    codec = {"utf-8-bom": "utf-8", "utf-16le": "utf-16-le"}.get(enc, enc)
    bom = {"utf-8-bom": b"\xef\xbb\xbf", "utf-16le": b"\xff\xfe"}.get(enc, b"")
    eol = dialect.eol

    pre = []
    if layout.get("sep_line"):
        pre.append("sep=" + dialect.delim)
    pre += layout.get("titles", [])
    stats["ignored"] += len(pre)
    header = dialect.delim.join(q(h) for _, h in columns) + trailing

    tmp = path + ".tmp"
    with open(tmp, "wb", buffering=8 << 20) as f:
        f.write(bom)
        f.write(eol.join(pre + [header]).encode(codec))
        done = 0
        while done < n_records:
            k = min(CHUNK, n_records - done)
            n_dup = sum(1 for _ in range(k) if rng.random() < DUP_RATE) if k < CHUNK else round(k * DUP_RATE)
            n_dup = min(n_dup, k // 2)
            base = k - n_dup
            cols = []
            for key in keys:
                if key == "id":
                    cols.append([q(f"{id_prefix}-{next_id + i:07d}") for i in range(base)])
                elif key == "ts":
                    cols.append([q(t) for t in clock.draw(base)])
                else:
                    cols.append(pools[key].draw(rng, base))
            next_id += base
            rows = [list(r) for r in zip(*cols)]
            ci = keys.index("comment")
            # special comments
            for i in rng.sample(range(base), min(base, round(base * PII_RATE))):
                rows[i][ci] = rng.choice(pii_c)
                stats["pii_comments"] += 1
            for i in rng.sample(range(base), min(base, round(base * NEWLINE_RATE))):
                rows[i][ci] = rng.choice(newline_c)
                stats["newline_comments"] += 1
            # every good record keeps at least one rating or comment
            score_idx = [keys.index(s) for s in SCORES + ["nps"]]
            for r in rows:
                if all(r[j] in ("", '""') for j in score_idx) and r[ci] in ("", '""'):
                    r[score_idx[0]] = q("4")
            # bad records
            n_bad = round(base * BAD_RATE) if k == CHUNK else sum(1 for _ in range(base) if rng.random() < BAD_RATE)
            bad_pos = set(rng.sample(range(base), min(base, n_bad)))
            for i in bad_pos:
                kind = rng.choice(bad_kinds)
                r = rows[i]
                if kind == "score":
                    r[keys.index(rng.choice(SCORES))] = q(rng.choice(["7", "6", "0", "9"]))
                    stats["bad_score"] += 1
                elif kind == "nps":
                    r[keys.index("nps")] = q(rng.choice(["11", "12", "15"]))
                    stats["bad_score"] += 1
                elif kind == "fields":
                    r[ci] = rng.choice(bad_c)
                    stats["bad_fields"] += 1
                else:
                    year = rng.randint(y0, y1)
                    if "date" in keys:
                        form = rng.choice([fm for fm, _ in date_forms])
                        r[keys.index("date")] = q(impossible_date_text(year, form))
                    else:
                        r[keys.index("ts")] = q(clock.impossible(year))
                    stats["bad_date"] += 1
            lines = [dialect.delim.join(r) + trailing for r in rows]
            # ragged rows: trailing cells missing (kept by pikir)
            if layout.get("ragged"):
                for i in rng.sample(range(base), round(base * layout["ragged"])):
                    if i in bad_pos:
                        continue
                    lines[i] = dialect.delim.join(rows[i][:width - 3])
                    stats["ragged"] += 1
            # duplicates: exact copies of good records, inserted a little later
            good = [i for i in range(base) if i not in bad_pos]
            inserts = {}
            for i in rng.sample(good, n_dup):
                inserts.setdefault(min(base - 1, i + rng.randint(0, 40)), []).append(lines[i])
            out = []
            for i, line in enumerate(lines):
                out.append(line)
                if i in inserts:
                    out.extend(inserts[i])
            # blank, spaces-only and all-empty (only delimiters) lines in the data (ignored)
            for rate, kind in ((layout.get("blank_lines", 0), "blank"), (layout.get("empty_records", 0), "empty")):
                if not rate:
                    continue
                m = round(len(out) * rate) if k == CHUNK else sum(1 for _ in out if rng.random() < rate)
                for _ in range(m):
                    blank = dialect.delim * (width - 1) if kind == "empty" else rng.choice(["", "   "])
                    out.insert(rng.randrange(1, len(out)), blank)
                    stats["ignored"] += 1
            f.write((eol + eol.join(out)).encode(codec))
            stats["records"] += k
            stats["bad"] += len(bad_pos)
            stats["duplicates"] += n_dup
            done += k
        tail = []
        if layout.get("totals"):
            tail += [""] * layout.get("blank_before_totals", 0)
            cells = [""] * width
            cells[0] = layout["totals"]
            cells[1] = str(n_records) if layout["totals"] == "Total" else ""
            cells[keys.index("overall")] = "4,6" if dialect.delim != "," else "4.6"
            tail.append(dialect.delim.join(cells) + trailing)
        stats["ignored"] += len(tail)
        if tail:
            f.write((eol + eol.join(tail)).encode(codec))
        if layout.get("final_newline", True):
            f.write(eol.encode(codec))
    os.replace(tmp, path)
    return stats


# --------------------------------------------------------------------------- main


def generate(rows, folder, files, seed):
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):  # a different ROWS/FILES must not leave old files behind
        if name.endswith((".csv", ".txt", ".tsv", ".tmp")) or name == "expected.json":
            os.remove(os.path.join(folder, name))
    per, extra = divmod(rows, files)
    expected = {"rows": rows, "files": files, "seed": seed, "file_list": []}
    totals = dict(records=0, accepted=0, rejected=0, duplicates=0, ignored=0, bad=0)
    for n in range(files):
        layout = LAYOUTS[n % len(LAYOUTS)]
        lap = n // len(LAYOUTS)
        tag = "" if lap == 0 else f"x{lap}"
        fname = f"{n + 1:02d}_{layout['name']}{'_' + tag if tag else ''}.{layout['ext']}"
        path = os.path.join(folder, fname)
        count = per + (1 if n < extra else 0)
        s = write_file(path, layout, count, seed * 1000 + n, shift_years=lap, tag=tag)
        exp = dict(path=fname, encoding=layout["encoding"],
                   delimiter=layout["delim"], line_ending={"\r\n": "crlf", "\n": "lf", "\r": "cr"}[layout["eol"]],
                   data_records=s["records"], bad=s["bad"],
                   bad_score=s["bad_score"], bad_date=s["bad_date"], bad_fields=s["bad_fields"],
                   accepted=s["records"] - s["bad"] - s["duplicates"], rejected=s["bad"],
                   duplicates=s["duplicates"], ignored=s["ignored"],
                   records=s["records"] + s["ignored"], pii_comments=s["pii_comments"],
                   newline_comments=s["newline_comments"], ragged=s["ragged"], bytes=os.path.getsize(path))
        expected["file_list"].append(exp)
        for key in ("records", "accepted", "rejected", "duplicates", "ignored", "bad"):
            totals[key] += exp[key]
    totals["data_records"] = rows
    totals["bytes"] = sum(e["bytes"] for e in expected["file_list"])
    expected["totals"] = totals
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
    return expected


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", nargs="?", type=int, default=DEFAULT_ROWS, help="data records (default 1,000,000)")
    ap.add_argument("folder", nargs="?", default=os.path.join(here, ".out", "messy"),
                    help="output folder (default bench/.out/messy/)")
    ap.add_argument("files", nargs="?", type=int, default=DEFAULT_FILES, help="number of files (default 10)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    if a.rows < a.files or a.files < 1:
        ap.error("need files >= 1 and rows >= files")
    t0 = time.perf_counter()
    exp = generate(a.rows, a.folder, a.files, a.seed)
    dt = time.perf_counter() - t0
    t = exp["totals"]
    for e in exp["file_list"]:
        print(f"  {e['path']:<48} {e['encoding']:<9} {repr(e['delimiter']):<5} {e['line_ending']:<4} "
              f"{e['data_records']:>8} records {e['bytes'] / 1e6:7.1f} MB  bad {e['bad']:>4}  dup {e['duplicates']:>4}"
              f"  ignored {e['ignored']:>3}")
    print(f"wrote {a.files} files to {a.folder}: {t['data_records']} data records "
          f"({t['bytes'] / 1e6:.1f} MB) in {dt:.1f} s")
    print(f"intentionally bad records: {t['bad']} (rejected); duplicates: {t['duplicates']}; "
          f"ignored lines (titles, sep=, blank, totals): {t['ignored']}")
    print(f"pikir must report: records {t['records']} = accepted {t['accepted']} + rejected {t['rejected']} "
          f"+ duplicates {t['duplicates']} + ignored {t['ignored']}  (truth: {os.path.join(a.folder, 'expected.json')})")


if __name__ == "__main__":
    main()
