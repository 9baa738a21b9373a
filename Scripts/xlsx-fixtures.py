#!/usr/bin/env python3
"""Writes the .xlsx test fixtures of Tests/XLSXImportTests/Fixtures, once, with producers other
than this tool (openpyxl, XlsxWriter, LibreOffice) and with the tool itself.

Run by hand when the fixtures must change (never by the tests, never at run time):

    pip install openpyxl xlsxwriter        # fixture-creation time only
    apt-get install -y libreoffice-calc    # for soffice
    swift build && python3 Scripts/xlsx-fixtures.py

The CSV twins next to the workbooks hold the same data, so that the tests can compare
`import` of the workbook with `import` of the CSV, event for event.
"""
import csv, datetime, io, os, shutil, subprocess, sys, tempfile, zipfile

import openpyxl
import xlsxwriter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Tests", "XLSXImportTests", "Fixtures")
tool = os.path.join(root, ".build", "debug", "escalation")
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


# The data: a small English events log (ISO times) and a tickets log (US dates), from the tool.
run(tool, "sample", "--tickets", "12", "--seed", "5", "-o", path("events.csv"))
run(tool, "sample", "--layout", "tickets", "--tickets", "10", "--seed", "3", "-o", path("tickets.csv"))
events = list(csv.reader(open(path("events.csv"), encoding="utf-8-sig", newline="")))
tickets = list(csv.reader(open(path("tickets.csv"), encoding="utf-8-sig", newline="")))


def iso(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def us(text):
    return datetime.datetime.strptime(text, "%m/%d/%y %I:%M %p") if text else None


# 1. openpyxl, 1900 date system: times as date cells, levels as numbers.
def openpyxl_events(name, epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Events"
    ws.append(events[0])
    for r in events[1:]:
        ws.append([r[0], iso(r[1]), r[2], int(r[3]) if r[3] else None, r[4], r[5], r[6] or None])
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "yyyy-mm-dd hh:mm"
    wb.save(path(name))


openpyxl_events("openpyxl-events.xlsx")
# 2. openpyxl, 1904 date system (old Mac workbooks).
openpyxl_events("openpyxl-events-1904.xlsx", CALENDAR_MAC_1904)

# 3. XlsxWriter: the tickets log with US date cells (custom format), shared strings.
wb = xlsxwriter.Workbook(path("xlsxwriter-tickets.xlsx"))
ws = wb.add_worksheet("Tickets")
fmt = wb.add_format({"num_format": "m/d/yy h:mm AM/PM"})
for i, r in enumerate(tickets):
    for j, v in enumerate(r):
        if i > 0 and j in (2, 3, 4, 5, 6) and v:
            ws.write_datetime(i, j, us(v), fmt)
        elif i > 0 and j == 7 and v:
            ws.write_number(i, j, int(v))
        elif v:
            ws.write_string(i, j, v)
wb.close()

# 4. XlsxWriter in constant-memory mode (inline strings), 1904 dates, built-in format 22.
wb = xlsxwriter.Workbook(path("xlsxwriter-inline-1904.xlsx"), {"constant_memory": True, "date_1904": True})
ws = wb.add_worksheet("Log")
fmt = wb.add_format({"num_format": 22})
for i, r in enumerate(events):
    for j, v in enumerate(r):
        if i > 0 and j == 1:
            ws.write_datetime(i, j, iso(v), fmt)
        elif v:
            ws.write_string(i, j, v)
wb.close()

# 5. Cell kinds, several sheets: a hidden first sheet, formulas with cached values, booleans, an
# error value, a rich-text string, a hidden row, a gap of missing cells, a blank row, numbers.
wb = xlsxwriter.Workbook(path("xlsxwriter-cells.xlsx"))
hidden = wb.add_worksheet("Hidden")
hidden.write_string(0, 0, "not read by default")
ws = wb.add_worksheet("Cells")
ws.activate()
hidden.hide()
wb.add_worksheet("Other").write_string(0, 0, "other sheet")
bold = wb.add_format({"bold": True})
date = wb.add_format({"num_format": "dd/mm/yyyy"})
ws.write_row(0, 0, ["kind", "value", "more"])
ws.write_string(1, 0, "formula")
ws.write_formula(1, 1, "=1+2", None, 3)
ws.write_formula(1, 2, '="a"&"b"', None, "ab")
ws.write_string(2, 0, "boolean")
ws.write_boolean(2, 1, True)
ws.write_boolean(2, 2, False)
ws.write_string(3, 0, "error")
ws.write_formula(3, 1, "=NA()", None, "#N/A")
ws.write_string(4, 0, "rich")
ws.write_rich_string(4, 1, "plain ", bold, "bold", " end")
ws.write_string(5, 0, "gap")
ws.write_string(5, 3, "D6")
# row 7 (index 6) blank
ws.write_string(7, 0, "number")
ws.write_number(7, 1, 46298.25)
ws.write_number(7, 2, -1.5)
ws.write_string(8, 0, "date")
ws.write_datetime(8, 1, datetime.datetime(2026, 10, 3), date)
ws.write_string(8, 2, "Ünïcödé & <xml> \"quotes\"")
ws.write_string(9, 0, "hidden row")
ws.set_row(9, None, None, {"hidden": True})
wb.close()

# 6. A Smartsheet-style matrix: the template's 4 levels plus the system columns.
matrix = list(csv.reader(io.StringIO(subprocess.run(
    [tool, "template"], check=True, capture_output=True, text=True).stdout.lstrip("\ufeff"))))
extra = ["Comments", "Attachments", "Row ID", "Created", "Modified", "Created By", "Modified By", "Done"]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Escalation Matrix"
ws.append(matrix[0] + extra)
for k, r in enumerate(matrix[1:]):
    ws.append(r + [None, None, 1000 + k, datetime.datetime(2026, 3, 1, 9, 0), datetime.datetime(2026, 3, 2, 9, 0),
                   "alex@example.com", "sam@example.com", k % 2 == 0])
wb.save(path("smartsheet-matrix.xlsx"))
with open(path("smartsheet-matrix.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(matrix[0] + extra)
    for k, r in enumerate(matrix[1:]):
        w.writerow(r + ["", "", 1000 + k, "03/01/26 9:00 AM", "03/02/26 9:00 AM", "alex@example.com",
                        "sam@example.com", "true" if k % 2 == 0 else "false"])

# 7. LibreOffice: the events CSV converted (ISO times become date cells), and an .ods.
with tempfile.TemporaryDirectory() as tmp:
    shutil.copy(path("events.csv"), os.path.join(tmp, "libreoffice-events.csv"))
    for fmt in ("xlsx", "ods"):
        run("soffice", "--headless", "--convert-to", fmt, "--outdir", tmp,
            os.path.join(tmp, "libreoffice-events.csv"))
    shutil.copy(os.path.join(tmp, "libreoffice-events.xlsx"), path("libreoffice-events.xlsx"))
    shutil.copy(os.path.join(tmp, "libreoffice-events.ods"), path("libreoffice-events.ods"))

# 8. This tool's own workbooks: the template in both languages and a report.
run(tool, "template", "--lang", "en", "-o", os.devnull, "--xlsx", path("template-en.xlsx"))
run(tool, "template", "--lang", "fr", "-o", os.devnull, "--xlsx", path("template-fr.xlsx"))
subprocess.run([tool, "report", path("events.csv"), "--month", "2026-03", "-o", path("report.xlsx")],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# 9. Bad workbooks, derived from a good one.
good = open(path("openpyxl-events.xlsx"), "rb").read()
open(path("bad-truncated.xlsx"), "wb").write(good[: len(good) // 2])
open(path("bad-legacy.xls"), "wb").write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))


def rewrite(name, change):
    src = zipfile.ZipFile(io.BytesIO(good))
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                z.writestr(info.filename, data)


rewrite("bad-missing-sheet.xlsx", lambda n, d: None if n == "xl/worksheets/sheet1.xml" else d)
rewrite("bad-malformed.xlsx", lambda n, d: d.replace(b"</row>", b"</rov>", 1) if n == "xl/worksheets/sheet1.xml" else d)
good = open(path("xlsxwriter-tickets.xlsx"), "rb").read()  # shared strings
rewrite("bad-shared-index.xlsx", lambda n, d: d.replace(b't="s"><v>3</v>', b't="s"><v>99999</v>', 1) if n == "xl/worksheets/sheet1.xml" else d)
good = open(path("openpyxl-events.xlsx"), "rb").read()
rewrite("bad-row-limit.xlsx", lambda n, d: d.replace(b'<row r="3"', b'<row r="1048577"', 1).replace(b'r="A3"', b'r="A1048577"') if n == "xl/worksheets/sheet1.xml" else d)


# A sheet part of about 3 MiB (white space between the rows) that deflates to a few KiB: the
# inflate-cap test reads it with a 1 MiB cap.
rewrite("bad-bomb.xlsx", lambda n, d: d.replace(b"</sheetData>", b" " * (3 << 20) + b"</sheetData>") if n == "xl/worksheets/sheet1.xml" else d)
with zipfile.ZipFile(path("bad-not-workbook.xlsx"), "w") as z:
    z.writestr("readme.txt", "a zip, not a workbook")
print("fixtures written to", out)
