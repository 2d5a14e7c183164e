#!/usr/bin/env python3
"""numpy reference for runcost's closed-form billing families (per-request, shared-instance,
cpu-time) over a log-spaced requests grid, for `runcost-bench scale` to compare throughput with.

Reads the offering constants runcost-bench writes (closed-form.json); prints the median
evaluations per second of 5 runs and the total of every cost (to check both computed the same
grid). The formulas mirror Sources/RunCostCore/{PerRequest,SharedInstance,CPUTime}Billing.swift.

    python3 bench/closed_form.py /tmp/runcost-bench-scale-PID/closed-form.json
"""
import json
import sys
import time

import numpy as np


def round_up(x, step):
    """Sources/RunCostCore/Infeasibility.swift roundUp: ceil with a 1e-9 tolerance."""
    if step <= 0:
        return x
    q = x / step
    whole = float(int(q))
    return (whole if q - whole <= 1e-9 * max(1.0, whole) else whole + 1) * step


def tiered(quantity, tiers):
    total = np.zeros_like(quantity)
    floor = 0.0
    for up_to, price in tiers:
        top = np.inf if up_to is None else up_to
        total += np.clip(np.minimum(quantity, top) - floor, 0, None) * price
        floor = top
    return total


def per_request(r, o):
    cost = np.maximum(0, r - o["free_requests"]) * o["request_price"]
    if o["gb_tiers"] is not None:
        billable = np.maximum(0, r * o["seconds"] * o["gb"] - o["free_gb_seconds"])
        tiers = o["gb_tiers"]
        cost += billable * tiers[0][1] if len(tiers) == 1 else tiered(billable, tiers)
    if o["vcpu_second"] is not None:
        cost += np.maximum(0, r * o["seconds"] * o["vcpu"] - o["free_vcpu_seconds"]) * o["vcpu_second"]
    if o["storage_gb"] is not None:
        cost += o["storage_gb"] * r * o["seconds"] * o["storage_gb_second"]
    return cost


def up_share(rate, hold, minimum, step):
    """SharedInstancePricing.upShare: one instance's up share at Poisson rate `rate` (an array)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        load = rate * hold
        merged = np.expm1(np.minimum(load, 40)) / rate
        period = np.maximum(minimum, merged + round_up(hold, step) - hold)
        x = rate * period
        up = x / (1 + x)
    return np.where(rate > 0, np.where(load < 40, up, 1.0), 0.0)


def shared_instance(r, o, levels, hours):
    """Sources/RunCostCore/SharedInstanceBilling.swift: active, lifetime-waiting and idle instance time
    per traffic level (CPU floor, autoscaler target, activity periods), then the rates."""
    month = hours * 3600
    rps = r / month
    active_s = np.zeros_like(r)
    waiting_s = np.zeros_like(r)
    idle_s = np.zeros_like(r)
    u, d = o["target_utilization"], o["duration"]
    for mult, share in levels:
        rate = rps * mult
        packed = np.maximum(rate * d / (o["concurrency"] * u), rate * o["cpu_seconds"] / (o["vcpu"] * u))
        alone = np.where(packed >= 1, 0.0, up_share(rate, d, o["minimum_activity"], o["granularity"]))
        active = np.maximum(alone, packed)
        if o["lifetime"] > 0:
            lived = np.maximum(up_share(rate, d + o["lifetime"], o["minimum_activity"], o["granularity"]), packed)
            running = np.where(packed < 1, lived, active)
        else:
            running = active
        seconds = share * month
        active_s += active * seconds
        waiting_s += (running - active) * seconds
        idle_s += np.maximum(0, o["warm"] - running) * seconds
    waiting_active = waiting_s if o["waiting_active"] else 0.0
    billed_s = active_s + waiting_active
    cost = np.zeros_like(r)
    if o["vcpu_second"] > 0:
        cost += np.maximum(0, billed_s * o["vcpu"] - o["free_vcpu_seconds"]) * o["vcpu_second"]
    cost += np.maximum(0, billed_s * o["gib"] - o["free_gb_seconds"]) * o["gib_second"]
    if o["request_price"] > 0:
        cost += np.maximum(0, r - o["free_requests"]) * o["request_price"]
    idle_rate_s = idle_s + (0.0 if o["waiting_active"] else waiting_s)
    idle_rate = o["vcpu"] * o["idle_vcpu_second"] + o["gib"] * o["idle_gib_second"]
    if idle_rate > 0:
        cost += np.where(idle_rate_s > 0, idle_rate_s * idle_rate, 0.0)
    return cost


def cpu_time(r, o):
    cpu_ms = r * o["cpu_seconds"] * 1000
    return (o["monthly_fee"] + np.maximum(0, r - o["included_requests"]) * o["request_overage"]
            + np.maximum(0, cpu_ms - o["included_cpu_ms"]) * o["cpu_ms_overage"])


def main():
    spec = json.load(open(sys.argv[1]))
    n = int(spec["points"])
    t = np.arange(n) / (n - 1)
    offerings = len(spec["per_request"]) + len(spec["shared_instance"]) + len(spec["cpu_time"])
    rates, total = [], 0.0
    for _ in range(5):
        start = time.perf_counter()
        r = spec["from"] * (spec["to"] / spec["from"]) ** t
        costs = [per_request(r, o) for o in spec["per_request"]]
        costs += [shared_instance(r, o, spec["levels"], spec["hours"]) for o in spec["shared_instance"]]
        costs += [cpu_time(r, o) for o in spec["cpu_time"]]
        elapsed = time.perf_counter() - start
        rates.append(n * offerings / elapsed)
        total = float(sum(c.sum() for c in costs))
    print(sorted(rates)[2], repr(total))


if __name__ == "__main__":
    main()
