#!/usr/bin/env python3
"""One reader alone against a running benchmark application: the partner view's pages and audit
histories, as in the benchmark's last phase, for when a run cannot reach that phase (README,
Figures: the full preset). Usage: scripts/measure-reads.py <port of the application>. Users and the
password are the benchmark's (benchmark.properties in its directory)."""
import http.client, json, base64, time, random, sys, statistics
HOST, PORT = "127.0.0.1", int(sys.argv[1])
def token(user):
    c = http.client.HTTPConnection(HOST, PORT)
    c.request("POST", "/dev/tokens", headers={"Authorization": "Basic " + base64.b64encode(f"{user}:bench-pass".encode()).decode()})
    return json.loads(c.getresponse().read())["access_token"]
def run(label, user, paths, n):
    t = token(user); c = http.client.HTTPConnection(HOST, PORT); lat = []; bad = 0
    for i in range(n):
        p = paths(i); s = time.perf_counter()
        c.request("GET", p, headers={"Authorization": "Bearer " + t, "Accept": "application/json"})
        r = c.getresponse(); body = r.read(); lat.append((time.perf_counter() - s) * 1000)
        if r.status != 200: bad += 1
    lat.sort()
    print(f"{label}: n={n} p50={lat[n//2]:.1f} ms p90={lat[int(n*0.9)]:.1f} ms p99={lat[int(n*0.99)]:.1f} ms max={lat[-1]:.1f} ms non-200={bad}")
random.seed(7)
run("partner view first page, largest company (10,000 employees)", "admin0", lambda i: "/api/partner/employees?size=20", 300)
run("partner view page 250 of 500, sorted by name", "admin0", lambda i: "/api/partner/employees?size=20&page=250", 100)
run("one account's audit history", "audrey", lambda i: f"/api/audit/accounts/bench-acct-{random.randrange(100000)}/events", 1000)
run("audit search by account", "audrey", lambda i: f"/api/audit/events?accountId=bench-acct-{random.randrange(100000)}&size=50", 300)
