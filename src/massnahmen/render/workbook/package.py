"""Saving a workbook so that the same input gives the same bytes.

openpyxl stamps each zip entry with the clock and the document properties with the time of
saving. Here every entry gets one fixed time and the properties the as-of date; the entries keep
openpyxl's fixed order. The zip is written once, in memory, without a second compression pass.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from io import BytesIO
from typing import IO, TYPE_CHECKING
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from massnahmen.render.workbook.stream import save_workbook

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


class SteadyZip(ZipFile):
    """A zip archive whose entries all carry ZIP_TIME; reports each worksheet written."""

    def __init__(self, file: IO[bytes], on_sheet: Callable[[str], None]) -> None:
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self._on_sheet = on_sheet

    def _entry(self, name: str) -> ZipInfo:
        info = ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | ZipInfo, data: str | bytes, *args: object
    ) -> None:
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data)

    def write(self, filename: str, arcname: str | None = None, *args: object) -> None:  # type: ignore[override]
        """openpyxl writes each worksheet from a temporary file: copied in chunks."""
        name = arcname or filename
        with open(filename, "rb") as source, self.open(self._entry(name), "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        self._on_sheet(name)


def save_steady(workbook: Workbook, stamp: dt.datetime, on_sheet: Callable[[str], None]) -> bytes:
    """The workbook as .xlsx bytes, created and modified at `stamp`."""
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = BytesIO()
    archive = SteadyZip(buffer, on_sheet)
    save_workbook(workbook, archive)
    return buffer.getvalue()
