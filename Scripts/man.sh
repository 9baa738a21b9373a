#!/usr/bin/env bash
# Regenerates docs/man/escalation.1 from the commands' own definitions with
# swift-argument-parser's generate-manual plugin (works offline: the plugin is in the package's
# dependencies). Run it after changing an option or a help text; ManPageTests fails when the
# page misses an option.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --disable-sandbox plugin generate-manual --configuration "${CONFIGURATION:-debug}" \
  --date 2026-11-30 --authors "the escalation maintainers"
mkdir -p docs/man
cp .build/plugins/GenerateManual/outputs/escalation/escalation.1 docs/man/escalation.1
echo "wrote docs/man/escalation.1 (view it with: man -l docs/man/escalation.1)"
