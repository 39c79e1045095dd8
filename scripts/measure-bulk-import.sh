#!/usr/bin/env bash
# Measures a bulk import on the embedded default: starts the built all-in-one jar with a small heap
# on a fresh data directory, imports N exam results as CSV, and prints how long the import took,
# how long until the last record was visible to its holder, and the memory used.
#   ./mvnw -q install -DskipTests && scripts/measure-bulk-import.sh [records, default 100000] [heap, default 256m]
# EXTRA_ARGS="--some.setting=value" passes settings to the application, to compare configurations.
# JVM_ARGS passes JVM options, e.g. JVM_ARGS=-XX:StartFlightRecording=filename=/tmp/import.jfr,settings=profile
set -euo pipefail
N=${1:-100000}; HEAP=${2:-256m}; PORT=18080; B=http://127.0.0.1:$PORT
cd "$(dirname "$0")/.."
WORK=$(mktemp -d); trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
# N results over N/3 addresses (about three per person); the last line is for real0@example.com
awk -v n="$N" 'BEGIN { print "sourceRecordId,registrationNumber,firstName,lastName,email,examCode,examName,examDate,score,passed";
  a = int(n / 3); for (i = 0; i < n; i++) { k = (i == n - 1) ? 0 : i % a;
  printf "R-%d,REG-%d,Given%d,Family%d,real%d@example.com,H12-%03d,HCIA-Datacom,2026-02-%02d,%d,true\n", i, i, k, k, k, i % 900, 1 + i % 27, 500 + i % 500 } }' > "$WORK/exams.csv"
java -Xmx"$HEAP" -XX:+UseSerialGC ${JVM_ARGS:-} -jar all-in-one/target/certtrail-exec.jar --server.port=$PORT \
  --certtrail.embedded.data-dir="$WORK/data" --certtrail.embedded.mongo-port=0 --certtrail.embedded.smtp-port=0 \
  --certtrail.identity.issuer=http://localhost:$PORT ${EXTRA_ARGS:-} > "$WORK/app.log" 2>&1 & APP=$!
for i in $(seq 1 90); do curl -sf $B/actuator/health > /dev/null && break; sleep 1; done
field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
ALICE=$(curl -s -u alice:alice-demo -X POST $B/dev/tokens | field access_token)
CENTRE=$(curl -s -u exam-centre:exam-centre-demo -d grant_type=client_credentials -d scope=records.write $B/oauth2/token | field access_token)
# Alice associates real0@example.com first (answering the built-in verification question)
C=$(curl -s -H "Authorization: Bearer $ALICE" -X POST $B/api/me/verification-challenges)
num() { case $1 in one) echo 1;; two) echo 2;; three) echo 3;; four) echo 4;; five) echo 5;; six) echo 6;; seven) echo 7;; eight) echo 8;; nine) echo 9;; esac; }
set -- $(echo "$C" | sed -E 's/.*"What is ([a-z]+) plus ([a-z]+)\?".*/\1 \2/')
curl -s -o /dev/null -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
  -d "{\"email\":\"real0@example.com\",\"verification\":{\"challengeId\":\"$(echo "$C" | field challengeId)\",\"answer\":\"$(( $(num $1) + $(num $2) ))\"},\"acceptPrivacyStatement\":true}" \
  $B/api/me/email-associations
for i in $(seq 1 50); do  # the activation mail goes out once the association is recorded
  LINK=$(curl -s $B/dev/mails | { grep -o "http://localhost:$PORT/email-links/[A-Za-z0-9_-]*" || true; } | head -1)
  [ -n "$LINK" ] && break; sleep 0.2
done
curl -s -o /dev/null -X POST -H 'Accept: application/json' "$LINK"
EXPECTED=$(awk -F, 'NR > 1 && $5 == "real0@example.com"' "$WORK/exams.csv" | wc -l)
cpu() { awk '{ print $14 + $15 }' /proc/$APP/stat; }  # the JVM's user + system time, in clock ticks
cpu0=$(cpu); start=$(date +%s.%N)
curl -s -H "Authorization: Bearer $CENTRE" -H 'Content-Type: text/csv' --data-binary @"$WORK/exams.csv" \
  $B/api/operator/record-imports/exams > "$WORK/report.ndjson"
end=$(date +%s.%N); cpu1=$(cpu)
count() { curl -s -H "Authorization: Bearer $ALICE" "$B/api/me/exams?size=1" | field totalElements; }
until [ "$(count)" = "$EXPECTED" ]; do sleep 0.2; done
visible=$(date +%s.%N)
echo "records:            $N (heap limit $HEAP)"
echo "import report:      $(tail -1 "$WORK/report.ndjson")"
echo "import took:        $(echo "$end - $start" | bc) s"
echo "import CPU:         $(echo "scale=1; ($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc) s of the JVM's (both cores: up to twice the import's time)"
echo "all visible after:  $(echo "$visible - $end" | bc) s more"
echo "heap in use:         $(jcmd $APP GC.heap_info | grep -E 'generation' | grep -oE 'used [0-9]+K' | awk '{ s += $2 } END { print int(s / 1024) " MB" }') of $HEAP; process RSS $(( $(ps -o rss= -p $APP) / 1024 )) MB"
echo "data directory:     $(du -sh "$WORK/data" | cut -f1)"
