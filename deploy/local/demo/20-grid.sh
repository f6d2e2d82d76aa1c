#!/usr/bin/env bash
# Demo data of grid-service, through the gateway: the grids of 浦楼街道 and 长西街道 (grids.geojson:
# 4 communities × 3 grids × 3 micro-grids, fictional boundaries around 33.60N 119.02E), gridworker1 as
# the full-time worker (B岗) of 城南社区第一网格, and three fictional households there paired with
# partymember1, and one household in 3幢 that no building group covers (the coverage's building gap). Idempotent: the import is idempotent by code, and everything else is looked up first.
set -euo pipefail

GATEWAY_URL="${GATEWAY_URL:-http://localhost:8080}"
GRASSROOTS="${GRASSROOTS:-./grassroots}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GRID=320812001001001
GRIDWORKER1=00000000-0000-4000-8000-000000000003
PARTYMEMBER1=00000000-0000-4000-8000-000000000008
COMMUNITIES=(qjp-pulou-chengnan qjp-pulou-hebin qjp-changxi-huaihai qjp-changxi-shuidu)

TOKEN=$("$GRASSROOTS" token admin)
api() { # method path [json body]
  local method="$1" path="$2"; shift 2
  curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "$@" "$GATEWAY_URL$path"
}

known_communities() { # the codes of every community grid-service knows, a line each, read page after page
  local page=0 answer
  while :; do
    answer=$(api GET "/api/grids/communities?size=500&page=$page")
    jq -r '.items[].code' <<<"$answer"
    (( (page + 1) * 500 >= $(jq .totalItems <<<"$answer") )) && break
    page=$((page + 1))
  done
}

# 1. org-events reach grid-service asynchronously after 10-org.sh: wait (at most 2 minutes) until it
#    knows the four communities.
for attempt in $(seq 1 60); do
  known=$(known_communities)
  missing=0
  for community in "${COMMUNITIES[@]}"; do
    grep -qx "$community" <<<"$known" || missing=1
  done
  [[ $missing == 0 ]] && break
  if [[ $attempt == 60 ]]; then
    echo "grid-service does not know the demo communities after 2 minutes (is 10-org.sh loaded?)" >&2
    exit 1
  fi
  sleep 2
done

# 2. the grids, in one idempotent import; a rejected feature fails the loader
report=$(api POST /api/grids/import --data-binary @"$HERE/grids.geojson")
echo "grids: $(jq -c '{created, updated, unchanged, rejected}' <<<"$report")"
if [[ $(jq .rejected <<<"$report") != 0 ]]; then
  jq -c '.features[] | select(.outcome == "REJECTED")' <<<"$report" >&2
  exit 1
fi

# 3. gridworker1 (陈明, the name the realm gives the demo user): full-time grid worker, B post (grid
#    round), of 城南社区第一网格
if [[ $(api GET "/api/grids/$GRID/staff?size=500" | jq --arg u "$GRIDWORKER1" \
      '[.items[] | select(.userId == $u and .role == "FULL_TIME_WORKER")] | length') == 0 ]]; then
  api POST "/api/grids/$GRID/staff" -d "{\"userId\":\"$GRIDWORKER1\",\"role\":\"FULL_TIME_WORKER\",\"post\":\"POST_B\",\"name\":\"陈明\"}" >/dev/null
  echo "gridworker1 assigned to $GRID"
fi

# 4. three households of fictional residents (示例 names, ID numbers with a valid check character but
#    no real person behind them, 13800000xxx phones), each paired with partymember1
check_char() { # the GB 11643 check character of 17 digits
  local digits="$1" weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) codes=1 sum=0 i
  codes="10X98765432"
  for i in $(seq 0 16); do sum=$((sum + ${digits:$i:1} * weights[i])); done
  echo "${codes:$((sum % 11)):1}"
}
n=0
for room in 101 202 303; do
  n=$((n + 1))
  query="/api/households?gridCode=$GRID&building=1%E5%B9%A2&unit=1%E5%8D%95%E5%85%83&room=$room" # 1幢 1单元
  household=$(api GET "$query" | jq -r '.items[0].id // empty')
  if [[ -z "$household" ]]; then
    household=$(api POST /api/households -d "{\"gridCode\":\"$GRID\",\"building\":\"1幢\",\"unit\":\"1单元\",\"room\":\"$room\"}" \
      | jq -r .id)
  fi
  if [[ $(api GET "/api/households/$household" | jq '.persons | length') == 0 ]]; then
    first17="3208121950010${n}00${n}"
    tags='["ELDERLY_LIVING_ALONE"]'; [[ $n == 2 ]] && tags='["DISABILITY"]'; [[ $n == 3 ]] && tags='[]'
    api POST "/api/households/$household/persons" -d "{\"name\":\"示例居民${n}\",\"relation\":\"户主\",
      \"idNumber\":\"${first17}$(check_char "$first17")\",\"phone\":\"1380000000${n}\",\"tags\":$tags}" >/dev/null
  fi
  if [[ $(api GET "/api/households/$household" | jq -r '.pairedMemberId // empty') != "$PARTYMEMBER1" ]]; then
    api POST "/api/households/$household/pairing" -d "{\"memberId\":\"$PARTYMEMBER1\"}" >/dev/null
  fi
done
echo "households in $GRID: 3, paired with partymember1"

# 5. a household in 3幢 of the same grid, with nobody registered yet: grid-service publishes the building
#    (building-occupied), and as no building group covers 3幢, org-service's coverage report shows it as
#    the demo district's building gap (1幢 is covered by 1号楼党小组, see 10-org.sh)
query="/api/households?gridCode=$GRID&building=3%E5%B9%A2&unit=1%E5%8D%95%E5%85%83&room=101" # 3幢 1单元 101
if [[ -z $(api GET "$query" | jq -r '.items[0].id // empty') ]]; then
  api POST /api/households -d "{\"gridCode\":\"$GRID\",\"building\":\"3幢\",\"unit\":\"1单元\",\"room\":\"101\"}" >/dev/null
  echo "a household in 3幢 of $GRID (no building group: the coverage gap)"
fi
