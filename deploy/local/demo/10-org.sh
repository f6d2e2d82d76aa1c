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

# 应建尽建 for buildings: 城南社区第一网格1号楼党小组 covers 1幢 of grid 320812001001001 (the demo households
# of 20-grid.sh); 20-grid.sh also registers a household in 3幢, which no building group covers: the
# coverage report's building gap. Setting the same link again changes nothing.
curl --silent --show-error --fail-with-body -X PUT "$GATEWAY_URL/api/orgs/qjp-pulou-chengnan-g01-bg01/building" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"gridCode":"320812001001001","building":"1幢"}' >/dev/null
echo "building group qjp-pulou-chengnan-g01-bg01 covers 320812001001001 1幢"
