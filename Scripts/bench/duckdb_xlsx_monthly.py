"""Benchmark reference for Scripts/bench.sh (not part of the tool): the monthly report as a
reasonable person would script it with DuckDB (one thread) and Python's XlsxWriter, to time
against `escalation report LOG --month YYYY-MM` (English, UTC, no --sla, canonical matrix).

Usage: python3 duckdb_xlsx_monthly.py LOG YYYY-MM OUT.xlsx [--constant-memory] [--timing]

What it computes (DuckDB, from the log's Ticket, Timestamp, Event, Level, Category and Owner
columns; events at or after as-of = the end of the month are left out):
- records read, exact duplicates (same ticket, time, event, level, category) removed and
  counted, records without a ticket, time or event counted as rejected;
- a replay of every ticket in window functions over (ticket, time, file order): the level after
  each event, stays (a new stay at each level change or reopen), time at each level up to the
  next event or as-of, upward moves, skipped levels (MET002, with the file line);
- per ticket: first open, latest category, owner at as-of, highest level, last resolution and
  level at resolution, time at levels 1-4, time to resolution, first time at >= 2, >= 3, 4;
- the sheets' figures: escalation rates per category (opened, reached >= 2/3/4, rates, step
  rates), the flow (funnel, escalations by target level, resolved at level 1, reopened, change
  from the previous month per category), time at level (median matrix, then tickets, mean,
  median, p90 and max per category and level) and time to resolution, the trend (per month:
  opened, escalated by the month's end, share, upward moves, resolved, median time to
  resolution, backlog at the month's end), the backlog with role, time at level and age, aging
  buckets per level and per category, owners and roles (opened, escalations, resolved, open,
  median of the stays ended in the month or open at as-of), the ticket table, the findings.

What it writes (XlsxWriter): the same 13 sheets in the same order, with the same rows and
columns (Tickets 12 columns, one row per ticket opened, escalated or resolved in the month or
open at as-of; Backlog 8 columns; Data quality detail 6 columns, one row per finding), header
rows styled (bold, fill, wrap), number formats for counts, rates, dates (yyyy-mm-dd hh:mm) and
durations in days ([<2][h] "h" mm;#,##0.0 "d"), styled blanks where the report leaves a typed
cell empty, column widths, freeze panes, autofilters, banded rows (conditional format), data
bars and colour scales, the 7 charts, merged title cells, landscape fit-to-width printing with
repeated header rows, headers, footers and print areas on the long lists. Dates are written
with write_datetime, the rest with the typed write_* calls.

What it leaves out or simplifies: time zones other than UTC and DST (months are UTC), --sla,
--lang fr, business calendars and pauses; findings other than MET002 and the LOG030 note
(none occur in the bench logs); MET008 (a second resolve is taken as the resolution); the
previous month's per-category figures use the category at as-of; the year-before column is
"n/a" without checking; the Matrix sheet copies Samples/matrix-en.csv without comparing it with
the canonical text; file lines are the record number + 1 (wrong after a quoted line break);
written-out dates are English only; no temporary file and rename (written in place).
On the two 1M-event bench logs every cell value of its workbook equals the report's (compared
with openpyxl, 2026-12-01), except the findings' line numbers on the export shape.
By default the workbook is XlsxWriter's default (in-memory, shared strings);
--constant-memory writes row by row with inline strings, as the tool's libxlsxwriter does.
"""
import csv
import os
import sys
import time
from datetime import datetime, timedelta

import duckdb
import xlsxwriter

CATEGORIES = [
    "Operational challenges", "Schedule adjustments", "Guidance acquisition",
    "Customer data issues", "Service detail concerns", "Equipment purchase",
    "Performance issues", "Subscription cancellations",
]
ROLES = {1: "Project team contact", 2: "Project manager", 3: "Account manager", 4: "Sales lead"}
DUR = '[<2][h]" h "mm;#,##0.0" d"'
MATRIX = os.path.join(os.path.dirname(__file__), "..", "..", "Samples", "matrix-en.csv")

args = [a for a in sys.argv[1:] if not a.startswith("--")]
if len(args) != 3:
    sys.exit(__doc__.split("\n\n")[1])
path, month, out = args
constant_memory = "--constant-memory" in sys.argv
clock = time.process_time()


def phase(name):
    """With --timing, prints the CPU time of the phase that ends here to standard error."""
    global clock
    if "--timing" in sys.argv:
        print(f"{name}: {time.process_time() - clock:.2f} s CPU", file=sys.stderr)
    clock = time.process_time()
start = datetime.strptime(month + "-01", "%Y-%m-%d")
end = (start + timedelta(days=32)).replace(day=1)
prev = (start - timedelta(days=1)).replace(day=1)
asof = end
month_name = start.strftime("%B %Y")
prev_name = prev.strftime("%B %Y")

con = duckdb.connect()
con.execute("SET threads TO 1")
q = con.execute


def rows(sql, *params):
    return q(sql, list(params)).fetchall()


# --- Load, reject, remove exact duplicates, cut at as-of ------------------------------------
q(
    """
    CREATE TABLE raw AS
    SELECT row_number() OVER () AS rn, Ticket AS ticket, TRY_CAST(Timestamp AS TIMESTAMP) AS ts,
           lower(Event) AS event, TRY_CAST(Level AS INTEGER) AS level, Category AS category,
           Owner AS owner
    FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"')
    """,
    [path],
)
read, rejected = q(
    "SELECT count(*), count(*) FILTER (ticket IS NULL OR ts IS NULL OR event IS NULL) FROM raw"
).fetchone()
q(
    """
    CREATE TABLE ev AS SELECT * FROM raw
    WHERE ticket IS NOT NULL AND ts IS NOT NULL AND event IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY ticket, ts, event, level, category ORDER BY rn) = 1
    """
)
used = q("SELECT count(*) FROM ev").fetchone()[0]
duplicates = read - rejected - used
phase("read, duplicates")

# --- Replay: level after each event, segments up to the next event, stays, moves ------------
q(
    """
    CREATE TABLE rp AS
    WITH a AS (
      SELECT *, CASE WHEN event <> 'resolved' THEN level END AS open_lvl,
             lead(ts) OVER w AS next_ts, lag(level) OVER w AS prev_lvl,
             lag(event) OVER w AS prev_event, row_number() OVER w AS k
      FROM ev WHERE ts < ?
      WINDOW w AS (PARTITION BY ticket ORDER BY ts, rn)),
    b AS (
      SELECT *,
             open_lvl IS NOT NULL AND (prev_event IS NULL OR prev_event = 'resolved'
                                       OR prev_lvl <> open_lvl) AS stay_start,
             event IN ('escalated', 'de-escalated') AND level > prev_lvl AS upward,
             event IN ('escalated', 'de-escalated') AND level > prev_lvl + 1 AS skip,
             CASE WHEN open_lvl IS NOT NULL
                  THEN epoch(coalesce(next_ts, ?::TIMESTAMP) - ts) END AS seg_s
      FROM a)
    SELECT *, sum(stay_start::INT) OVER (PARTITION BY ticket ORDER BY ts, rn) AS stay_id FROM b
    """,
    [asof, asof],
)
q(
    """
    CREATE TABLE tk AS
    SELECT ticket, min(ts) AS opened, arg_max(category, k) AS category,
           arg_max(owner, k) FILTER (owner IS NOT NULL) AS owner,
           max(open_lvl) AS highest, arg_max(open_lvl IS NULL, k) AS is_resolved,
           arg_max(open_lvl, k) AS cur_lvl, max(ts) FILTER (event = 'resolved') AS resolved_at,
           arg_max(prev_lvl, k) FILTER (event = 'resolved') AS res_lvl,
           sum(seg_s) FILTER (open_lvl = 1) AS t1, sum(seg_s) FILTER (open_lvl = 2) AS t2,
           sum(seg_s) FILTER (open_lvl = 3) AS t3, sum(seg_s) FILTER (open_lvl = 4) AS t4,
           max(ts) FILTER (stay_start) AS stay_from,
           min(ts) FILTER (open_lvl >= 2) AS reach2, min(ts) FILTER (open_lvl >= 3) AS reach3,
           min(ts) FILTER (open_lvl = 4) AS reach4,
           count(*) FILTER (upward AND ts >= ?) AS moves_in_p,
           bool_or(event = 'reopened' OR (prev_event = 'resolved' AND open_lvl IS NOT NULL))
             AS reopened
    FROM rp GROUP BY ticket
    """,
    [start],
)
q("UPDATE tk SET resolved_at = NULL, res_lvl = NULL WHERE NOT is_resolved")
q("CREATE TABLE rsv AS SELECT * FROM tk WHERE resolved_at >= ? AND resolved_at < ?", [start, end])
q(
    """
    CREATE TABLE stays AS
    SELECT ticket, open_lvl AS level, min(ts) AS s, sum(seg_s) AS dur,
           bool_or(next_ts IS NULL) AS still_open
    FROM rp WHERE open_lvl IS NOT NULL GROUP BY ticket, stay_id, open_lvl
    """
)

phase("replay, per ticket, stays")

# --- Figures -------------------------------------------------------------------------------
cat_order = "list_position(?, category)"
rates = rows(
    f"""
    SELECT coalesce(category, 'Total'), count(*), count(reach2), count(reach3), count(reach4)
    FROM tk WHERE opened >= ? AND opened < ?
    GROUP BY ROLLUP (category) ORDER BY category IS NULL, {cat_order}
    """,
    start, end, CATEGORIES,
)
moves_by_level = dict(
    rows("SELECT level, count(*) FROM rp WHERE upward AND ts >= ? GROUP BY level", start)
)
res_l1, n_resolved = q(
    "SELECT count(*) FILTER (res_lvl = 1), count(*) FROM rsv"
).fetchone()
reopened_n = q(
    "SELECT count(*) FILTER (reopened) FROM tk WHERE opened >= ? AND opened < ?", [start, end]
).fetchone()[0]
change = rows(
    f"""
    SELECT coalesce(category, 'Total'),
           count(*) FILTER (opened >= ?), count(*) FILTER (opened < ?),
           count(reach2) FILTER (opened >= ?), count(*) FILTER (opened < ? AND reach2 < ?)
    FROM tk WHERE opened >= ? AND opened < ?
    GROUP BY ROLLUP (category) ORDER BY category IS NULL, {cat_order}
    """,
    start, start, start, start, start, prev, end, CATEGORIES,
)
level_stats = rows(
    f"""
    WITH u AS (
      SELECT category, l AS level, t FROM rsv,
      LATERAL (VALUES (1, t1), (2, t2), (3, t3), (4, t4)) v(l, t) WHERE t IS NOT NULL)
    SELECT coalesce(category, 'Total'), level, count(*), avg(t) / 86400,
           quantile_cont(t, 0.5) / 86400, quantile_cont(t, 0.9) / 86400, max(t) / 86400
    FROM u GROUP BY GROUPING SETS ((category, level), (level))
    ORDER BY category IS NULL, {cat_order}, level
    """,
    CATEGORIES,
)
ttr_stats = rows(
    f"""
    WITH u AS (SELECT category, epoch(resolved_at - opened) AS t FROM rsv)
    SELECT coalesce(category, 'Total'), count(*), avg(t) / 86400, quantile_cont(t, 0.5) / 86400,
           quantile_cont(t, 0.9) / 86400, max(t) / 86400
    FROM u GROUP BY ROLLUP (category) ORDER BY category IS NULL, {cat_order}
    """,
    CATEGORIES,
)
first_month = q("SELECT date_trunc('month', min(ts)) FROM rp").fetchone()[0]
q(
    "CREATE TABLE months AS SELECT m AS ms, least(m + INTERVAL 1 MONTH, ?::TIMESTAMP) AS me "
    "FROM range(?::TIMESTAMP, ?::TIMESTAMP, INTERVAL 1 MONTH) t(m)",
    [asof, first_month, end],
)
trend = rows(
    """
    WITH op AS (SELECT ms, count(t.ticket) AS opened, count(t.reach2) FILTER (t.reach2 < me) AS esc
                FROM months LEFT JOIN tk t ON t.opened >= ms AND t.opened < me GROUP BY ms),
    mv AS (SELECT ms, count(r.ticket) AS moves FROM months
           LEFT JOIN rp r ON r.upward AND r.ts >= ms AND r.ts < me GROUP BY ms),
    rs AS (SELECT ms, count(DISTINCT r.ticket) AS resolved,
                  median(epoch(r.ts - t.opened)) / 3600 AS ttr_h
           FROM months JOIN rp r ON r.event = 'resolved' AND r.ts >= ms AND r.ts < me
                AND (r.next_ts IS NULL OR r.next_ts >= me)
           JOIN tk t USING (ticket) GROUP BY ms),
    bl AS (SELECT ms, count(r.ticket) AS backlog FROM months
           LEFT JOIN rp r ON r.open_lvl IS NOT NULL AND r.ts < me
                AND (r.next_ts IS NULL OR r.next_ts >= me) GROUP BY ms)
    SELECT ms, opened, esc, moves, coalesce(resolved, 0), ttr_h, backlog
    FROM op JOIN mv USING (ms) JOIN bl USING (ms) LEFT JOIN rs USING (ms) ORDER BY ms
    """
)
backlog = rows(
    """
    SELECT ticket, category, cur_lvl, opened, epoch(?::TIMESTAMP - stay_from) / 86400,
           epoch(?::TIMESTAMP - opened) / 86400, coalesce(owner, '(no owner)')
    FROM tk WHERE NOT is_resolved ORDER BY opened, ticket
    """,
    asof, asof,
)
bucket_sql = ", ".join(f"count(*) FILTER (age >= {lo} AND age < {hi})"
                       for lo, hi in ((0, 1), (1, 3), (3, 7), (7, 30), (30, 1e9)))
aging = {}
for key in ("cur_lvl", "category"):
    aging[key] = rows(
        f"""
        SELECT {key}, {bucket_sql}, count(*)
        FROM (SELECT {key}, epoch(?::TIMESTAMP - opened) / 86400 AS age FROM tk
              WHERE NOT is_resolved) GROUP BY {key} ORDER BY {key}
        """,
        asof,
    )
owner_rows = rows(
    """
    WITH t AS (SELECT *, coalesce(owner, '(no owner)') AS who,
                      coalesce(cur_lvl, res_lvl) AS lvl FROM tk),
    s AS (SELECT t.who, st.level, st.dur FROM stays st JOIN t USING (ticket)
          WHERE st.still_open OR (st.s + to_seconds(st.dur) >= ?::TIMESTAMP)),
    f AS (SELECT who, count(*) FILTER (opened >= ?) AS opened, sum(moves_in_p) AS moves,
                 count(*) FILTER (resolved_at >= ?) AS resolved,
                 count(*) FILTER (NOT is_resolved) AS open_now
          FROM t GROUP BY who)
    SELECT f.*, (SELECT median(dur) FROM s WHERE s.who = f.who) / 86400 AS med
    FROM f WHERE opened + moves + resolved + open_now > 0 ORDER BY who = '(no owner)', who
    """,
    start, start, start,
)
role_rows = rows(
    """
    WITH t AS (SELECT *, coalesce(cur_lvl, res_lvl) AS lvl FROM tk),
    s AS (SELECT t.lvl, median(st.dur) AS med FROM stays st JOIN t USING (ticket)
          WHERE st.still_open OR (st.s + to_seconds(st.dur) >= ?::TIMESTAMP) GROUP BY t.lvl)
    SELECT lvl, count(*) FILTER (opened >= ?), sum(moves_in_p),
           count(*) FILTER (resolved_at >= ?), count(*) FILTER (NOT is_resolved),
           any_value(s.med) / 86400
    FROM t JOIN s USING (lvl) GROUP BY lvl ORDER BY lvl
    """,
    start, start, start,
)
skips = rows(
    """
    SELECT rn + 1 AS line, 'ticket ' || ticket || ': move from level ' || prev_lvl || ' to '
           || level || ' skips a level; applied as written'
    FROM rp WHERE skip ORDER BY ticket, ts, rn
    """
)
tickets = q(
    """
    SELECT ticket, category, opened, resolved_at, highest, res_lvl,
           t1 / 86400, t2 / 86400, t3 / 86400, t4 / 86400,
           epoch(resolved_at - opened) / 86400, coalesce(owner, '(no owner)')
    FROM tk
    WHERE (opened >= ? AND opened < ?) OR moves_in_p > 0 OR (resolved_at >= ?) OR NOT is_resolved
    ORDER BY opened, ticket
    """,
    [start, end, start],
).fetchall()

phase("figures")

# --- Workbook ------------------------------------------------------------------------------
wb = xlsxwriter.Workbook(out, {"constant_memory": constant_memory})
wb.set_properties({"title": f"Escalation report — {month_name}", "created": asof})
F = {
    "title": wb.add_format({"bold": True, "font_size": 14}),
    "bold": wb.add_format({"bold": True}),
    "head": wb.add_format({"bold": True, "bg_color": "#D9E1F2", "text_wrap": True,
                           "valign": "top", "border": 1}),
    "label": wb.add_format({"bold": True, "bg_color": "#F2F2F2", "text_wrap": True}),
    "text": wb.add_format({}),
    "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
    "int": wb.add_format({"num_format": "#,##0"}),
    "intb": wb.add_format({"num_format": "#,##0", "bold": True}),
    "lvl": wb.add_format({"align": "center"}),
    "pct": wb.add_format({"num_format": "0.0%"}),
    "pctbad": wb.add_format({"num_format": "0.0%", "bold": True, "bg_color": "#FFC7CE"}),
    "bad": wb.add_format({"bold": True, "bg_color": "#FFC7CE"}),
    "good": wb.add_format({"bold": True, "bg_color": "#C6EFCE"}),
    "h1": wb.add_format({"num_format": "0.0"}),
    "h": wb.add_format({"num_format": "#,##0.0"}),
    "dint": wb.add_format({"num_format": '+#,##0;"−"#,##0;0'}),
    "dpts": wb.add_format({"num_format": '+0.0" pts";"−"0.0" pts";0.0" pts"'}),
    "dpt": wb.add_format({"num_format": '+0.0;"−"0.0;0.0'}),
    "dh": wb.add_format({"num_format": '+#,##0.0;"−"#,##0.0;0.0'}),
    "date": wb.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
    "dur": wb.add_format({"num_format": DUR}),
    "band": wb.add_format({"bg_color": "#F2F2F2"}),
}
title = f"Escalation report — {month_name}"


def sheet(name, widths, freeze=None, repeat=True):
    ws = wb.add_worksheet(name)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    if freeze:
        ws.freeze_panes(*freeze)
    ws.set_landscape()
    ws.set_paper(1)
    ws.fit_to_pages(1, 0)
    if repeat:
        ws.repeat_rows(0)
    ws.set_header(f"&L{title}&R&A")
    ws.set_footer("&RPage &P of &N")
    return ws


def header(ws, r, labels):
    ws.set_row(r, 30)
    for c, text in enumerate(labels):
        if text:
            ws.write_string(r, c, text, F["head"])
        else:
            ws.write_blank(r, c, None, F["head"])


def cell(ws, r, c, v, fmt):
    if v is None:
        ws.write_blank(r, c, None, F[fmt])
    elif fmt in ("text", "wrap", "bold", "label", "head"):
        ws.write_string(r, c, v, F[fmt])
    elif fmt == "date":
        ws.write_datetime(r, c, v, F[fmt])
    else:
        ws.write_number(r, c, v, F[fmt])


def table(ws, r0, labels, data, fmts):
    header(ws, r0, labels)
    for i, row in enumerate(data, start=r0 + 1):
        for c, (v, fmt) in enumerate(zip(row, fmts)):
            cell(ws, i, c, v, "bold" if c == 0 and v == "Total" else fmt)
    return r0 + len(data)


def ratio(a, b):
    return a / b if b else None


def banded(ws, last_row, last_col):
    ws.conditional_format(1, 0, last_row, last_col, {
        "type": "formula", "criteria": "=MOD(ROW()-2,2)=1", "format": F["band"]})


tr = {r[0]: r for r in trend}
cur, before = tr[start], tr.get(prev)
fig = lambda r: None if r is None else (r[1], ratio(r[2], r[1]), r[4], r[5], r[6])  # noqa: E731
now, was = fig(cur), fig(before)

# 1. Dashboard
ws = sheet("Dashboard", [30, 44, 16, 36, 22, 14, 16, 16, 16], repeat=False)
ws.write_string(0, 0, title, F["title"])
ws.write_string(1, 0, f"As of {asof:%-d %B %Y, %H:%M} (UTC)", F["text"])
header(ws, 3, ["Key figure", month_name, f"Previous month ({prev_name})",
               f"Year before ({start.replace(year=start.year - 1):%B %Y})", "Target", "Status"])
keys = [("Tickets opened", "int"), ("Escalated (level ≥ 2)", "pct"), ("Resolved", "int"),
        ("Median time to resolution (h)", "h1"), ("Backlog at as-of", "int")]
for i, (label, fmt) in enumerate(keys):
    r = 4 + i
    ws.write_string(r, 0, label, F["text"])
    off = i == 1 and now[1] is not None and now[1] > 0.25
    cell(ws, r, 1, now[i], "pctbad" if off else fmt)
    cell(ws, r, 2, None if was is None else was[i], fmt)
    ws.write_string(r, 3, "n/a", F["text"])
    if i == 1:
        ws.write_string(r, 4, "≤ 25 %", F["text"])
        ws.write_string(r, 5, "Off target" if off else "On target", F["bad" if off else "good"])
ws.write_string(26, 0, "Oldest open tickets", F["bold"])
table(ws, 27, ["Ticket", "Category", "Level", "Role", "Owner", "Age (days)", "At level (days)"],
      [(b[0], b[1], b[2], ROLES[b[2]], b[6], b[5], b[4]) for b in backlog[:10]],
      ["text", "text", "lvl", "text", "text", "h", "h"])
n_months = len(trend)
chart = wb.add_chart({"type": "line"})
for col, name in ((1, "Opened"), (2, "Escalated (≥ 2)"), (5, "Resolved")):
    chart.add_series({"name": name, "categories": ["Trend", 1, 0, n_months, 0],
                      "values": ["Trend", 1, col, n_months, col], "marker": {"type": "circle"}})
chart.set_title({"name": "Last 12 months"})
chart.set_size({"width": 900, "height": 320})
ws.insert_chart(10, 0, chart)

# 2. Summary
ws = sheet("Summary", [42, 20, 20, 14, 14], repeat=False)
ws.merge_range(0, 0, 0, 4, title, F["title"])
for i, (k, v) in enumerate([
        ("Period", month_name), ("From", f"{start:%-d %B %Y}"),
        ("To", f"{end - timedelta(days=1):%-d %B %Y} (included)"),
        ("As of", f"{asof:%-d %B %Y, %H:%M}"), ("Time zone", "UTC")]):
    ws.write_string(2 + i, 0, k, F["bold"])
    ws.write_string(2 + i, 1, v, F["text"])
table(ws, 8, ["Input file", "Records read", "Used", "Rejected", "Duplicates"],
      [(path, read, used, rejected, duplicates)], ["text", "int", "int", "int", "int"])
header(ws, 11, ["Figure", f"This period ({month_name})", f"Previous period ({prev_name})",
                "Change"])
heads = [("Tickets opened", 1, "int", "dint"), ("Share escalated (level ≥ 2)", None, "pct", "dpts"),
         ("Escalations (upward moves)", 3, "int", "dint"), ("Tickets resolved", 4, "int", "dint"),
         ("Median time to resolution (hours)", 5, "h", "dh"),
         ("Backlog at as-of", 6, "int", "dint")]
for i, (label, col, fmt, dfmt) in enumerate(heads):
    a = ratio(cur[2], cur[1]) if col is None else cur[col]
    b = None if before is None else (ratio(before[2], before[1]) if col is None else before[col])
    d = None if a is None or b is None else (a - b) * (100 if col is None else 1)
    ws.write_string(12 + i, 0, label, F["text"])
    cell(ws, 12 + i, 1, a, fmt)
    cell(ws, 12 + i, 2, b, fmt)
    cell(ws, 12 + i, 3, d, dfmt)
n_findings = len(skips) + 1
ws.write_string(19, 0, "Data-quality findings", F["bold"])
ws.write_url(19, 1, "internal:'Data quality'!A1", F["text"],
             f"{n_findings} findings: {rejected} errors (rejected records), {len(skips)} "
             "warnings, 1 note — see the sheet")

# 3. Escalation rates
ws = sheet("Escalation rates", [28, 9, 15, 15, 12, 11, 11, 9, 11, 11, 11], freeze=(1, 1))
rate_rows = [(c, n, r2, r3, r4, ratio(r2, n), ratio(r3, n), ratio(r4, n), ratio(r2, n),
              ratio(r3, r2), ratio(r4, r3)) for c, n, r2, r3, r4 in rates]
last = table(ws, 0, ["Category", "Opened", "Reached ≥ 2", "Reached ≥ 3", "Reached 4", "Rate ≥ 2",
                     "Rate ≥ 3", "Rate 4", "Step 1→2", "Step 2→3", "Step 3→4"], rate_rows,
             ["text"] + ["int"] * 4 + ["pct"] * 6)
ws.conditional_format(1, 5, last - 1, 7, {"type": "data_bar", "bar_color": "#5B9BD5"})
chart = wb.add_chart({"type": "bar"})
for col in (5, 6, 7):
    chart.add_series({"name": ["Escalation rates", 0, col],
                      "categories": ["Escalation rates", 1, 0, last - 1, 0],
                      "values": ["Escalation rates", 1, col, last - 1, col]})
chart.set_x_axis({"num_format": "0%"})
chart.set_size({"width": 720, "height": 400})
ws.insert_chart(last + 2, 0, chart)

# 4. Escalation flow
ws = sheet("Escalation flow", [44, 17, 17, 8, 17, 17, 10], repeat=False)
total = rates[-1]
table(ws, 0, ["Tickets opened in the period", "Tickets", "%"],
      [(f"Reached {s}", n, ratio(n, total[1])) for s, n in
       (("≥ 1", total[1]), ("≥ 2", total[2]), ("≥ 3", total[3]), ("4", total[4]))],
      ["text", "int", "pct"])
table(ws, 6, ["Escalations in the period", "Tickets"],
      [(f"To level {lv}", moves_by_level.get(lv, 0)) for lv in (2, 3, 4)], ["text", "int"])
header(ws, 11, ["Resolution and reopens", "", "%"])
for i, (label, n, d) in enumerate([("Resolved at level 1", res_l1, n_resolved),
                                   ("Reopened (opened in the period)", reopened_n, total[1])]):
    ws.write_string(12 + i, 0, label, F["text"])
    ws.write_number(12 + i, 1, n, F["int"])
    cell(ws, 12 + i, 2, ratio(n, d), "pct")
ws.write_string(16, 0, "Change from the previous month", F["bold"])
table(ws, 17, ["Category", f"Opened {month_name}", f"Opened {prev_name}", "Δ",
               f"Rate ≥ 2 {month_name}", f"Rate ≥ 2 {prev_name}", "Δ (pts)"],
      [(c, a, b, a - b, ratio(ea, a), ratio(eb, b),
        None if not a or not b else (ea / a - eb / b) * 100) for c, a, b, ea, eb in change],
      ["text", "int", "int", "dint", "pct", "pct", "dpt"])
chart = wb.add_chart({"type": "bar"})
chart.add_series({"name": "Tickets", "categories": ["Escalation flow", 1, 0, 4, 0],
                  "values": ["Escalation flow", 1, 1, 4, 1]})
chart.set_y_axis({"reverse": True})
ws.insert_chart(0, 4, chart)

# 5. Time at level
ws = sheet("Time at level", [48, 12, 12, 12, 12, 16, 12, 22], repeat=False)
ws.write_string(0, 0, "Median time at each level (tickets resolved in the period)", F["bold"])
med = {(c, lv): m for c, lv, _, _, m, _, _ in level_stats}
cats = [c for c in CATEGORIES if any(k[0] == c for k in med)] + ["Total"]
table(ws, 1, ["Category", "Level 1", "Level 2", "Level 3", "Level 4"],
      [[c] + [med.get((c, lv)) for lv in (1, 2, 3, 4)] for c in cats],
      ["text", "dur", "dur", "dur", "dur"])
ws.conditional_format(2, 1, 1 + len(cats) - 1, 4, {"type": "3_color_scale"})
chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
for lv in (1, 2, 3, 4):
    chart.add_series({"name": ["Time at level", 1, lv],
                      "categories": ["Time at level", 2, 0, len(cats), 0],
                      "values": ["Time at level", 2, lv, len(cats), lv]})
chart.set_size({"width": 900, "height": 460})
ws.insert_chart(len(cats) + 3, 0, chart)
r0 = 35
last = table(ws, r0, ["Category", "Level", "Tickets", "Mean", "Median", "90th percentile",
                      "Maximum", "Role"],
             [(c, lv, n, m, md, p, mx, ROLES[lv]) for c, lv, n, m, md, p, mx in level_stats],
             ["text", "lvl", "int", "dur", "dur", "dur", "dur", "text"])
ws.conditional_format(r0 + 1, 4, last, 4, {"type": "2_color_scale"})
ws.write_string(last + 2, 0, "Time to resolution (tickets resolved in the period)", F["bold"])
table(ws, last + 3, ["Category", "Levels", "Tickets", "Mean", "Median", "90th percentile",
                     "Maximum"],
      [(c, "all", n, m, md, p, mx) for c, n, m, md, p, mx in ttr_stats],
      ["text", "text", "int", "dur", "dur", "dur", "dur"])

# 6. Trend
ws = sheet("Trend", [16, 9, 16, 16, 15, 11, 24, 16], freeze=(1, 1))
table(ws, 0, ["Month", "Opened", "Escalated (≥ 2)", "Share escalated", "Escalations",
              "Resolved", "Median time to resolution (hours)", "Backlog at month end"],
      [(f"{ms:%B %Y}", o, e, ratio(e, o), mv, rs, h, b) for ms, o, e, mv, rs, h, b in trend],
      ["text", "int", "int", "pct", "int", "int", "h", "int"])
for i, (cols, name) in enumerate((((1, 2, 5), "Tickets per month"), ((3,), "Share escalated"))):
    chart = wb.add_chart({"type": "line"})
    for col in cols:
        chart.add_series({"name": ["Trend", 0, col], "categories": ["Trend", 1, 0, n_months, 0],
                          "values": ["Trend", 1, col, n_months, col]})
    chart.set_title({"name": name})
    ws.insert_chart(n_months + 2 + 16 * i, 0, chart)

# 7. Backlog
ws = sheet("Backlog", [12, 28, 8, 22, 18, 16, 13, 16], freeze=(1, 0))
last = table(ws, 0, ["Ticket", "Category", "Level", "Role", "Opened", "Time at level",
                     "Age (days)", "Owner"],
             [(t, c, lv, ROLES[lv], o, tl, age, who) for t, c, lv, o, tl, age, who in backlog],
             ["text", "text", "lvl", "text", "date", "dur", "h", "text"])
ws.autofilter(0, 0, last, 7)
banded(ws, last, 7)

# 8. Aging
ws = sheet("Aging", [50, 9, 9, 9, 9, 9, 9], freeze=(1, 1))
bucket_names = ["< 1 d", "1–3 d", "3–7 d", "7–30 d", "≥ 30 d", "Total"]
fmts = ["text"] + ["int"] * 5 + ["intb"]
lv_rows = [[f"Level {r[0]}"] + list(r[1:]) for r in aging["cur_lvl"]]
lv_rows.append(["Total"] + [sum(r[i] for r in lv_rows) for i in range(1, 7)])
last = table(ws, 0, ["Level"] + bucket_names, lv_rows, fmts)
by_cat = {r[0]: r for r in aging["category"]}
cat_rows = [[c] + list(by_cat[c][1:]) for c in CATEGORIES if c in by_cat]
cat_rows.append(["Total"] + [sum(r[i] for r in cat_rows) for i in range(1, 7)])
last = table(ws, last + 2, ["Category"] + bucket_names, cat_rows, fmts)
ws.write_string(last + 2, 0, "Age = as-of − first open; buckets [0, 1), [1, 3), [3, 7), [7, 30), "
                "[30, ∞) days.", F["wrap"])
chart = wb.add_chart({"type": "column", "subtype": "stacked"})
for c in range(1, 6):
    chart.add_series({"name": ["Aging", 0, c], "categories": ["Aging", 1, 0, 4, 0],
                      "values": ["Aging", 1, c, 4, c]})
ws.insert_chart(0, 8, chart)

# 9. Owners
ws = sheet("Owners", [22, 10, 10, 15, 12, 16, 16, 16], freeze=(1, 1))
own_fmts = ["text", "lvl", "int", "int", "int", "int", "int", "dur"]
last = table(ws, 0, ["Owner", "Level", "Opened", "Escalations", "Resolved", "Open at as-of",
                     "Tickets over SLA", "Median time at level"],
             [(w, None, o, m, rs, op, None, md) for w, o, m, rs, op, md in owner_rows], own_fmts)
table(ws, last + 2, ["Role", "Level", "Opened", "Escalations", "Resolved", "Open at as-of",
                     "Tickets over SLA", "Median time at level"],
      [(ROLES[lv], lv, o, m, rs, op, None, md) for lv, o, m, rs, op, md in role_rows], own_fmts)

# 10. Tickets
ws = sheet("Tickets", [12, 28, 18, 18, 16, 16, 16, 16, 16, 16, 16, 16], freeze=(1, 0))
header(ws, 0, ["Ticket", "Category", "Opened", "Resolved", "Highest level",
               "Level at resolution", "Time at level 1", "Time at level 2", "Time at level 3",
               "Time at level 4", "Time to resolution", "Owner"])
text, date, lvl, dur, blank = (ws.write_string, ws.write_datetime, ws.write_number,
                               ws.write_number, ws.write_blank)
ftext, fdate, flvl, fdur = F["text"], F["date"], F["lvl"], F["dur"]
for r, (t, c, o, rs, hi, rl, d1, d2, d3, d4, ttr, who) in enumerate(tickets, start=1):
    text(r, 0, t, ftext)
    text(r, 1, c, ftext)
    date(r, 2, o, fdate)
    date(r, 3, rs, fdate) if rs is not None else blank(r, 3, None, fdate)
    lvl(r, 4, hi, flvl)
    lvl(r, 5, rl, flvl) if rl is not None else blank(r, 5, None, flvl)
    for col, d in ((6, d1), (7, d2), (8, d3), (9, d4), (10, ttr)):
        dur(r, col, d, fdur) if d is not None else blank(r, col, None, fdur)
    text(r, 11, who, ftext)
last = len(tickets)
ws.autofilter(0, 0, last, 11)
banded(ws, last, 11)
ws.print_area(0, 0, min(last, 50), 11)
ws.set_footer("&LFirst 50 rows printed: filter the sheet and print the selection&RPage &P of &N")

# 11. Matrix
ws = sheet("Matrix", [30, 48, 48, 48, 48], freeze=(1, 1))
with open(MATRIX, encoding="utf-8-sig", newline="") as f:
    matrix = list(csv.reader(f))
header(ws, 0, matrix[0])
for r, line in enumerate(matrix[1:], start=1):
    ws.write_string(r, 0, line[0], F["label"])
    for c, v in enumerate(line[1:], start=1):
        ws.write_string(r, c, v, F["bold"] if r == 1 else F["wrap"])
ws.merge_range(len(matrix) + 1, 0, len(matrix) + 1, 4,
               "No text changed from the canonical matrix (0 of 36).", F["text"])

# 12. Data quality
ws = sheet("Data quality", [12, 9, 8, 17, 25, 100], freeze=(1, 0))
layout = ('read as the events layout (detected from the header): ticket = A "Ticket", time = '
          'B "Timestamp", event = C "Event", level = D "Level", category = E "Category", '
          'owner = F "Owner", note = G "Note"')
first_lines = ", ".join(str(n) for n, _ in skips[:5]) + ("…" if len(skips) > 5 else "")
groups = [("note", "LOG030", 1, path, "1", layout)]
if skips:
    groups.append(("warning", "MET002", len(skips), path, first_lines, skips[0][1]))
last = table(ws, 0, ["Severity", "Code", "Count", "File", "First lines",
                     "Message (first occurrence)"], groups,
             ["text", "text", "int", "text", "text", "wrap"])
ws.autofilter(0, 0, last, 5)
banded(ws, last, 5)

# 13. Data quality detail
ws = sheet("Data quality detail", [17, 9, 9, 12, 9, 100], freeze=(1, 0))
header(ws, 0, ["File", "Line", "Column", "Severity", "Code", "Message"])
detail = [(1, "note", "LOG030", layout)] + [(n, "warning", "MET002", m) for n, m in skips]
for r, (n, sev, code, msg) in enumerate(detail, start=1):
    ws.write_string(r, 0, path, ftext)
    ws.write_number(r, 1, n, flvl)
    ws.write_blank(r, 2, None, ftext)
    ws.write_string(r, 3, sev, ftext)
    ws.write_string(r, 4, code, ftext)
    ws.write_string(r, 5, msg, ftext)
ws.autofilter(0, 0, len(detail), 5)
banded(ws, len(detail), 5)
ws.print_area(0, 0, min(len(detail), 50), 5)

phase("cells")
wb.close()
phase("close (XML, deflate)")
print(f"wrote {out}: {len(tickets)} tickets, {len(backlog)} open, {len(skips)} skips")
