#!/usr/bin/env bash
# Demo data for evaluation-service: the rectification rule of the demo district, this month's
# inspection of the property company serving 城南社区 and this year's assessment of a social
# organisation. Both are org-service's partners (10-org.json); evaluation-service knows them from
# org-events, so this waits until they have arrived. Idempotent: each thing is looked up first and
# only written when missing.
set -euo pipefail

: "${GATEWAY_URL:?GATEWAY_URL is required}"
: "${GRASSROOTS:?GRASSROOTS is required}"

ADMIN=$("$GRASSROOTS" token admin)
HOUSING=$("$GRASSROOTS" token dept-housing1)
MONTH=$(TZ=Asia/Shanghai date +%Y-%m)

get() { # token path -> body on 200, nothing on 404
  local body status
  body=$(curl -sS -w '\n%{http_code}' "$GATEWAY_URL$2" -H "Authorization: Bearer $1")
  status=${body##*$'\n'}
  case "$status" in
    200) printf '%s' "${body%$'\n'*}" ;;
    404) ;;
    *) echo "GET $2 answered $status: ${body%$'\n'*}" >&2; return 1 ;;
  esac
}

put() { # token path body
  curl -sS --fail-with-body -o /dev/null -X PUT "$GATEWAY_URL$2" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data "$3"
}

# 对居民满意度低于60%的社区，列入软弱涣散党组织整顿: below 60% over a quarter, on at least 5 ratings.
if ! get "$ADMIN" /api/rectifications/rules | grep -q '"minimumRatings":5'; then
put "$ADMIN" /api/rectifications/rules/satisfaction-quarterly \
  '{"description": "居民满意度低于60%的社区列入软弱涣散党组织整顿名单", "threshold": 0.60, "minimumRatings": 5, "period": "quarter", "active": true}'
fi

known() { # token path -> body once evaluation-service has the partner from org-events (60 s at most)
  local body
  for _ in $(seq 1 60); do
    body=$(get "$1" "$2")
    if [ -n "$body" ]; then printf '%s' "$body"; return 0; fi
    sleep 1
  done
  echo "evaluation-service does not know $2 from org-events after 60 s" >&2
  return 1
}

# 淮安清浦物业 (org-service's partner pc-qingpu-wuye) serves 城南社区; complaints there count against it.
COMPANY=$(known "$HOUSING" /api/evaluations/property-companies/pc-qingpu-wuye)
if ! printf '%s' "$COMPANY" | grep -q "\"month\":\"$MONTH\""; then
  put "$HOUSING" "/api/evaluations/property-companies/pc-qingpu-wuye/inspections/$MONTH" \
    '{"score": 86, "note": "月检查：消防通道畅通，电梯维保记录齐全，垃圾分类督导需加强"}'
fi

# 城南社区志愿者协会 (org-service's partner so-chengnan-volunteers), assessed for this year.
YEAR=$(TZ=Asia/Shanghai date +%Y)
ORGANISATION=$(known "$ADMIN" /api/evaluations/social-organizations/so-chengnan-volunteers)
if ! printf '%s' "$ORGANISATION" | grep -q "\"year\":$YEAR"; then
  put "$ADMIN" "/api/evaluations/social-organizations/so-chengnan-volunteers/assessments/$YEAR" \
    '{"organisationScore": 88, "integrityScore": 92, "fundsScore": 81}'
fi

echo "evaluation demo data loaded"
