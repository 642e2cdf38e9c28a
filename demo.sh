#!/usr/bin/env bash
# Starts the CareAccess demo on http://localhost:8080: the Keycloak distribution from Maven Central,
# the CareAccess JAR built from this checkout, the realms of realm-config/, the embedded dev
# database (fresh on every start) and texts written to this console by the 'log' SMS provider;
# beside it the demo portal (demo-portal/) on http://localhost:3000, where sign-ins end.
# Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${CAREACCESS_DEMO_PORT:-8080}"
MANAGEMENT_PORT="${CAREACCESS_DEMO_MANAGEMENT_PORT:-9000}"
PORTAL_PORT="${CAREACCESS_DEMO_PORTAL_PORT:-3000}"
DEMO_DIR="$PWD/.demo"

echo "==> Building the CareAccess JAR"
./mvnw -q -DskipTests package
KEYCLOAK_VERSION=$(./mvnw -q -N help:evaluate -Dexpression=keycloak.version -DforceStdout)
PROJECT_VERSION=$(./mvnw -q -N help:evaluate -Dexpression=project.version -DforceStdout)
JAR="bundle/target/careaccess-keycloak-${PROJECT_VERSION}.jar"
PORTAL_JAR="demo-portal/target/careaccess-demo-portal-runnable.jar"
KC_HOME="$DEMO_DIR/keycloak-${KEYCLOAK_VERSION}"

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo "==> Downloading Keycloak ${KEYCLOAK_VERSION} from Maven Central"
  ./mvnw -q -N dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" -DoutputDirectory="$DEMO_DIR"
fi

echo "==> Installing the JAR and the realms"
rm -f "$KC_HOME"/providers/careaccess-keycloak-*.jar
cp "$JAR" "$KC_HOME/providers/"
rm -rf "$KC_HOME/data"
mkdir -p "$KC_HOME/data/import"
cp realm-config/*-realm.json "$KC_HOME/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME=admin
export KC_BOOTSTRAP_ADMIN_PASSWORD=admin
# Ofcom's drama range (07700 900xxx) is not a valid number to libphonenumber; the demo uses it.
export CAREACCESS_ALLOW_DRAMA_NUMBERS=true
# Demo-only secrets for the realm-config/ placeholders.
export CAREACCESS_ISSUER_SECRET="${CAREACCESS_ISSUER_SECRET:-demo-issuer-secret}"
export CAREACCESS_PORTAL_SECRET="${CAREACCESS_PORTAL_SECRET:-demo-portal-secret}"
export CAREACCESS_PORTAL_URL="${CAREACCESS_PORTAL_URL:-http://localhost:${PORTAL_PORT}/patients}"
# Staff realm: this server's URL (NHSmail stand-in), mail to the catcher demo/seed-staff.sh starts, demo secrets.
export CAREACCESS_BASE_URL="${CAREACCESS_BASE_URL:-http://localhost:${PORT}}"
export CAREACCESS_SMTP_PORT="${CAREACCESS_SMTP_PORT:-2525}"
export CAREACCESS_STAFF_PORTAL_SECRET="${CAREACCESS_STAFF_PORTAL_SECRET:-demo-staff-portal-secret}"
export CAREACCESS_STAFF_PORTAL_URL="${CAREACCESS_STAFF_PORTAL_URL:-http://localhost:${PORTAL_PORT}/staff}"
export CAREACCESS_NHSMAIL_CLIENT_SECRET="${CAREACCESS_NHSMAIL_CLIENT_SECRET:-demo-nhsmail-secret}"

echo "==> Starting Keycloak on http://localhost:${PORT} (log also in $DEMO_DIR/server.log)"
"$KC_HOME/bin/kc.sh" start-dev --import-realm --http-port="$PORT" --http-management-port="$MANAGEMENT_PORT" \
  --health-enabled=true 2>&1 | tee "$DEMO_DIR/server.log" &
SERVER=$!
echo "==> Starting the demo portal on http://localhost:${PORTAL_PORT} (log in $DEMO_DIR/portal.log)"
CAREACCESS_DEMO_PORTAL_PORT="$PORTAL_PORT" CAREACCESS_KEYCLOAK_URL="http://localhost:${PORT}" \
  java -jar "$PORTAL_JAR" >"$DEMO_DIR/portal.log" 2>&1 &
PORTAL=$!
trap 'kill $SERVER $PORTAL 2>/dev/null; pkill -f "$KC_HOME" 2>/dev/null; wait' INT TERM EXIT

until curl -sf "http://localhost:${MANAGEMENT_PORT}/health/ready" >/dev/null; do
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "Keycloak did not start; see $DEMO_DIR/server.log"; exit 1; fi
  sleep 2
done

# Demo data (sample links, staff accounts): each demo/seed-*.sh prints what it made.
for seed in demo/seed-*.sh; do
  [ -x "$seed" ] && PORT="$PORT" PORTAL_PORT="$PORTAL_PORT" "$seed"
done

cat <<INFO

CareAccess demo is running.
  Admin console:          http://localhost:${PORT}/admin/  (admin / admin)
  Patients realm:         http://localhost:${PORT}/realms/patients/.well-known/openid-configuration
  Staff realm:            http://localhost:${PORT}/realms/staff/.well-known/openid-configuration
  Patient portal (demo):  ${CAREACCESS_PORTAL_URL}/   (where the sample link ends)
  Staff portal (demo):    ${CAREACCESS_STAFF_PORTAL_URL}/   (Sign in, then "Reset two-factor authentication")
Texts are not sent: each appears in this console as a 'careaccess-sms to=... text="..."' line.
Press Ctrl-C to stop.
INFO
wait $SERVER
