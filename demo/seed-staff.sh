#!/usr/bin/env bash
# Demo data for staff sign-in: a mail catcher that prints the staff realm's email (sign-in links,
# 2FA reset notices) to this console, and a staff account with a password. Run by demo.sh once
# Keycloak is ready (PORT = its HTTP port); prints how to sign in.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8080}"
SMTP_PORT="${CAREACCESS_SMTP_PORT:-2525}"
BASE="http://localhost:${PORT}"
STAFF_EMAIL="demo.staff@example.org"
STAFF_PASSWORD="${CAREACCESS_DEMO_STAFF_PASSWORD:-demo-staff-password}"

# The mail catcher follows demo.sh (this script's parent) and stops with it.
java demo/MailCatcher.java "$SMTP_PORT" "$PPID" &

TOKEN=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
  "${BASE}/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "${BASE}/admin/realms/staff/users" \
  -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: application/json' \
  -d "{\"username\":\"${STAFF_EMAIL}\",\"email\":\"${STAFF_EMAIL}\",\"emailVerified\":true,\"enabled\":true,
       \"firstName\":\"Demo\",\"lastName\":\"Staff\",
       \"credentials\":[{\"type\":\"password\",\"value\":\"${STAFF_PASSWORD}\",\"temporary\":false}]}")
case "$status" in
  201|409) ;;
  *) echo "seed-staff: could not create the demo staff account (HTTP ${status})"; exit 1 ;;
esac

cat <<INFO

Staff sign-in (realm "staff") through the demo staff portal: ${CAREACCESS_STAFF_PORTAL_URL:-http://localhost:${PORTAL_PORT:-3000}/staff}/sign-in
  Email and password:  ${STAFF_EMAIL} / ${STAFF_PASSWORD}
                       then set up two-factor authentication (texts appear in this console)
  Sign-in link:        type ${STAFF_EMAIL} and choose "Email me a sign-in link";
                       the email, with its link, appears in this console (open it in the same browser)
  NHSmail (stand-in):  "Log in with NHSmail", then careaccess-demo.clinician@nhs.net / nhsmail-demo
                       (careaccess-demo.partner@example.org is refused: not an NHSmail domain)
  Reset 2FA: the staff portal's "Reset two-factor authentication" link, after signing in
    (an authorization request with kc_action=careaccess-reset-2fa)
INFO
