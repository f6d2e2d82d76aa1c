#!/usr/bin/env bash
# Demo data for volunteer-service, loaded through the gateway (see README.md in this folder):
#  - 城南社区's Saturday volunteer days (党员周六志愿服务日): last Saturday's, attended by partymember1
#    (3 hours to the time bank, points to the ledger), and next Saturday's, open for sign-up;
#  - a micro-wish (微心愿) posted by resident1, approved by dispatcher1, claimed and fulfilled by partymember1;
#  - partymember1's dual registration (双报到) with 城南社区, accepted by dispatcher1;
#  - a manual award by dispatcher1 to gridworker1, with its reason.
# Idempotent: every step looks first and only does what is missing. Needs curl and jq.
set -euo pipefail

: "${GATEWAY_URL:?GATEWAY_URL is required}"
: "${GRASSROOTS:?GRASSROOTS (the launcher) is required}"
command -v jq >/dev/null || { echo "40-volunteer.sh needs jq" >&2; exit 1; }

COMMUNITY_ID=qjp-pulou-chengnan
COMMUNITY_PATH=/qjp/qjp-pulou/qjp-pulou-chengnan
PARTYMEMBER1=00000000-0000-4000-8000-000000000008
GRIDWORKER1=00000000-0000-4000-8000-000000000003
PAST_DAY="党员周六志愿服务日：城南小区楼道清理"
NEXT_DAY="党员周六志愿服务日：城南小区环境整治"
WISH="楼道感应灯坏了，希望有人帮忙更换"

DISPATCHER="$("$GRASSROOTS" token dispatcher1)"
MEMBER="$("$GRASSROOTS" token partymember1)"
RESIDENT="$("$GRASSROOTS" token resident1)"

# api METHOD PATH TOKEN [JSON]: the response body; fails loudly on an error status.
api() {
  local method="$1" path="$2" token="$3" body="${4:-}"
  local args=(-sS --fail-with-body -X "$method" -H "Authorization: Bearer $token")
  if [[ -n "$body" ]]; then
    args+=(-H 'Content-Type: application/json' --data "$body")
  fi
  curl "${args[@]}" "$GATEWAY_URL$path"
}

# Saturday 08:30-11:30 in Huai'an (UTC+8) as UTC instants: last Saturday's and next Saturday's.
saturday() { date -u -d "$1 saturday 00:30" +%Y-%m-%dT%H:%M:%SZ; }
plus_hours() { date -u -d "$1 + $2 hours" +%Y-%m-%dT%H:%M:%SZ; }

# activity_id TITLE: the id of 城南社区's activity with that title, or nothing.
activity_id() {
  api GET "/api/activities?communityId=$COMMUNITY_ID&size=500" "$DISPATCHER" | jq -r --arg t "$1" '[.items[] | select(.title == $t)][0].id // empty'
}

plan_activity() {
  local title="$1" start="$2" description="$3" id
  id="$(activity_id "$title")"
  if [[ -z "$id" ]]; then
    id="$(api POST /api/activities "$DISPATCHER" "$(jq -n --arg t "$title" --arg d "$description" \
      --arg s "$start" --arg e "$(plus_hours "$start" 3)" --arg p "$COMMUNITY_PATH" \
      '{title: $t, description: $d, orgPath: $p, startsAt: $s, endsAt: $e, capacity: 30}')" | jq -r .id)"
    echo "activity planned: $title ($id)" >&2
  fi
  printf '%s\n' "$id"
}

# --- last Saturday's volunteer day: partymember1 signed up, attended 3 hours, activity completed
past="$(plan_activity "$PAST_DAY" "$(saturday last)" "清理楼道堆物、张贴安全提示")"
state="$(api GET "/api/activities/$past" "$DISPATCHER")"
if [[ "$(jq -r .status <<<"$state")" == OPEN ]]; then
  participant() { jq -r --arg u "$PARTYMEMBER1" --arg f "$1" '[.participants[] | select(.userId == $u)][0][$f] // empty' <<<"$state"; }
  if [[ -z "$(participant signedUpAt)" ]]; then
    state="$(api POST "/api/activities/$past/signups" "$MEMBER")"
  fi
  if [[ -z "$(participant checkedInAt)" ]]; then
    state="$(api POST "/api/activities/$past/participants/$PARTYMEMBER1/check-in" "$DISPATCHER")"
  fi
  if [[ -z "$(participant checkedOutAt)" ]]; then
    state="$(api POST "/api/activities/$past/participants/$PARTYMEMBER1/check-out" "$DISPATCHER" '{"hours": 3}')"
  fi
  api POST "/api/activities/$past/complete" "$DISPATCHER" >/dev/null
  echo "activity completed: $PAST_DAY (partymember1 credited 3 hours)"
fi

# --- next Saturday's volunteer day, open, partymember1 signed up
next="$(plan_activity "$NEXT_DAY" "$(saturday next)" "清理卫生死角、擦洗健身器材、入户宣传垃圾分类")"
if ! api GET "/api/activities/$next" "$MEMBER" | jq -e --arg u "$PARTYMEMBER1" '.participants[] | select(.userId == $u)' >/dev/null; then
  api POST "/api/activities/$next/signups" "$MEMBER" >/dev/null
  echo "partymember1 signed up for: $NEXT_DAY"
fi

# --- a micro-wish: posted by resident1, approved, claimed and fulfilled by partymember1
wish="$(api GET "/api/wishes/mine?size=100" "$RESIDENT" | jq -r --arg t "$WISH" '[.items[] | select(.title == $t)][0].id // empty')"
if [[ -z "$wish" ]]; then
  wish="$(api POST /api/wishes "$RESIDENT" "$(jq -n --arg t "$WISH" '{title: $t, description: "3号楼2单元楼道晚上很黑，老人上下楼不方便"}')" | jq -r .id)"
  echo "micro-wish posted: $wish"
fi
status="$(api GET "/api/wishes/$wish" "$DISPATCHER" | jq -r .status)"
if [[ "$status" == POSTED ]]; then
  status="$(api POST "/api/wishes/$wish/approve" "$DISPATCHER" | jq -r .status)"
fi
if [[ "$status" == APPROVED ]]; then
  status="$(api POST "/api/wishes/$wish/claim" "$MEMBER" | jq -r .status)"
fi
if [[ "$status" == CLAIMED ]]; then
  api POST "/api/wishes/$wish/fulfil" "$MEMBER" '{"note": "已更换为声控LED灯，楼道恢复照明"}' >/dev/null
  echo "micro-wish fulfilled by partymember1"
fi

# --- partymember1's dual registration with 城南社区, accepted
registration="$(api GET /api/registrations/mine "$MEMBER" | jq -r '[.items[] | select(.status == "REQUESTED" or .status == "ACCEPTED")][0] // empty')"
if [[ -z "$registration" ]]; then
  registration="$(api POST /api/registrations "$MEMBER" "$(jq -n --arg p "$COMMUNITY_PATH" \
    '{communityPath: $p, workUnit: "清江浦区财政局", note: "在职党员到居住地社区报到"}')")"
  echo "dual registration requested"
fi
if [[ "$(jq -r .status <<<"$registration")" == REQUESTED ]]; then
  api POST "/api/registrations/$(jq -r .id <<<"$registration")/accept" "$DISPATCHER" '{"note": "欢迎报到"}' >/dev/null
  echo "dual registration accepted"
fi

# --- a manual award to gridworker1 (the requestId makes a rerun count once)
api POST /api/points/awards "$DISPATCHER" "$(jq -n --arg u "$GRIDWORKER1" \
  '{userId: $u, points: 5, reason: "协助社区开展防汛排查", gridCode: "320812001001001", requestId: "demo-40-volunteer-gridworker1"}')" >/dev/null

echo "volunteer demo data loaded"
