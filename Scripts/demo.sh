#!/usr/bin/env bash
# The README's main command: installs what is missing, builds in release mode, and runs the
# tool's main job on the bundled samples: checks the matrices and writes the monthly report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product escalation
bin=.build/release/escalation
# The report creates Reports/ itself; the review workbook below is written there first.
mkdir -p Reports
echo "== escalation validate Samples/matrix-fr.csv"
"$bin" validate Samples/matrix-fr.csv
echo
echo "== escalation validate Samples/matrix-edited.csv --xlsx Reports/matrix-edited-review.xlsx"
echo "   (an edited matrix with realistic mistakes: exits 1; the workbook carries the findings as comments)"
"$bin" validate Samples/matrix-edited.csv --xlsx Reports/matrix-edited-review.xlsx || echo "(exit status $?: not valid, as expected)"
echo
echo "== escalation metrics Samples/service-desk-2026-fr.csv --month 2026-10 --tz Europe/Paris --format csv"
echo "   (a year of a French service desk with about 2,000 tickets; the escalation rates of October)"
"$bin" metrics Samples/service-desk-2026-fr.csv --month 2026-10 --tz Europe/Paris --format csv
echo
echo "== escalation metrics Samples/service-desk-2026-fr.csv --profile Samples/service-desk-fr.toml --month 2026-10 --table sla"
echo "   (the same desk with its profile: a Paris business calendar, SLA targets in business hours,"
echo "    4 business hours at level 1 for guidance requests)"
"$bin" metrics Samples/service-desk-2026-fr.csv --profile Samples/service-desk-fr.toml \
  --month 2026-10 --table sla
echo
echo "== escalation report Samples/service-desk-2026-fr.csv --month 2026-10 --tz Europe/Paris --lang fr --sla 1=24h,2=48h,3=72h,4=120h"
"$bin" report Samples/service-desk-2026-fr.csv --month 2026-10 --tz Europe/Paris --lang fr \
  --sla 1=24h,2=48h,3=72h,4=120h
echo
echo "== escalation report Samples/tickets-smartsheet-us.csv --month 2026-10 -o Reports/smartsheet-2026-10.xlsx"
"$bin" report Samples/tickets-smartsheet-us.csv --month 2026-10 -o Reports/smartsheet-2026-10.xlsx
echo
echo "Open Reports/service-desk-2026-fr-2026-10.xlsx: October's report of the French service desk."
