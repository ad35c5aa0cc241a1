"""The request as a complete mail (`--eml`): To the owner, a German (or English) text, the
workbook attached; built with the standard library, for a job to hand to `sendmail -t`. The
tool itself never sends mail."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from massnahmen.request.asking import Asking
from massnahmen.sanitize import one_line
from massnahmen.words import Lang, format_date, say

# Long lines: the default of 78 folds a long German name inside a word, which readers show
# with a space in it ("Ratsb üro").
POLICY = SMTP.clone(max_line_length=200)
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def request_mail(asking: Asking, workbook: bytes, file_name: str, lang: Lang) -> bytes:
    """The mail as bytes with CRLF line ends (RFC 5322)."""
    owner, ticket, head = asking.owner, asking.ticket, asking.plan.plan
    reply_by = format_date(ticket.reply_by, lang)
    message = EmailMessage(policy=POLICY)
    if owner.email:
        message["To"] = Address(one_line(owner.name), addr_spec=owner.email)
    message["Subject"] = one_line(
        say("request.mail_subject", lang, plan=head.title, reply_by=reply_by)
    )
    message["X-Massnahmen-Request"] = ticket.request_id
    text = say(
        "request.mail_body",
        lang,
        owner=owner.name,
        plan=head.title,
        authority=head.authority,
        count=sum(1 for r in asking.rows if r.kind == "measure"),
        reply_by=reply_by,
        file=file_name,
    )
    message.set_content(text)
    message.add_attachment(workbook, *XLSX, filename=file_name)
    return message.as_bytes()
