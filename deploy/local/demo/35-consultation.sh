#!/usr/bin/env bash
# A consultation on a demo case (case-service /api/cases/{id}/consultations), through the gateway,
# idempotent: resident1's report about parking in 城南花园 is looked up in /api/cases/mine first, and
# its consultation is moved on from wherever it stands: called (小板凳协商) → held, with who came and
# the minutes → decided, with 住建 and the property company each carrying out a part → 住建's part
# dispatched. resident1 sees the decision on the phone's my-case page; dispatcher1 sees the whole
# consultation on the console's case page, and dept-housing1 its part.
set -euo pipefail

: "${GATEWAY_URL:?GATEWAY_URL is required}"
: "${GRASSROOTS:?GRASSROOTS is required}"

DISPATCHER=$("$GRASSROOTS" token dispatcher1)
RESIDENT=$("$GRASSROOTS" token resident1)

# field NAME: the first string or number value of "NAME" in the JSON on stdin
field() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -1 | sed "s/\"$1\":\"\{0,1\}//"; }

call() { # METHOD PATH TOKEN [BODY]
  local body=${4:-}
  if [[ -n "$body" ]]; then
    curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
      -d "$body" "$GATEWAY_URL$2"
  else
    curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $3" "$GATEWAY_URL$2"
  fi
}

DESCRIPTION='城南花园3号楼前停车位不足，夜间车辆停进消防通道，居民意见不一（演示）'
case_id=$(call GET '/api/cases/mine?size=100' "$RESIDENT" | tr '{' '\n' | grep -F "$DESCRIPTION" | field id || true)
if [[ -z "$case_id" ]]; then
  case_id=$(call POST /api/cases "$RESIDENT" "{\"categoryCode\":\"PROPERTY_SERVICE\",\"description\":\"$DESCRIPTION\",\"answers\":{\"issue\":\"其他\",\"propertyCompany\":\"淮安清浦物业服务有限公司\"},\"point\":{\"lon\":119.0208,\"lat\":33.6008},\"locationDescription\":\"城南花园3号楼前\"}" | field id)
fi
if [[ "$(call GET "/api/cases/$case_id" "$DISPATCHER" | field status)" == REPORTED ]]; then
  call POST "/api/cases/$case_id/accept" "$DISPATCHER" '{"note":"涉及居民之间意见分歧，召集小板凳协商"}' >/dev/null
fi

base="/api/cases/$case_id/consultations"
# The case has this one consultation: the first "id" of the list is its id.
consultation=$(call GET "$base" "$DISPATCHER" | field id || true)
if [[ -z "$consultation" ]]; then
  consultation=$(call POST "$base" "$DISPATCHER" '{"format":"SMALL_STOOL","topic":"城南花园3号楼前停车与消防通道","startsAt":"2026-11-28T01:00:00Z","place":"城南花园3号楼前空地",
    "invited":[{"kind":"DEPARTMENT","id":"dept-housing","label":"区住建局"},
               {"kind":"PROPERTY_COMPANY","id":"pc-qingpu-wuye","label":"淮安清浦物业服务有限公司"},
               {"kind":"RESIDENT_REPRESENTATIVE","id":"chengnan-b3-reps","label":"3号楼居民代表"},
               {"kind":"CO_BUILDING_UNIT","id":"cb-qjp-power","label":"国网淮安市清江浦区供电公司"},
               {"kind":"COMMUNITY","id":"qjp-pulou-chengnan","label":"城南社区网格党支部"}]}' | field id)
fi

state() { call GET "$base/$consultation" "$DISPATCHER"; }
if [[ "$(state | field status)" == SCHEDULED ]]; then
  call POST "$base/$consultation/hold" "$DISPATCHER" '{"heldAt":"2026-11-28T01:00:00Z",
    "attended":[{"kind":"DEPARTMENT","id":"dept-housing","label":"区住建局"},
                {"kind":"PROPERTY_COMPANY","id":"pc-qingpu-wuye","label":"淮安清浦物业服务有限公司"},
                {"kind":"RESIDENT_REPRESENTATIVE","id":"chengnan-b3-reps","label":"3号楼居民代表"},
                {"kind":"COMMUNITY","id":"qjp-pulou-chengnan","label":"城南社区网格党支部"}],
    "minutes":"居民代表：夜间停车难，但消防通道必须畅通；物业：可将北侧绿化带边角改建为停车位；住建：改建需报批，一周内出具意见。各方同意先划线、后改建。"}' >/dev/null
fi
if [[ "$(state | field status)" == HELD ]]; then
  call POST "$base/$consultation/decide" "$DISPATCHER" '{"decision":"消防通道划黄线禁停；北侧绿化带边角改建12个停车位，改建前夜间车辆临时停放南门外侧",
    "parts":[{"task":"出具绿化带边角改建停车位的审批意见","carriedOutBy":{"kind":"DEPARTMENT","id":"dept-housing"}},
             {"task":"消防通道划线并施工改建停车位，夜间巡查","carriedOutBy":{"kind":"PROPERTY_COMPANY","id":"pc-qingpu-wuye"}}]}' >/dev/null
fi
if [[ "$(state | field status)" == DECIDED ]] && ! state | grep -q '"assignee":{"kind":"DEPARTMENT"'; then
  call POST "$base/$consultation/parts/1/dispatch" "$DISPATCHER" \
    '{"assignee":{"kind":"DEPARTMENT","id":"dept-housing","displayName":"清江浦区住房和城乡建设局"}}' >/dev/null
fi
echo "case $case_id: consultation $consultation $(state | field status), 住建's part dispatched"
