"""data/*.csv: the registers' sheets for machines, one file per sheet.

UTF-8 with a byte-order mark, so Excel shows Kazakh and Russian letters when the file is
opened with a double click; comma-separated, CRLF line ends (RFC 4180); dates as
YYYY-MM-DD; IIN and BIN as the 12 digits; headers the stable English column names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from safedesk.db.exports import Sheet, Value

BOM = "\ufeff"


def csv_name(sheet: Sheet) -> str:
    return f"data/{sheet.name}.csv"


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_bytes(sheet: Sheet) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    writer.writerows([_text(v) for v in row] for row in sheet.rows)
    return buffer.getvalue().encode("utf-8")
