#!/usr/bin/env bash
# Demo data for evaluation-service: the rectification rule of the demo district, a property
# company serving 城南社区 with this month's inspection, and a social organisation's assessment.
# Idempotent: each thing is looked up first and only written when missing.
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

# 城南物业 serves the compounds of 城南社区 and 河滨社区; complaints there count against it.
COMPANY=$(get "$HOUSING" /api/evaluations/property-companies/chengnan-wuye)
if [ -z "$COMPANY" ]; then
  put "$HOUSING" /api/evaluations/property-companies/chengnan-wuye \
    '{"name": "淮安城南物业服务有限公司", "communityIds": ["qjp-pulou-chengnan", "qjp-pulou-hebin"]}'
fi
if ! printf '%s' "$COMPANY" | grep -q "\"month\":\"$MONTH\""; then
  put "$HOUSING" "/api/evaluations/property-companies/chengnan-wuye/inspections/$MONTH" \
    '{"score": 86, "note": "月检查：消防通道畅通，电梯维保记录齐全，垃圾分类督导需加强"}'
fi

# 浦楼邻里互助会, a social organisation of 浦楼街道, assessed for this year.
YEAR=$(TZ=Asia/Shanghai date +%Y)
ORGANISATION=$(get "$ADMIN" /api/evaluations/social-organizations/pulou-linli)
if [ -z "$ORGANISATION" ]; then
  put "$ADMIN" /api/evaluations/social-organizations/pulou-linli '{"name": "浦楼邻里互助会", "orgPath": "/qjp/qjp-pulou"}'
fi
if ! printf '%s' "$ORGANISATION" | grep -q "\"year\":$YEAR"; then
  put "$ADMIN" "/api/evaluations/social-organizations/pulou-linli/assessments/$YEAR" \
    '{"organisationScore": 88, "integrityScore": 92, "fundsScore": 81}'
fi

echo "evaluation demo data loaded"
