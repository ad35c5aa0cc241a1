"""Cell values as people type them in a measure plan, read into the plan's values.

Every `read_*` function takes a cell value (str, int, float, date, datetime or None) and returns
the plan's value, None for an empty cell, or raises `Unreadable` saying why the value means
nothing to the plan. The caller keeps the raw text in the measure's notes and reports the cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from typing import TypeVar, get_args

from massnahmen.deadline import ONGOING, parse_deadline
from massnahmen.model import Priority, Status


class Unreadable(ValueError):
    """A cell whose value cannot be mapped; the message says why, in a few words."""


T = TypeVar("T")


def _memo(read: Callable[[object], T]) -> Callable[[object], T]:
    """Remembers what texts read as: a sheet repeats its status words, deadlines and owners."""
    known: dict[str, T | Unreadable] = {}

    def cached(value: object) -> T:
        if not isinstance(value, str):
            return read(value)
        if value not in known:
            if len(known) > 10_000:
                known.clear()
            try:
                known[value] = read(value)
            except Unreadable as exc:
                known[value] = exc
        found = known[value]
        if isinstance(found, Unreadable):
            raise Unreadable(str(found))
        return found

    cached.__doc__ = read.__doc__
    return cached


# Cells that say "nothing here": left out rather than reported.
_BLANKS = frozenset({"", "-", "–", "—", "--", "/", "n/a", "n.a.", "k.a.", "k. a.", "?", "tbd"})


def text_of(value: object) -> str:
    """A cell as text, as a person would read it (1.0 → "1", dates ISO, None → "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def is_blank(value: object) -> bool:
    """Empty, or a placeholder such as "-" or "k.A."."""
    if value is None:
        return True
    return isinstance(value, str) and value.strip().lower() in _BLANKS


def _key(value: object) -> str:
    """Lower-case words without punctuation at the ends: the form to look words up in."""
    return " ".join(str(value).lower().replace("\xa0", " ").split()).strip(" .:;!")


# --- dates and deadlines -------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = range(10_000, 100_000)  # 1927-05-18 .. 2173-10-14: a number in this range is a day
_YEARS = range(1990, 2101)
_MONTHS = {
    "jan": 1,
    "januar": 1,
    "jänner": 1,
    "feb": 2,
    "februar": 2,
    "mär": 3,
    "mrz": 3,
    "märz": 3,
    "maerz": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dezember": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "dec": 12,
    "december": 12,
}
_ONGOING_WORDS = frozenset(
    {
        "laufend",
        "fortlaufend",
        "daueraufgabe",
        "dauerhaft",
        "kontinuierlich",
        "ständig",
        "fortwährend",
        "permanent",
        "ongoing",
        "continuous",
    }
)
# Seasons and parts of a year, as the period that ends when they end.
_PARTS = {
    "anfang": "Q1",
    "frühjahr": "Q2",
    "frühling": "Q2",
    "mitte": "H1",
    "sommer": "Q3",
    "herbst": "Q4",
    "ende": "",
    "jahresende": "",
    "end": "",
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PREFIX = re.compile(
    r"^(?:bis(?: zum| spätestens| ende)?|spätestens|ca|ca\.|voraussichtlich|by)\s+"
)
_DAY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})")
_MONTH_NUM = re.compile(r"(\d{1,2})\s?[./]\s?(\d{4})")
_QUARTER = re.compile(
    r"(?:q\s?([1-4])|([1-4])\.?\s?(?:quartal|q\.?)|(i{1,3}|iv)\.\s?quartal)\s*[/.-]?\s*(\d{4})"
)
_QUARTER_YEAR_FIRST = re.compile(r"(\d{4})\s*[/-]?\s*q\s?([1-4])")
_HALF = re.compile(
    r"(?:h\s?([12])|([12])\.?\s?(?:hj\.?|halbjahr|hälfte|jahreshälfte))\s*[/.-]?\s*(\d{4})"
)
_HALF_YEAR_FIRST = re.compile(r"(\d{4})\s*[/-]?\s*h\s?([12])")
_WORD_YEAR = re.compile(r"([a-zäöü]+)\.?\s+(\d{4})")
_RANGE = re.compile(r"(\d{4})\s*(?:-|–|—|/|bis)\s*(\d{4})")


def _serial(number: float) -> dt.date:
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000
    if year not in _YEARS:
        raise Unreadable(f"the year {year} is not plausible")
    return year


class ShownDate(dt.datetime):
    """A date cell whose number format shows no day: `"Q3/"YYYY`, `MM/YYYY`, `YYYY`. The person
    reads the period the cell shows; `number_format` says how it is shown."""

    number_format: str

    @classmethod
    def of(cls, value: dt.datetime, number_format: str) -> ShownDate:
        shown = cls(value.year, value.month, value.day, value.hour, value.minute, value.second)
        shown.number_format = number_format
        return shown

    def period(self) -> dt.date | str:
        """The period the cell shows ("2024-Q3"), or its day where it shows none."""
        return _shown_period(self.date(), self.number_format)


# One token of an Excel number format: a quoted text, an escaped character, a width or fill
# sign (_x, *x), a [colour] or [$-407] locale, a date or time code, any other character.
_FORMAT_TOKEN = re.compile(
    r"""
    "(?P<quoted>[^"]*)"? | \\(?P<escaped>.) | _. | \*. | \[[^\]]*\]
    | (?P<code>[ymdhs]+|am/pm|a/p) | (?P<other>.)
    """,
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_MONTH_NAMES: tuple[str, ...] = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli")
_MONTH_NAMES += ("August", "September", "Oktober", "November", "Dezember")


def shows_day(number_format: str) -> bool:
    """Whether a date format shows the day or a time, or no date at all (so the cell is a day,
    not a period)."""
    return shown_text(dt.date(2000, 1, 1), number_format) is None


def shown_text(day: dt.date, number_format: str) -> str | None:
    """`day` as a cell with `number_format` shows it, where the format shows no day and no
    time (`"Q3/"YYYY` → "Q3/2024", `MM/YYYY` → "09/2024"); None where it does. Years are
    written in full and months by number or German name, so that the text reads as a period."""
    tokens = list(_FORMAT_TOKEN.finditer(number_format))
    codes = [t["code"].lower() for t in tokens if t["code"] is not None]
    parts: list[str] = []
    seen = 0
    for token in tokens:
        if token["other"] == ";":
            break  # the first section is the one for positive numbers, dates among them
        code = token["code"]
        if code is None:
            parts.append(token["quoted"] or token["escaped"] or token["other"] or "")
            continue
        code = code.lower()
        before = codes[seen - 1] if seen else ""
        after = codes[seen + 1] if seen + 1 < len(codes) else ""
        seen += 1
        if code[0] in "dhs" or code in ("am/pm", "a/p"):
            return None
        if code[0] == "y":
            parts.append(str(day.year))
        elif before.startswith("h") or after.startswith("s"):
            return None  # minutes, as Excel reads `m` after an hour or before seconds
        elif len(code) >= 3:
            parts.append(_MONTH_NAMES[day.month - 1])
        else:
            parts.append(f"{day.month:02d}" if len(code) == 2 else str(day.month))
    return "".join(parts) if seen else None


@functools.lru_cache(maxsize=4096)
def _shown_period(day: dt.date, number_format: str) -> dt.date | str:
    """The period a date cell shows, where its day lies in that period; else the day itself."""
    text = shown_text(day, number_format)
    if not text:
        return day
    for candidate in (text, _SEPARATORS.sub(" ", text)):  # "September-2024" as "September 2024"
        try:
            period = read_period(candidate)[0]
        except Unreadable:
            continue
        if isinstance(period, str) and period != ONGOING:
            due = parse_deadline(period).due
            if due is not None and first_day(period) <= day <= due:
                return period
        break
    return day


_SEPARATORS = re.compile(r"[-/.,_]+")


@_memo
def read_period(value: object) -> tuple[dt.date | str, dt.date | str | None]:
    """A deadline or period: (the model's deadline value, the start it implies or None).

    Returns dates as `date`, periods as the model's strings ("2024-Q3", "2024-H2", "2024-12",
    "2024", "ongoing"). A span "2023–2025" gives the deadline "2025" and the start "2023". A
    date cell formatted to show a period (`"Q3/"YYYY`) is that period.
    """
    if isinstance(value, ShownDate):
        return value.period(), None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, bool):
        raise Unreadable("not a date")
    if isinstance(value, float) and not math.isfinite(value):
        raise Unreadable("not a date")
    if isinstance(value, int | float):
        if value == int(value) and int(value) in _YEARS:
            return str(int(value)), None
        if int(value) in _SERIALS:
            return _serial(value), None
        raise Unreadable("a number that is neither a year nor an Excel date")
    text = _key(value)
    if text in _ONGOING_WORDS:
        return ONGOING, None
    text = _PREFIX.sub("", text)
    try:  # the model's own forms: 2024-06-30, 2024-Q2, 2024-H1, 2024-06, 2024
        parsed = parse_deadline(text.upper() if "-" in text else text)
    except ValueError:
        pass
    else:
        if parsed.kind == "date" and parsed.due is not None:
            return parsed.due, None
        if parsed.kind != "year" or int(text) in _YEARS:
            return str(parsed.raw), None
    return _read_period_text(text), None if not _RANGE.fullmatch(text) else _range_start(text)


def _range_start(text: str) -> str:
    match = _RANGE.fullmatch(text)
    assert match is not None
    return str(_year(match[1]))


def _read_period_text(text: str) -> dt.date | str:
    if match := _DAY.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), _year(match[3])
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise Unreadable(f"{day}.{month}.{year} is not a date") from None
    if match := _MONTH_NUM.fullmatch(text):
        month = int(match[1])
        if not 1 <= month <= 12:
            raise Unreadable(f"{month} is not a month")
        return f"{_year(match[2])}-{month:02d}"
    if match := _QUARTER.fullmatch(text):
        quarter = int(match[1] or match[2] or _ROMAN[match[3]])
        return f"{_year(match[4])}-Q{quarter}"
    if match := _QUARTER_YEAR_FIRST.fullmatch(text):
        return f"{_year(match[1])}-Q{match[2]}"
    if match := _HALF.fullmatch(text):
        return f"{_year(match[3])}-H{match[1] or match[2]}"
    if match := _HALF_YEAR_FIRST.fullmatch(text):
        return f"{_year(match[1])}-H{match[2]}"
    if match := _WORD_YEAR.fullmatch(text):
        word, year = match[1], _year(match[2])
        if word in _MONTHS:
            return f"{year}-{_MONTHS[word]:02d}"
        if word in _PARTS:
            part = _PARTS[word]
            return f"{year}-{part}" if part else str(year)
    if match := _RANGE.fullmatch(text):
        _year(match[1])
        return str(_year(match[2]))
    raise Unreadable("not a date or period")


@_memo
def read_deadline(value: object) -> dt.date | str | None:
    """A deadline in the model's forms, None for an empty cell."""
    if is_blank(value):
        return None
    return read_period(value)[0]


@_memo
def read_date(value: object) -> dt.date | None:
    """A day (start, funding end, update date); a period gives its first day."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()  # a date cell is its day, however it is shown
    deadline, start = read_period(value)
    raw = start if start is not None else deadline
    if isinstance(raw, dt.date):
        return raw
    if raw == ONGOING:
        raise Unreadable("not a day")
    return first_day(raw)


def first_day(period: str) -> dt.date:
    """The first day of a period in the model's form ("2024-Q3" → 2024-07-01)."""
    year, _, part = period.partition("-")
    if not part:
        return dt.date(int(year), 1, 1)
    if part[0] == "Q":
        return dt.date(int(year), 3 * int(part[1]) - 2, 1)
    if part[0] == "H":
        return dt.date(int(year), 1 if part[1] == "1" else 7, 1)
    return dt.date(int(year), int(part), 1)


# --- status, progress, priority ------------------------------------------------------------------

_STATUS_WORDS: dict[str, Status] = {}
for _status, _words in {
    "planned": "geplant|offen|noch offen|in planung|in vorbereitung|vorgesehen|nicht begonnen|"
    "noch nicht begonnen|noch nicht gestartet|neu|idee|planned|open|not started|to do|todo",
    "in_progress": "in arbeit|in umsetzung|in bearbeitung|in durchführung|in realisierung|"
    "begonnen|gestartet|läuft|laufend|teilweise umgesetzt|teilweise in umsetzung|"
    "in progress|started|ongoing|active|wip",
    "done": "umgesetzt|erledigt|abgeschlossen|fertig|fertiggestellt|realisiert|erfüllt|"
    "vollständig umgesetzt|done|completed|complete|finished|closed",
    "on_hold": "zurückgestellt|ausgesetzt|pausiert|ruht|ruhend|verschoben|gestoppt|on hold|"
    "paused|postponed|deferred",
    "cancelled": "verworfen|entfallen|entfällt|gestrichen|abgebrochen|eingestellt|"
    "nicht weiterverfolgt|cancelled|canceled|dropped|abandoned",
}.items():
    for _word in _words.split("|"):
        _STATUS_WORDS[_word] = _status  # type: ignore[assignment]
for _status in get_args(Status):
    _STATUS_WORDS[_status] = _status

_PRIORITY_WORDS: dict[str, Priority] = {
    "hoch": "high",
    "sehr hoch": "high",
    "high": "high",
    "1": "high",
    "a": "high",
    "mittel": "medium",
    "medium": "medium",
    "normal": "medium",
    "2": "medium",
    "b": "medium",
    "niedrig": "low",
    "gering": "low",
    "low": "low",
    "3": "low",
    "c": "low",
}


@_memo
def read_status(value: object) -> Status | None:
    """A status from the German or English words officers use."""
    if is_blank(value):
        return None
    key = _key(value).replace("_", " ")
    # the words alone; without a remark in brackets; the first clause of a short sentence
    bare = _key(re.sub(r"\(.*?\)", " ", key))
    clause = _key(re.split(r"[,;:.–]", key, maxsplit=1)[0])
    for candidate in (key, bare, clause if len(clause.split()) <= 4 else ""):
        if candidate in _STATUS_WORDS:
            return _STATUS_WORDS[candidate]
    raise Unreadable("not a status word")


@_memo
def read_priority(value: object) -> Priority | None:
    if is_blank(value):
        return None
    key = _key(text_of(value))
    if key in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[key]
    raise Unreadable("not a priority (hoch, mittel, niedrig)")


_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|prozent)?")


def read_progress(value: object, fractions: bool = False) -> int | None:
    """Percent done: 40, "40 %", 0.4 and "0,4" all give 40.

    `fractions`: the column holds shares of one (Excel percentage cells), so 1 means 100 %.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise Unreadable("not a percentage")
    if isinstance(value, int | float):
        number = float(value)
        if fractions or (0 < number < 1):
            number *= 100
    else:
        match = _PERCENT.fullmatch(_key(value))
        if not match:
            raise Unreadable("not a percentage")
        number = float(match[1].replace(",", "."))
        if match[2] is None and number <= 1 and (fractions or not number.is_integer()):
            number *= 100
    if not 0 <= number <= 100:
        raise Unreadable("a percentage must lie between 0 and 100")
    return round(number)


# --- money, yes/no, lists ------------------------------------------------------------------------

_SCALES = {
    "mio": 1e6,
    "millionen": 1e6,
    "mio.": 1e6,
    "mrd": 1e9,
    "mrd.": 1e9,
    "tsd": 1e3,
    "tsd.": 1e3,
    "t": 1e3,
    "k": 1e3,
}
_AMOUNT = re.compile(
    r"(?:€|eur|euro)?\s*([0-9][0-9.,' ]*?)(?:,-|\.-|,--)?\s*"
    r"(mio\.?|millionen|mrd\.?|tsd\.?|t|k)?\s*(?:€|eur|euro|teur|t€)?"
)


@_memo
def read_amount(value: object) -> float | None:
    """Euros in German notation ("12.000,00 €", "1,5 Mio. €", "50 T€") or plain numbers."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise Unreadable("not an amount")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _key(value)
        match = _AMOUNT.fullmatch(text)
        if not match:
            raise Unreadable("not an amount in euros")
        number = _german_number(match[1].replace(" ", "").replace("'", ""))
        if match[2]:
            number *= _SCALES[match[2]]
    if not math.isfinite(number):  # "1e999", or 400 nines: no amount a plan can hold
        raise Unreadable("not an amount in euros")
    if number < 0:
        raise Unreadable("a negative amount")
    return round(number, 2)


def _german_number(text: str) -> float:
    text = text.rstrip(".,")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        raise Unreadable("not an amount in euros") from None


_YES = frozenset({"ja", "j", "x", "yes", "y", "true", "wahr", "1", "✓", "✔"})
_NO = frozenset({"nein", "n", "no", "false", "falsch", "0"})


def read_flag(value: object) -> bool | None:
    """Yes or no ("ja", "x", "nein")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    key = _key(text_of(value))
    if key in _YES:
        return True
    if key in _NO or key in _BLANKS:
        return False
    raise Unreadable("not yes or no")


def split_list(value: object, separators: str = ",;\n") -> list[str]:
    """The items of a list typed into one cell ("FB1, FB2"; "4-16-27" with separators "-")."""
    if is_blank(value):
        return []
    text = text_of(value)
    pattern = "[" + re.escape(separators) + "]"
    return [item.strip() for item in re.split(pattern, text) if not is_blank(item.strip())]
