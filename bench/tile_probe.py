#!/usr/bin/env python3
# A first latency probe of the tile server (not yet issue 3's benchmark, which adds pgbench, nginx and
# the martin-style baseline): per layer and zoom, N tiles at randomly sampled request points, fetched
# one after another, uncached, for a one-year range (or the query string given).
# Usage: bench/tile_probe.py PORT DATABASE N [QUERY]   (./srmap serve --port PORT against DATABASE)
import sys, math, random, time, urllib.request, subprocess, statistics
port, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
pts = subprocess.run(["psql","-X","-qtA","-h","localhost","-U","srmap","-d",db,"-c",
    "SELECT ST_X(geom), ST_Y(geom) FROM service_request TABLESAMPLE SYSTEM (0.1) WHERE geom IS NOT NULL LIMIT 2000"],
    capture_output=True, text=True, env={"PGPASSWORD":"srmap","PATH":"/usr/bin:/bin"}).stdout.split()
pts = [tuple(map(float, p.split("|"))) for p in pts]
random.seed(1)
def tile(z, lon, lat):
    n2 = 2 ** z; r = math.radians(lat)
    return int((lon + 180) / 360 * n2), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n2)
q = sys.argv[4] if len(sys.argv) > 4 else "from=2024-01-01&to=2024-12-31"
LAYERS = sys.argv[5].split(",") if len(sys.argv) > 5 else ["districts", "hexbins", "requests"]
for layers, zooms in [(l, z) for l, z in (("districts", range(10, 14)), ("hexbins", range(10, 14)), ("requests", range(14, 17))) if l in LAYERS]:
    for z in zooms:
        ts = []; sizes = []
        for i in range(n):
            lon, lat = random.choice(pts); x, y = tile(z, lon, lat)
            url = f"http://localhost:{port}/tiles/{layers}/{z}/{x}/{y}.mvt?{q}"
            t0 = time.perf_counter(); body = urllib.request.urlopen(url).read(); ts.append((time.perf_counter() - t0) * 1000); sizes.append(len(body))
        ts.sort()
        print(f"{layers:9s} z{z}: p50 {statistics.median(ts):7.1f} ms  p99 {ts[min(len(ts)-1, int(len(ts)*0.99))]:7.1f} ms  max {ts[-1]:7.1f}  bytes p50 {int(statistics.median(sizes))}", flush=True)
