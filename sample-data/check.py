#!/usr/bin/env python3
"""Independent check of sample-data/expected.json against the files on disk.

    python3 sample-data/check.py

Does not import generate.py.  For every file it sniffs the encoding from the
bytes (BOM / UTF-8 validity / KZ-1048 marker letters), the line ending and the
delimiter, finds the header line by a simple rule, then reads the data with
Python's csv module (strict mode; when the reader hits end of data inside an
open quote, the line where that record started is counted as an
`unterminated_quote` reject and reading restarts on the next line) and
compares everything with expected.json.  Exits non-zero on any mismatch.
"""

import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KZ1048_MARKERS = set("ЌќЋћЎўЈјҐґЄєЇїЅѕ")      # what cp1251 shows for KZ-1048 letters
TOTALS_WORDS = {"итого", "барлығы", "total", "всего", "жиыны"}
DELIMS = [",", ";", "\t", "|"]


def sniff_encoding(data):
    if data.startswith(b"\xff\xfe"):
        return "utf-16le", data[2:].decode("utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return "utf-16be", data[2:].decode("utf-16-be")
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-bom", data[3:].decode("utf-8")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    as1251 = data.decode("cp1251", errors="replace")
    if KZ1048_MARKERS & set(as1251):
        return "kz1048", data.decode("kz1048")
    return "cp1251", as1251


def sniff_line_ending(text):
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lone_lf = text.count("\n") - crlf
    kinds = [k for k, n in (("crlf", crlf), ("cr", lone_cr), ("lf", lone_lf)) if n]
    assert len(kinds) == 1, ("mixed or no line endings", crlf, lone_cr, lone_lf)
    return kinds[0]


def split_lines(text, term):
    """Physical lines, each WITH its terminator (the last may lack one)."""
    parts = text.split(term)
    lines = [p + term for p in parts[:-1]]
    if parts[-1] != "":
        lines.append(parts[-1])
    return lines


def sniff_delimiter(lines):
    first = lines[0].rstrip("\r\n")
    if first.startswith("sep=") and len(first) == 5:
        return first[4]
    best, best_score = None, -1
    for d in DELIMS:
        counts = {}
        try:
            for row in csv.reader(lines, delimiter=d, strict=False):
                if len(row) >= 5:
                    counts[len(row)] = counts.get(len(row), 0) + 1
        except csv.Error:
            continue
        score = max(counts.values()) if counts else 0
        if score > best_score:
            best, best_score = d, score
    return best


def parse_one(line, delim):
    rows = list(csv.reader([line], delimiter=delim, strict=False))
    return rows[0] if rows else []


def read_records(lines, start_index, delim):
    """Yield (start_line_1based, n_lines, fields or None-for-unterminated)."""
    i = start_index
    while i < len(lines):
        reader = csv.reader(iter(lines[i:]), delimiter=delim, strict=True)
        consumed = 0
        try:
            for fields in reader:
                start = i + consumed
                n = reader.line_num - consumed
                consumed = reader.line_num
                yield start + 1, n, fields
            return
        except csv.Error as err:
            if "unexpected end of data" not in str(err):
                raise
            bad = i + consumed            # record that never closed its quote
            yield bad + 1, 1, None
            i = bad + 1


def check_file(exp):
    path = os.path.join(ROOT, exp["path"])
    data = open(path, "rb").read()
    problems = []

    def same(what, got, want):
        if got != want:
            problems.append("%s: got %r, expected %r" % (what, got, want))

    enc, text = sniff_encoding(data)
    same("encoding", enc, exp["encoding"])
    if enc == "cp1251":
        # pure Russian text: byte-identical under KZ-1048 too
        same("cp1251 == kz1048 decoding", data.decode("kz1048"), text)
        kk = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ") & set(text)
        same("Kazakh letters in cp1251 file", sorted(kk), [])
    if enc == "kz1048":
        same("Kazakh letters present", sorted(set("әғқңөұүһі") - set(text)), [])

    le = sniff_line_ending(text)
    same("line_ending", le, exp["line_ending"])
    term = {"crlf": "\r\n", "lf": "\n", "cr": "\r"}[le]
    lines = split_lines(text, term)
    same("physical_lines", len(lines), exp["physical_lines"])

    delim = sniff_delimiter(lines)
    same("delimiter", delim, exp["delimiter"])

    # header: first line (not sep=) with at least 3 non-empty cells
    ignored = []
    header_idx = None
    for idx, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if idx == 0 and body.startswith("sep="):
            ignored.append({"line": 1, "reason_code": "sep_directive"})
            continue
        if body.strip() == "":
            ignored.append({"line": idx + 1, "reason_code": "blank_line"})
            continue
        cells = parse_one(line, delim)
        if sum(1 for c in cells if c.strip()) >= 3:
            header_idx = idx
            break
        ignored.append({"line": idx + 1, "reason_code": "title_line"})
    same("header_line", header_idx + 1, exp["header_line"])
    columns = [c.strip() for c in parse_one(lines[header_idx], delim)]
    while columns and columns[-1] == "":
        columns.pop()
    same("columns", columns, exp["columns"])
    ncols = len(columns)

    records, rejects, shorts, first = 0, [], [], None
    all_rows = []
    for start, n, fields in read_records(lines, header_idx + 1, delim):
        if fields is None:
            rejects.append({"line": start, "reason_code": "unterminated_quote"})
            continue
        raw = lines[start - 1]
        if n == 1 and raw.strip() == "":
            ignored.append({"line": start, "reason_code": "blank_line"})
            continue
        if fields and fields[0].strip().lower() in TOTALS_WORDS:
            ignored.append({"line": start, "reason_code": "totals_row"})
            continue
        if sum(1 for f in fields if f.strip()) > ncols:
            rejects.append({"line": start, "reason_code": "too_many_fields"})
            continue
        records += 1
        all_rows.append(tuple(fields))
        if len(fields) < ncols:
            shorts.append(start)
        if first is None:
            first = {"line": start, "fields": fields}
    same("records", records, exp["records"])
    same("ignored_lines", ignored, exp["ignored_lines"])
    same("rejects", rejects, exp["rejects"])
    same("short_record_lines", shorts, exp["short_record_lines"])
    same("first_record", first, exp["first_record"])

    if exp["rejects"] and exp["rejects"][0]["reason_code"] == "unterminated_quote":
        bad = exp["rejects"][0]["line"]
        rest = "".join(lines[bad:])
        same("quote count on the unterminated line", lines[bad - 1].count('"'), 1)
        same('any " after the unterminated quote', '"' in rest, False)

    facts = {
        "duplicates": len(all_rows) - len(set(all_rows)),
        "quoted_newline": term in "".join(f for r in all_rows for f in r),
        "doubled_quotes": '""' in text,
        "quoted_delim": any(delim in f for r in all_rows for f in r),
        "iin": bool(re.search(r"(?<!\d)\d{12}(?!\d)", text)),
        "phone": bool(re.search(r"(\+7|8)[ (]*7\d\d[) ]*\d{3}[- ]?\d\d[- ]?\d\d", text)),
        "email": bool(re.search(r"[\w.]+@[\w.]+\.\w+", text)),
        "final_terminator": text.endswith(term),
    }
    return problems, {"enc": enc, "delim": delim, "le": le, "lines": len(lines), "header": header_idx + 1,
                      "records": records, "ignored": ignored, "rejects": rejects, "shorts": shorts,
                      "facts": facts}


def main():
    expected = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    failed = False
    seen = {"enc": set(), "delim": set(), "le": set(), "reasons": set()}
    any_fact = {}
    print("%-56s %-9s %-5s %-4s %4s %4s %5s  %s" % ("file", "encoding", "delim", "eol", "hdr", "recs",
                                                      "lines", "ignored / rejects / short"))
    for exp in expected:
        problems, got = check_file(exp)
        seen["enc"].add(got["enc"])
        seen["delim"].add(got["delim"])
        seen["le"].add(got["le"])
        for r in got["ignored"] + got["rejects"]:
            seen["reasons"].add(r["reason_code"])
        for k, v in got["facts"].items():
            if v:
                any_fact[k] = any_fact.get(k, 0) + 1
        notes = ", ".join("%s@%d" % (r["reason_code"], r["line"]) for r in got["ignored"] + got["rejects"])
        if got["shorts"]:
            notes += (", " if notes else "") + "short@" + "/".join(map(str, got["shorts"]))
        print("%-56s %-9s %-5s %-4s %4d %4d %5d  %s %s" % (
            os.path.basename(exp["path"]), got["enc"], {"\t": "TAB"}.get(got["delim"], got["delim"]),
            got["le"], got["header"], got["records"], got["lines"], notes, "OK" if not problems else "FAIL"))
        for p in problems:
            failed = True
            print("    !! " + p)

    need = {
        "enc": {"utf-8", "utf-8-bom", "utf-16le", "utf-16be", "cp1251", "kz1048"},
        "delim": {",", ";", "\t", "|"},
        "le": {"crlf", "lf", "cr"},
        "reasons": {"sep_directive", "title_line", "blank_line", "totals_row", "too_many_fields",
                    "unterminated_quote"},
    }
    for k, want in need.items():
        missing = want - seen[k]
        if missing:
            failed = True
            print("!! coverage: missing %s %s" % (k, sorted(missing)))
    if not any(e["short_record_lines"] for e in expected):
        failed = True
        print("!! coverage: no short records")
    for k in ("duplicates", "quoted_newline", "doubled_quotes", "quoted_delim", "iin", "phone", "email"):
        if not any_fact.get(k):
            failed = True
            print("!! coverage: nothing has %s" % k)
    if len(expected) < 8:
        failed = True
        print("!! fewer than 8 files")
    print("files with: " + ", ".join("%s=%d" % kv for kv in sorted(any_fact.items())))
    print("FAILED" if failed else "all %d files agree with expected.json" % len(expected))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
