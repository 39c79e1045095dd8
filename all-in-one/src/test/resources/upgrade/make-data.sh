#!/usr/bin/env bash
# How data-a9cc066.zip was made (git worktree add /tmp/old a9cc066; ./mvnw -q package -DskipTests there;
# then this script; then zip -X of the three files). Makes a data directory with the previous release's jar (a9cc066): one holder with an activated
# address, exam results for it and for an address nobody claimed, and a certification.
set -euo pipefail
JAR=/tmp/old/all-in-one/target/certtrail-exec.jar; DATA=${1:-/tmp/olddata}; PORT=18090; B=http://127.0.0.1:$PORT
rm -rf "$DATA"
java -Xmx512m -jar $JAR --server.port=$PORT --certtrail.embedded.data-dir="$DATA" --certtrail.embedded.mongo-port=0 \
  --certtrail.embedded.smtp-port=0 --certtrail.identity.issuer=http://localhost:$PORT > /tmp/olddata.log 2>&1 & APP=$!
for i in $(seq 1 90); do curl -sf $B/actuator/health > /dev/null && break; sleep 1; done
field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
ALICE=$(curl -s -u alice:alice-demo -X POST $B/dev/tokens | field access_token)
CENTRE=$(curl -s -u exam-centre:exam-centre-demo -d grant_type=client_credentials -d scope=records.write $B/oauth2/token | field access_token)
C=$(curl -s -H "Authorization: Bearer $ALICE" -X POST $B/api/me/verification-challenges)
num() { case $1 in zero) echo 0;; one) echo 1;; two) echo 2;; three) echo 3;; four) echo 4;; five) echo 5;; six) echo 6;; seven) echo 7;; eight) echo 8;; nine) echo 9;; esac; }
set -- $(echo "$C" | sed -E 's/.*"What is ([a-z]+) plus ([a-z]+)\?".*/\1 \2/')
curl -s -o /dev/null -w "associate %{http_code}\n" -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
  -d "{\"email\":\"upgrade.alice@example.com\",\"verification\":{\"challengeId\":\"$(echo "$C" | field challengeId)\",\"answer\":\"$(( $(num $1) + $(num $2) ))\"},\"acceptPrivacyStatement\":true}" \
  $B/api/me/email-associations
for i in $(seq 1 50); do LINK=$(curl -s $B/dev/mails | { grep -o "http://localhost:$PORT/email-links/[A-Za-z0-9_-]*" || true; } | head -1); [ -n "$LINK" ] && break; sleep 0.2; done
curl -s -o /dev/null -w "activate %{http_code}\n" -X POST -H 'Accept: application/json' "$LINK"
post() { curl -s -o /dev/null -w "$1 %{http_code}\n" -H "Authorization: Bearer $CENTRE" -H 'Content-Type: application/json' -d "$2" $B/api/operator/records/$1; }
post exams '{"sourceRecordId":"UP-1","registrationNumber":"REG-UP-1","firstName":"Wan","lastName":"Li","email":"upgrade.alice@example.com","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-20","score":845,"passed":true}'
post exams '{"sourceRecordId":"UP-2","registrationNumber":"REG-UP-2","firstName":"Unclaimed","lastName":"Candidate","email":"upgrade.nobody@example.com","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-21","score":610,"passed":true}'
post certifications '{"sourceRecordId":"UPC-1","email":"upgrade.alice@example.com","certificationName":"HCIA-Datacom","certificateNumber":"0700000000000000001","effectiveDate":"2026-03-01","expirationDate":"2029-03-01","renewal":false}'
sleep 3
curl -s $B/api/public/certificates/0700000000000000001; echo
kill -TERM $APP; wait $APP || true
ls -la "$DATA"
