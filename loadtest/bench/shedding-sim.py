#!/usr/bin/env python3
"""Compares shedding rules on a simulated Netty event loop, load-independently (docs/operations.md, "Overload").

The loop runs as Netty 4.2's does: one I/O batch (every request whose bytes are in), then the due tasks (timers,
the end-of-batch marker), then it blocks until the next arrival or timer. A judged verify costs JUDGE_US of CPU,
a refusal SHED_US. Optionally the process is CPU-capped like a cgroup quota (QUOTA of every PERIOD_MS).

Rules compared:
  old    shed when, at a request's head, the pending 100 ms probe timer is overdue by more than 100 ms
  codel  shed when the loop's probe lag (sampled when the 5 ms probe fires) stayed above the target for a whole
         interval (CoDel's standing queue), and then only the requests that waited longer than the target
         (time since the start of their loop batch + the last probe lag)

  python3 loadtest/bench/shedding-sim.py            # prints one line per scenario and rule
"""
import heapq
import random

JUDGE_US, SHED_US, HEAD_US = 100.0, 6.0, 4.0


class Loop:
    def __init__(self, rule, target_ms=20.0, interval_ms=100.0, probe_ms=5.0, exit_ms=1.0, quota=None, period_ms=10.0):
        self.rule, self.t = rule, 0.0                      # time in microseconds
        self.target, self.interval, self.probe = target_ms * 1e3, interval_ms * 1e3, probe_ms * 1e3
        self.quota, self.period = quota, period_ms * 1e3
        self.used_in_period, self.period_start = 0.0, 0.0
        self.due = (100e3 if rule == "old" else self.probe)
        self.last_lag, self.first_change, self.dropping = 0.0, None, False
        self.exit_level = exit_ms * 1e3
        self.batch_start = None
        self.served = False

    def run_cpu(self, us):
        """Advances the clock by `us` of CPU, frozen while the quota of the period is used up."""
        while us > 0:
            if self.quota is None:
                self.t += us
                return
            if self.t >= self.period_start + self.period:
                k = (self.t - self.period_start) // self.period
                self.period_start += k * self.period
                self.used_in_period = 0.0
            room = self.quota * self.period - self.used_in_period
            if room <= 0:
                self.t = self.period_start + self.period
                continue
            step = min(us, room, self.period_start + self.period - self.t)
            self.t += step
            self.used_in_period += step
            us -= step

    def fire_probe(self):
        lag = self.t - self.due
        if self.rule == "codel":
            lag = lag if self.served else 0.0      # late with no request read: the host, not a queue of ours
            self.served = False
            self.last_lag = lag
            # Enter when the lag stayed above the target for a whole interval; leave when it stayed below the
            # exit level for a whole interval (a single short batch in the middle of overload does not end it).
            above = lag >= (self.exit_level if self.dropping else self.target)
            if above == self.dropping:
                self.first_change = None
            elif self.first_change is None:
                self.first_change = self.t + self.interval
            elif self.t >= self.first_change:
                self.dropping, self.first_change = not self.dropping, None
        self.due = self.t + (100e3 if self.rule == "old" else self.probe)

    def shed(self):
        if self.rule == "old":
            return self.t - self.due > 100e3
        self.served = True
        waited = self.t - self.batch_start + self.last_lag
        if waited <= self.target:
            return False
        if not self.dropping and self.first_change is not None and self.t >= self.first_change:
            self.dropping, self.first_change = True, None   # still behind a whole interval later: standing
        return self.dropping


def simulate(rule, arrivals, stalls=(), cold_us=0.0, **kw):
    """arrivals: sorted arrival times (us). stalls: (at_us, length_us) blocking tasks. Returns a summary dict."""
    loop = Loop(rule, **kw)
    pending = list(arrivals)
    pending.reverse()
    stalls = sorted(stalls)
    judged, shed, first_judged = [], [], None
    while pending or stalls:
        # I/O batch: every request arrived by now.
        batch = []
        while pending and pending[-1] <= loop.t:
            batch.append(pending.pop())
        if batch:
            loop.batch_start = None
            for a in batch:
                if cold_us and not judged and not shed:
                    loop.run_cpu(cold_us)                       # the first request's own class loading and JIT
                loop.run_cpu(HEAD_US)
                if loop.batch_start is None:
                    loop.batch_start = loop.t
                if loop.shed():
                    loop.run_cpu(SHED_US)
                    shed.append(loop.t - a)
                else:
                    loop.run_cpu(JUDGE_US)
                    judged.append(loop.t - a)
                    if first_judged is None:
                        first_judged = len(shed) == 0
        # Tasks: a stall (a GC pause, a blocking call) uses up Netty's task quantum, so the next socket reads come
        # before the overdue probe; otherwise the probe if due.
        stalled = False
        while stalls and stalls[0][0] <= loop.t:
            loop.run_cpu(stalls.pop(0)[1])
            stalled = True
        if not stalled and loop.t >= loop.due:
            loop.fire_probe()
        if not batch and not (pending and pending[-1] <= loop.t):
            nxt = min([loop.due] + ([pending[-1]] if pending else []) + ([stalls[0][0]] if stalls else []))
            loop.t = max(loop.t, nxt)
    judged.sort()
    p99 = judged[int(0.99 * (len(judged) - 1))] / 1e3 if judged else 0.0
    worst_shed = max(shed) / 1e3 if shed else 0.0
    span = (arrivals[-1] - arrivals[0]) / 1e6
    return {"judged": len(judged), "shed": len(shed), "goodput/s": len(judged) / span if span > 0.1 else None,
            "p99_ms": p99, "first_judged": first_judged}


def poisson(rate_per_s, seconds, seed=1, start=0.0):
    rnd, t, out = random.Random(seed), start, []
    while t < start + seconds * 1e6:
        t += rnd.expovariate(rate_per_s / 1e6)
        out.append(t)
    return out


def main():
    global JUDGE_US
    capacity = 1e6 / JUDGE_US  # judged verifies a second of one core
    scenarios = [
        ("cold first request (1.5 s of its own class loading)", dict(arrivals=[0.0], cold_us=1.5e6)),
        ("burst: 300 at once on a warm loop", dict(arrivals=[1000.0] * 300)),
        ("burst: 300 at once, each 3x slower (half-warm JIT)", dict(arrivals=[1000.0] * 300, slow=3)),
        ("a 300 ms stall while 8 gates send", dict(arrivals=[150e3 + i for i in range(8)], stalls=[(100e3, 300e3)])),
        ("0.5x for 5 s with a 300 ms stall at 2 s",
         dict(arrivals=poisson(0.5 * capacity, 5), stalls=[(2e6, 300e3)])),
        ("0.9x for 5 s", dict(arrivals=poisson(0.9 * capacity, 5))),
        ("1.2x for 5 s", dict(arrivals=poisson(1.2 * capacity, 5))),
        ("2x for 5 s", dict(arrivals=poisson(2 * capacity, 5))),
        ("4x for 5 s", dict(arrivals=poisson(4 * capacity, 5))),
        ("cgroup 20 % of a core (10 ms period), 0.5x", dict(arrivals=poisson(0.1 * capacity, 5), quota=0.2)),
        ("cgroup 20 % of a core (10 ms period), 2x", dict(arrivals=poisson(0.4 * capacity, 5), quota=0.2)),
        ("cgroup 20 % of a core (10 ms period), 4x", dict(arrivals=poisson(0.8 * capacity, 5), quota=0.2)),
    ]
    base = JUDGE_US
    for name, params in scenarios:
        slow = params.pop("slow", 1)
        JUDGE_US = base * slow
        print(name)
        for rule in ("old", "codel"):
            r = simulate(rule, **params)
            goodput = f"{r['goodput/s']:8.0f}/s" if r["goodput/s"] is not None else "       -  "
            print(f"  {rule:6} judged {r['judged']:6d}  shed {r['shed']:6d}  goodput {goodput}"
                  f"  judged p99 {r['p99_ms']:8.1f} ms")
        JUDGE_US = base


if __name__ == "__main__":
    main()
