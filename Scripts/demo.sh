#!/usr/bin/env bash
# The README's main command: installs what is missing, builds in release mode and runs the
# tool on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product escalation
bin=.build/release/escalation
echo "== escalation validate Samples/matrix-fr.csv"
"$bin" validate Samples/matrix-fr.csv
echo "== escalation validate Samples/matrix-en.csv"
"$bin" validate Samples/matrix-en.csv
echo "== escalation validate Samples/matrix-edited.csv (an edited matrix with mistakes; exits 1)"
"$bin" validate Samples/matrix-edited.csv || echo "(exit status $?: the edited matrix is not valid, as expected)"
