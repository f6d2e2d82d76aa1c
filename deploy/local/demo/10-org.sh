#!/usr/bin/env bash
# Demo organisation for org-service: README.md's demo district 清江浦区 (two streets, four
# communities, three grid branches each, a few building groups, the 快递 industry committee),
# the departments case-service's categories name, partners of 城南社区, and a few fictional
# party members, partymember1 among them. One call of the bulk import: idempotent, so running it
# again changes nothing (the report then says "unchanged").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${GATEWAY_URL:?GATEWAY_URL is not set}"
: "${GRASSROOTS:?GRASSROOTS is not set}"

TOKEN=$("$GRASSROOTS" token admin)
report=$(curl --silent --show-error --fail-with-body -X POST "$GATEWAY_URL/api/orgs/import" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data-binary @"$here/10-org.json")
echo "org-service demo import: $report"
