#!/usr/bin/env python3
"""Reads the runs of goodput-curve.sh and prints the table of docs/performance.md; draws goodput.svg.

  python3 loadtest/bench/goodput-report.py OUT CAPACITY QUOTA GW_CPU HOLD [SECONDS]

SECONDS, for a gate fleet: how long every gate scanned; offered is then what the gates scanned a second (sent, or
refused by a throttling gate itself; a gate whose answer outlasts its pace scans less than the nominal rate).

Per step: offered (arrivals/s), goodput (answered 200 with the decision the policy expects, /s), shed (503
overloaded, the gateway's counter), other refusals (503 timeout or too_many_connections, 429), closed (no HTTP
answer: premature close, reset, client timeout), p99 of the judged and of the refusals (Gatling, ms), and the CPU
of the generator and of the gateway during the hold. A second table reads the hold alone from the gateway's own
counters (scraped at its start and end): judged and shed a second once every gate is connected, without the ramp.
"""
import re
import sys
from pathlib import Path

out, capacity, quota, cap_cpu, hold = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
fleet_seconds = float(sys.argv[6]) if len(sys.argv) > 6 else None


def metric(text, name, **labels):
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def gatling(text):
    """Returns the final Global Information block's counts and percentiles, and the errors by kind."""
    block = text[text.rfind("---- Global Information"):]
    row = lambda label: [c.strip() for c in re.search(r"> " + re.escape(label) + r".*", block).group(0).split("|")[1:4]]
    num = lambda v: float(v.replace(",", "")) if v not in ("-", "") else float("nan")
    total, ok, ko = (num(v) for v in row("request count"))
    p99 = [num(v) for v in row("response time 99th percentile (ms)")]
    errors = {"503": 0, "429": 0, "other status": 0, "closed": 0, "timeout": 0, "wrong answer": 0}
    errs = block[block.find("---- Errors"):]
    for line in errs.splitlines()[1:]:
        m = re.match(r"> (.*?)\s+([\d,]+)\s+\(", line)
        if not m:
            continue
        what, count = m.group(1), int(m.group(2).replace(",", ""))
        found = re.search(r"found (\d{3})", what)
        if found:
            key = found.group(1) if found.group(1) in ("503", "429") else "other status"
        elif re.search(r"timeout|timed out", what, re.I):
            key = "timeout"
        elif re.search(r"closed|reset|refused|premature|connect", what, re.I):
            key = "closed"
        else:
            key = "wrong answer"
        errors[key] += count
    gate = re.search(r"gates refused (\d+) scans themselves", text)
    return total, ok, ko, p99[1], p99[2], errors, int(gate.group(1)) if gate else 0


rows = []
for n, line in enumerate((out / "steps.txt").read_text().splitlines(), start=1):
    m, rate, gen_cpu, gw_cpu, *held = line.split()
    g = gatling((out / f"gatling-{n}.txt").read_text(errors="replace"))
    before = (out / f"metrics-{n}-before.txt").read_text()
    after = (out / f"metrics-{n}-after.txt").read_text()
    delta = lambda name, **l: metric(after, name, **l) - metric(before, name, **l)
    shed = delta("hc_requests_refused_total", endpoint="/v1/verify", error="overloaded")
    timeouts = delta("hc_requests_refused_total", endpoint="/v1/verify", error="timeout")
    conns = delta("hc_requests_refused_total", endpoint="/v1/verify", error="too_many_connections")
    total, ok, ko, p99_ok, p99_ko, errors, at_gate = g
    seconds = fleet_seconds or (total / float(rate) if float(rate) else hold)
    rows.append(dict(m=float(m), offered=(total + at_gate) / seconds if fleet_seconds else float(rate),
                     at_gate=at_gate / seconds, sent=total, goodput=ok / seconds, shed=shed / seconds,
                     other=(timeouts + conns + errors["429"]) / seconds, closed=(errors["closed"] + errors["timeout"]) / seconds,
                     wrong=errors["wrong answer"] + errors["other status"], p99_ok=p99_ok, p99_ko=p99_ko,
                     gen_cpu=float(gen_cpu), gw_cpu=float(gw_cpu)))
    h0, h1 = out / f"metrics-{n}-hold0.txt", out / f"metrics-{n}-hold1.txt"
    if held and h0.exists() and h1.exists():
        a, b, secs = h0.read_text(), h1.read_text(), float(held[0])
        hd = lambda name, **l: (metric(b, name, **l) - metric(a, name, **l)) / secs
        rows[-1]["hold"] = dict(secs=secs, judged=hd("hc_http_requests_total", route="/v1/verify", code="200"),
                                shed=hd("hc_requests_refused_total", endpoint="/v1/verify", error="overloaded"),
                                other=hd("hc_http_requests_total", route="/v1/verify", code="503")
                                - hd("hc_requests_refused_total", endpoint="/v1/verify", error="overloaded")
                                + hd("hc_http_requests_total", route="/v1/verify", code="429"))

print(f"## goodput-curve: capacity {capacity:.0f} judged/s at {quota} of a core (measured at {cap_cpu} of a core)\n")
print("| step | offered /s | goodput /s | of capacity | shed 503 /s | other refusals /s | closed or timed out /s "
      "| refused at the gate /s | wrong answers | p99 judged ms | p99 refused ms | generator CPU | gateway CPU |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    flag = "" if r["gen_cpu"] < 0.8 else " (generator limited!)"
    print(f"| {r['m']:g}x | {r['offered']:.0f} | {r['goodput']:.0f} | {r['goodput'] / capacity:.0%} | {r['shed']:.0f} "
          f"| {r['other']:.0f} | {r['closed']:.0f} | {r['at_gate']:.0f} | {r['wrong']:.0f} | {r['p99_ok']:.0f} | {r['p99_ko']:.0f} "
          f"| {r['gen_cpu']:.0%}{flag} | {r['gw_cpu']:.0%} |")
if any("hold" in r for r in rows):
    print("\nThe hold alone, from the gateway's counters (every gate connected; no ramp):\n")
    print("| step | seconds | judged /s | of capacity | shed 503 /s | other 503/429 /s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        if "hold" in r:
            h = r["hold"]
            print(f"| {r['m']:g}x | {h['secs']:.0f} | {h['judged']:.0f} | {h['judged'] / capacity:.0%} | {h['shed']:.0f} "
                  f"| {h['other']:.0f} |")
limited = [r for r in rows if r["gen_cpu"] >= 0.8]
print("\nThe generator was " + ("the limit at " + ", ".join(f"{r['m']:g}x" for r in limited) + ": those steps say "
                                "nothing" if limited else "never the limit (its CPU < 80 % of its core in every hold)") + ".")

# --- The curve, as an SVG: offered on x, answers a second on y, capacity as a dashed line.
W, H, L, B, T, R = 640, 400, 70, 50, 30, 150
xmax = max(r["offered"] for r in rows) * 1.05
ymax = max(max(r["offered"] for r in rows), capacity) * 1.05
x = lambda v: L + (W - L - R) * v / xmax
y = lambda v: H - B - (H - B - T) * v / ymax
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>',
       f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>',
       f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">offered (scans arriving a second)</text>',
       f'<text x="16" y="{(T + H - B) / 2}" transform="rotate(-90 16 {(T + H - B) / 2})" text-anchor="middle">'
       f'answers a second</text>',
       f'<text x="{L}" y="18">MetroMorningPeak against a gateway capped at {quota} of a core</text>']
for i in range(6):
    v = xmax * i / 5
    svg.append(f'<text x="{x(v):.0f}" y="{H - B + 16}" text-anchor="middle">{v:.0f}</text>')
    v = ymax * i / 5
    svg.append(f'<text x="{L - 6}" y="{y(v) + 4:.0f}" text-anchor="end">{v:.0f}</text>')
svg.append(f'<line x1="{x(0)}" y1="{y(capacity):.1f}" x2="{x(xmax):.1f}" y2="{y(capacity):.1f}" stroke="grey" '
           f'stroke-dasharray="4 4"/><text x="{x(xmax) + 4:.0f}" y="{y(capacity) + 4:.0f}">capacity</text>')
series = [("goodput", "goodput", "#1a7f37"), ("shed", "shed (503, at once)", "#bf8700"),
          ("closed", "closed or timed out", "#cf222e")]
for i, (key, label, colour) in enumerate(series):
    pts = " ".join(f"{x(r['offered']):.1f},{y(r[key]):.1f}" for r in rows)
    svg.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for r in rows:
        svg.append(f'<circle cx="{x(r["offered"]):.1f}" cy="{y(r[key]):.1f}" r="3" fill="{colour}"/>')
    svg.append(f'<rect x="{W - R + 10}" y="{T + 20 * i}" width="12" height="3" fill="{colour}"/>'
               f'<text x="{W - R + 26}" y="{T + 20 * i + 5}">{label}</text>')
svg.append("</svg>")
(out / "goodput.svg").write_text("\n".join(svg) + "\n")
