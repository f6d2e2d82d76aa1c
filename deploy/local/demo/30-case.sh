#!/usr/bin/env bash
# Demo cases for 城南社区 (case-service), through the gateway, idempotent:
#  - hotline cases are filed by their 12345 work-order id (POST /api/cases/hotline answers 200 with
#    the same case the second time), resident1's report is looked up in /api/cases/mine first;
#  - each case is then moved on only as far as its demo state, from wherever it stands.
# States shown: REPORTED (in triage), CLAIMED by 城管, CLOSED (resident1 may rate it), a case
# whistled to 城管 and 住建 of which 城管 has reported in, and a PARKED case (挂账) on the review list.
# Photos: drawn at load time by DemoPhotos.java (Java2D: no camera, nobody real, no metadata) and
# uploaded once: resident1's report with its photo and 城管's photo after handling, and a staff
# note photo on the triage case and on the street light.
set -euo pipefail

: "${GATEWAY_URL:?GATEWAY_URL is required}"
: "${GRASSROOTS:?GRASSROOTS is required}"

ADMIN=$("$GRASSROOTS" token admin)
DISPATCHER=$("$GRASSROOTS" token dispatcher1)
URBAN=$("$GRASSROOTS" token dept-urban1)
RESIDENT=$("$GRASSROOTS" token resident1)
CHENGNAN=/qjp/qjp-pulou/qjp-pulou-chengnan

HERE=$(cd "$(dirname "$0")" && pwd)
PHOTOS=$(mktemp -d)
trap 'rm -rf "$PHOTOS"' EXIT
"${JAVA_HOME:+$JAVA_HOME/bin/}java" "$HERE/DemoPhotos.java" "$PHOTOS"

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

hotline() { # EXTERNAL_ID JSON_REST → case id
  call POST /api/cases/hotline "$ADMIN" "{\"externalId\":\"$1\",$2}" | field id
}

# The dispatcher of the case's area: 城南's dispatcher when the case was located there, else the district.
dispatcher_of() {
  local org
  org=$(call GET "/api/cases/$1" "$ADMIN" | field orgPath)
  if [[ "$org" == "$CHENGNAN"* ]]; then echo "$DISPATCHER"; else echo "$ADMIN"; fi
}

status_of() { call GET "/api/cases/$1" "$ADMIN" | field status; }

# photos_of ID STAGE: how many photos of STAGE the case has
photos_of() { call GET "/api/cases/$1/attachments" "$ADMIN" | grep -o "\"stage\":\"$2\"" | wc -l | tr -d ' '; }

# photo ID TOKEN STAGE FILE → the stored photo's id (multipart upload, POST /api/cases/{id}/attachments).
# Photos dress the demo up; one that cannot be stored is reported here and the cases go on without it.
photo() {
  local answer
  if answer=$(curl -sS --fail-with-body -H "Authorization: Bearer $2" -F "stage=$3" -F "file=@$4;type=image/jpeg" \
      "$GATEWAY_URL/api/cases/$1/attachments"); then
    echo "$answer" | field id
  else
    echo "photo $(basename "$4") not stored on case $1: $answer" >&2
  fi
}

# note_photo ID FILE: a staff note photo on the case, unless it has one
note_photo() {
  if [[ "$(photos_of "$1" NOTE)" == 0 ]]; then photo "$1" "$(dispatcher_of "$1")" NOTE "$2" >/dev/null; fi
}

# advance ID TARGET ASSIGNEE_TOKEN DEPARTMENT [AFTER_PHOTO]: accept → dispatch → claim → resolve →
# verify until TARGET; the assignee resolves with AFTER_PHOTO as its photo after handling, if given
advance() {
  local id=$1 target=$2 assignee=$3 department=$4 after=${5:-} staff status attachments
  staff=$(dispatcher_of "$id")
  for _ in 1 2 3 4 5 6; do
    status=$(status_of "$id")
    [[ "$status" == "$target" ]] && return 0
    case "$status" in
      REPORTED) call POST "/api/cases/$id/accept" "$staff" '{"note":"演示：立案"}' >/dev/null ;;
      ACCEPTED) call POST "/api/cases/$id/dispatch" "$staff" \
          "{\"assignee\":{\"kind\":\"DEPARTMENT\",\"id\":\"$department\",\"displayName\":\"区城市管理局\"},\"note\":\"请尽快处置\"}" >/dev/null ;;
      DISPATCHED) call POST "/api/cases/$id/claim" "$assignee" '{}' >/dev/null ;;
      CLAIMED)
        attachments=""
        if [[ -n "$after" ]]; then
          attachments=$(photo "$id" "$assignee" RESOLUTION "$after")
          [[ -n "$attachments" ]] && attachments="\"$attachments\""
        fi
        call POST "/api/cases/$id/resolve" "$assignee" "{\"note\":\"已现场处置完毕\",\"attachments\":[$attachments]}" >/dev/null ;;
      RESOLVED) call POST "/api/cases/$id/verify" "$staff" '{"passed":true,"note":"现场核查已处理"}' >/dev/null ;;
      *) echo "case $id is $status, cannot move it to $target" >&2; return 1 ;;
    esac
  done
  [[ "$(status_of "$id")" == "$target" ]]
}

# case-service checks every dispatch and whistle against the departments it has learnt from org-events
# (10-org.sh registered them a moment ago): wait until it knows the ones used below.
await_department() { # CODE
  for _ in $(seq 1 60); do
    if call GET "/api/cases/targets/departments?size=500" "$ADMIN" | grep -q "\"code\":\"$1\",\"active\":true"; then
      return 0
    fi
    sleep 1
  done
  echo "case-service has not learnt department $1 from org-events within 60 s" >&2
  return 1
}
await_department dept-urban
await_department dept-housing

# 1. A hotline complaint waiting in triage (REPORTED).
triage=$(hotline 12345-DEMO-0001 '"categoryCode":"EXPOSED_RUBBISH","description":"市民来电：健康东路垃圾桶旁生活垃圾堆积","point":{"lon":119.0213,"lat":33.6012},"locationDescription":"健康东路与淮海南路路口"')
note_photo "$triage" "$PHOTOS/rubbish-before.jpg"
echo "case $triage: REPORTED, waiting in triage, with a staff photo"

# 2. A broken street light claimed by 城管 (CLAIMED).
light=$(hotline 12345-DEMO-0002 '"categoryCode":"BROKEN_STREET_LIGHT","description":"市民来电：城南小区南门路灯连续三晚不亮","point":{"lon":119.0216,"lat":33.6014},"locationDescription":"城南小区南门"')
advance "$light" CLAIMED "$URBAN" dept-urban
note_photo "$light" "$PHOTOS/street-light.jpg"
echo "case $light: CLAIMED by dept-urban, with a staff photo"

# 3. resident1's own report, handled and closed, ready for a rating (CLOSED).
DESCRIPTION='城南小区东门共享单车堆积堵塞通道（演示）'
closed=$(call GET '/api/cases/mine?size=100' "$RESIDENT" | tr '{' '\n' | grep -F "$DESCRIPTION" | field id || true)
if [[ -z "$closed" ]]; then
  closed=$(call POST /api/cases "$RESIDENT" "{\"categoryCode\":\"SHARED_BICYCLES_PILED\",\"description\":\"$DESCRIPTION\",\"point\":{\"lon\":119.0211,\"lat\":33.6010},\"locationDescription\":\"城南小区东门\"}" | field id)
fi
# the report's photo goes with the report (the reporter may add it only until the case is dispatched)
status=$(status_of "$closed")
if [[ "$(photos_of "$closed" REPORT)" == 0 && ( "$status" == REPORTED || "$status" == ACCEPTED ) ]]; then
  photo "$closed" "$RESIDENT" REPORT "$PHOTOS/bicycles.jpg" >/dev/null
fi
advance "$closed" CLOSED "$URBAN" dept-urban "$PHOTOS/gate-cleared.jpg"
echo "case $closed: CLOSED (resident1 may rate it), with photos before and after"

# 4. A road collapse needing several departments: whistled to 城管 and 住建; 城管 has reported in.
road=$(hotline 12345-DEMO-0004 '"categoryCode":"ROAD_DAMAGE","description":"市民来电：城南路人行道塌陷约一平方米","answers":{"damageType":"沉陷"},"point":{"lon":119.0219,"lat":33.6017},"locationDescription":"城南路人行道"')
advance "$road" ACCEPTED "$URBAN" dept-urban
if ! call GET "/api/cases/$road" "$ADMIN" | grep -q '"departmentId":"dept-housing"'; then
  call POST "/api/cases/$road/whistle" "$(dispatcher_of "$road")" \
    '{"departmentIds":["dept-urban","dept-housing"],"reason":"人行道塌陷疑涉地下管线，请城管、住建到场"}' >/dev/null
fi
if call GET "/api/cases/$road" "$ADMIN" | tr '{' '\n' | grep '"departmentId":"dept-urban"' | grep -q '"reportedIn":false'; then
  call POST "/api/cases/$road/report-in" "$URBAN" '{}' >/dev/null
fi
echo "case $road: ACCEPTED, whistled to dept-urban (reported in) and dept-housing (awaited)"

# 5. A case that cannot be handled yet (挂账): accepted, then parked with the reason, so the console's
#    挂账 review list has one to take up (销账恢复).
parked=$(hotline 12345-DEMO-0005 '"categoryCode":"ROAD_DAMAGE","description":"市民来电：城南小区北侧背街小巷路面破损，需整体翻修","answers":{"damageType":"坑槽"},"point":{"lon":119.0208,"lat":33.6019},"locationDescription":"城南小区北侧背街小巷"')
[[ "$(status_of "$parked")" == PARKED ]] || advance "$parked" ACCEPTED "$URBAN" dept-urban
if [[ "$(status_of "$parked")" == ACCEPTED ]]; then
  call POST "/api/cases/$parked/park" "$(dispatcher_of "$parked")" \
    '{"reason":"需列入明年背街小巷改造计划，资金到位后恢复办理"}' >/dev/null
fi
[[ "$(status_of "$parked")" == PARKED ]] || { echo "case $parked is $(status_of "$parked"), not PARKED" >&2; exit 1; }
echo "case $parked: PARKED (挂账), waiting for the 明年 renovation plan"
