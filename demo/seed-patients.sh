#!/usr/bin/env bash
# Demo data for patient link access: issues a sample link through the issuer API (the way a
# practice's messaging system would) and prints the link and the date of birth to type.
# Run by demo.sh once Keycloak is up; PORT is its HTTP port.
set -euo pipefail

PORT="${PORT:-8080}"
BASE="http://localhost:${PORT}/realms/patients"
SECRET="${CAREACCESS_ISSUER_SECRET:-demo-issuer-secret}"

json_field() { # json_field <name>: reads JSON on stdin, prints one top-level string field
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s)[process.argv[1]];if(v===undefined){process.exit(1)}console.log(v)})' "$1"
}

TOKEN=$(curl -sf -X POST "${BASE}/protocol/openid-connect/token" \
  -d grant_type=client_credentials -d client_id=link-issuer --data-urlencode "client_secret=${SECRET}" | json_field access_token)

# Made-up patient: Ofcom drama-range mobile, NHS number from the 999 test range (DESIGN.md section 6).
LINK=$(curl -sf -X POST "${BASE}/careaccess/links" \
  -H "Authorization: Bearer ${TOKEN}" -H "Content-Type: application/json" \
  -d '{"birthDate":"1984-03-15","mobile":"07700 900123","nhsNumber":"9990000018","givenName":"Alex","familyName":"Example","purpose":"questionnaire","resource":"q-demo-1","expiresInDays":30}')
URL=$(echo "$LINK" | json_field url)
ID=$(echo "$LINK" | json_field id)

cat <<INFO

Sample patient link (questionnaire, expires in 30 days, link id ${ID}):
  ${URL}
  Date of birth to type: 15 / 3 / 1984
  The link ends in the demo patient portal, which shows the patient, the link's purpose and resource,
  and how the patient proved it (amr).
  The first browser to open it becomes its trusted device (no code). Open it again in another
  browser or a private window to get the "Check your phone" step: the texted code appears in
  this console as a 'careaccess-sms to=+447700900123 text="..."' line.
  Or press "Continue to NHS login" and sign in at the NHS login stand-in (realm nhs-login-stub) as
  careaccess-demo.patient@example.org / nhs-login-demo: no date of birth, no code, and that browser
  becomes the link's trusted device. The portal's own sign-in without a link offers NHS login too:
  ${CAREACCESS_PORTAL_URL:-http://localhost:${PORTAL_PORT:-3000}/patients}/sign-in
  Issue more links: POST ${BASE}/careaccess/links (client link-issuer, see README "Patient link access").
INFO
