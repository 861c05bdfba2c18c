#!/usr/bin/env bash
# Screenshots of what the glass module draws, for the docs (run by hand, not in CI):
# the heap map, a reference graph and the memory report of examples/memory_tour.py,
# each written by the release binary and photographed by headless Chromium.
#   needs: cargo build --release; chromium (apt-get install -y chromium)
# Writes docs/images/glass_map.png, glass_graph.png, memory_report.png and
# docs/memory_report.html (the report itself, linked from the README).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/glasspy
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
OUT=docs/images
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

cat > "$WORK/pictures.py" <<'PY'
import sys
import glass

class Order:
    def __init__(self, n):
        self.number = n
        self.lines = [("widget", 2, 9.5), ("gadget", 1, 24.0)]
        self.customer = {"name": "Ada", "city": "London"}

orders = [Order(n) for n in range(300)]
floats = [n * 0.5 for n in range(500)]
glass.map(sys.argv[1])
cart = {"owner": orders[0].customer["name"], "items": orders[0].lines}
glass.graph(cart, sys.argv[2], depth=3)
PY
"$BIN" "$WORK/pictures.py" "$WORK/map.html" "$WORK/graph.svg"
"$BIN" --memory-report docs/memory_report.html examples/memory_tour.py > /dev/null

shot() { # file, png, width, height
  "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="$3,$4" --screenshot="$2" "file://$(realpath "$1")" 2>/dev/null
}
shot "$WORK/map.html" "$OUT/glass_map.png" 1200 900
shot "$WORK/graph.svg" "$OUT/glass_graph.png" 1380 520
shot docs/memory_report.html "$OUT/memory_report.png" 1100 1400
ls -l "$OUT"/glass_map.png "$OUT"/glass_graph.png "$OUT"/memory_report.png docs/memory_report.html
