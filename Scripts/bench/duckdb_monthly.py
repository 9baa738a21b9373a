"""Benchmark comparison for Scripts/bench.sh (not part of the tool), the query-only reference:
DuckDB reads the same events CSV and computes a monthly aggregation, a part of what
`escalation report --month` computes: events per kind and level, tickets per event kind and
per category in the month, and the median and 90th percentile hours from open to resolution of
the tickets resolved in the month. It writes no workbook and replays no ticket history (no
stays, time at level, backlog or ticket table): duckdb_xlsx_monthly.py is the full reference.
Usage: python3 duckdb_monthly.py FILE YYYY-MM"""
import sys

import duckdb

path, month = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET threads TO 1")
con.execute(
    """
    CREATE TABLE ev AS
    SELECT Ticket AS ticket,
           CAST(replace(replace(Timestamp, 'T', ' '), 'Z', '') AS TIMESTAMP) AS ts,
           Event AS event, Level AS level, Category AS category
    FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"')
    """,
    [path],
)
start = month + "-01"
rows = con.execute(
    """
    WITH m AS (SELECT * FROM ev
               WHERE ts >= CAST(? AS TIMESTAMP) AND ts < CAST(? AS TIMESTAMP) + INTERVAL 1 MONTH),
         opened AS (SELECT ticket, min(ts) AS t0 FROM ev WHERE event = 'opened' GROUP BY ticket),
         resolved AS (SELECT ticket, max(ts) AS t1 FROM m WHERE event = 'resolved' GROUP BY ticket)
    SELECT 'events' AS what, event || ' L' || level AS k, count(*)::DOUBLE AS v FROM m GROUP BY 1, 2
    UNION ALL SELECT 'tickets', event, count(DISTINCT ticket) FROM m GROUP BY 1, 2
    UNION ALL SELECT 'category', category, count(DISTINCT ticket) FROM m GROUP BY 1, 2
    UNION ALL SELECT 'hours to resolve', q, v FROM (
      SELECT quantile_cont(epoch(t1 - t0) / 3600, 0.5) AS p50,
             quantile_cont(epoch(t1 - t0) / 3600, 0.9) AS p90
      FROM resolved JOIN opened USING (ticket)) UNPIVOT (v FOR q IN (p50, p90))
    ORDER BY 1, 2
    """,
    [start, start],
).fetchall()
print(len(rows), "rows")
