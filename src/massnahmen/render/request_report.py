"""The files of a status request, and what `request` tells about them."""

from __future__ import annotations

import sys
from pathlib import Path

from massnahmen.diagnostics import printable
from massnahmen.render.console import print_error
from massnahmen.render.request import request_bytes
from massnahmen.render.request_mail import request_mail
from massnahmen.request.asking import Asking
from massnahmen.request.writing import request_file_name
from massnahmen.words import Lang, current_lang, format_date, say


def request_files(askings: list[Asking], lang: Lang, *, eml: bool) -> dict[str, bytes]:
    """Each owner's workbook (and mail) by file name."""
    files: dict[str, bytes] = {}
    for asking in askings:
        name = request_file_name(asking.plan, asking.owner.id)
        workbook = files[name] = request_bytes(asking, lang)
        if eml:
            mail = request_file_name(asking.plan, asking.owner.id, ".eml")
            files[mail] = request_mail(asking, workbook, name, lang)
    return files


def report_requests(askings: list[Asking], written: list[Path]) -> None:
    """One line per owner on stdout; an owner without an address, where mails were asked for,
    on stderr."""
    lang = current_lang()
    names = {p.name: p for p in written}
    for asking in askings:
        path = names[request_file_name(asking.plan, asking.owner.id)]
        measures = sum(1 for r in asking.rows if r.kind == "measure")
        reply_by = format_date(asking.ticket.reply_by, lang)
        line = say(
            "request.written", path=path, owner=asking.owner.id, count=measures, reply_by=reply_by
        )
        sys.stdout.write(printable(line) + "\n")
        mail = request_file_name(asking.plan, asking.owner.id, ".eml")
        if mail in names and not asking.owner.email:
            print_error(printable(say("request.no_address", owner=asking.owner.id)))
    if not askings:
        print_error(say("request.nothing"))
