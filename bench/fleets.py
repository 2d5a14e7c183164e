#!/usr/bin/env python3
"""numpy reference for runcost's provisioned family (VMs, PaaS plans, containers): a fleet sized
hour by hour over a month of hourly request counts, for `runcost-bench numpy` to compare
throughput with.

Reads what runcost-bench writes (fleets.json: the 730 hourly counts, the requests of each grid
point exactly as runcost's sweep sets them, each offering's instance price, capacity and billing
rules); prints the median evaluations per second of 5 runs and the total of every cost (to check
both computed the same grid), then each offering's id and sum. The formulas mirror `ProvisionedPricing.fleet` and `evaluate` in
Sources/RunCostCore/ProvisionedBilling.swift.

For every grid point and every hour: the instances the hour needs; each instance slot runs the
hours that need at least that many instances, and is billed max(minimum billed hours, its
running hours rounded up to the increment), capped per instance-month. Slots are counted by
sorting the hours by load and differencing the counts, not by looping over slots.

    python3 bench/fleets.py /tmp/runcost-bench-scale-PID/fleets.json            # 730 hours
    python3 bench/fleets.py /tmp/runcost-bench-scale-PID/fleets.json --levels   # distinct levels

With --levels the hours are first reduced to their distinct counts, each weighted by the hours
that carry it, which is what runcost itself does with a trace.
"""
import json
import os
import sys
import time

# One core, as runcost's sweep: OpenBLAS's threads (the matrix-vector products) made the script
# 2.6× slower on the shared two cores, not faster.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from closed_form import up_share  # noqa: E402

# Numbers (points × hours) per array pass. Tuned on the 2-core machine: 8 points × 730 hours ran
# 2.4× faster than 1,024 points (arrays that stay in cache against numpy's per-call overhead).
BLOCK = 6000


def round_up(x, step):
    """Sources/RunCostCore/Infeasibility.swift roundUp, over arrays: ceil with a 1e-9 tolerance
    (whole + 1 where the fraction is above it: the same values as its `where`, in fewer passes)."""
    if step <= 0:
        return x
    q = x if step == 1 else x / step
    whole = np.trunc(q)
    up = whole + (q - whole > 1e-9 * np.maximum(1.0, whole))
    return up if step == 1 else up * step


def sustained_hours(hours, steps, month_hours):
    """ProvisionedRules.Values.sustainedHours: list-price hours after the sustained-use discount."""
    part = month_hours / 4
    paid = sum(np.maximum(0, np.minimum(hours, (k + 1) * part) - k * part) * rate for k, rate in enumerate(steps))
    return paid + np.maximum(0, hours - month_hours) * steps[3]


def slot_bills(running, f, month_hours):
    """What a slot running `running` hours is billed: hours, cost (capped per instance-month) and
    the sustained-use saving on it."""
    billed = np.maximum(f["minimum_billed_hours"], round_up(running, f["billing_increment_hours"]))
    cost = np.minimum(np.inf if f["monthly_cap"] is None else f["monthly_cap"], billed * f["hourly"])
    saving = None
    if f["sustained_use"] is not None:
        saving = np.maximum(0, cost - sustained_hours(billed, f["sustained_use"], month_hours) * f["hourly"])
    return billed, cost, saving


def fleet(rate, share, hours, f, bills, capacity, baseline_vcpu, cpu_seconds, month_hours):
    """ProvisionedPricing.fleet for a block of points: `rate` (points × hours, busiest hour first)
    is each hour's requests per second; `bills` what each group of slots is billed when that
    does not depend on the point (no instance lifetime). Returns instance cost, billed hours,
    sustained-use saving, surplus vCPU-hours and feasibility, one per point."""
    need = rate / capacity
    count = np.maximum(f["floor"], round_up(need, 1.0))
    if f["prewarmed"] > 0:
        count = count + np.where(need > 0, f["prewarmed"], 0.0)
    peak = count[:, 0]
    if f["sized_for_peak"]:
        count = np.broadcast_to(peak[:, None], count.shape)
    feasible = True if f["max_instances"] is None else peak <= f["max_instances"]
    # Slots (c(j+1), c(j)] run exactly the j busiest hours: first billed at hour j.
    slots = count - np.concatenate([count[:, 1:], np.zeros((len(peak), 1))], axis=1)
    if bills is not None:
        billed, cost, kept = bills
        instance_cost, billed_hours = slots @ cost, slots @ billed
        saving = 0.0 if kept is None else slots @ kept
    else:
        # The single instance of a quiet hour runs while some request's hold covers the moment.
        alone = count == 1
        up = np.where(need < 1, np.maximum(up_share(rate, f["hold"], 0.0, 0.0), need), 1.0)
        billed, cost, kept = slot_bills(np.cumsum(np.where(alone, up, 1.0) * share * hours, axis=1), f, month_hours)
        instance_cost, billed_hours = (slots * cost).sum(axis=1), (slots * billed).sum(axis=1)
        saving = 0.0 if kept is None else (slots * kept).sum(axis=1)
    surplus = 0.0
    if baseline_vcpu is not None:
        surplus = (np.maximum(0, rate * cpu_seconds - count * baseline_vcpu) * share * hours).sum(axis=1)
    return instance_cost, billed_hours, saving, surplus, feasible


def price(r, m, share, spec, f, bills):
    """ProvisionedPricing.evaluate (service, free tier off) for the points `r`; 0 where infeasible."""
    hours = spec["hours"]
    rate = (r / (hours * 3600))[:, None] * m[None, :]
    attached = f["disk_hourly"] + f["ip_hourly"] + f["storage_hourly"]
    args = (spec["cpu_seconds"], spec["month_hours"])
    ic, bh, sv, _, ok = fleet(rate, share, hours, f, bills, f["capacity"], None, *args)
    surplus_cost = 0.0
    burst = f["burst"]
    if burst is not None:
        # Fewer instances paying for CPU above the baseline, when that is cheaper (or the only way).
        ic_b, bh_b, sv_b, surplus_b, ok_b = fleet(rate, share, hours, f, bills, burst["capacity"], burst["baseline_vcpu"], *args)
        total_a = ic - sv + bh * attached
        total_b = ic_b - sv_b + bh_b * attached + surplus_b * burst["surplus_price"]
        pick = ok_b & (np.logical_not(ok) | (total_b < total_a))
        ic, bh, sv, ok = (np.where(pick, ic_b, ic), np.where(pick, bh_b, bh), np.where(pick, sv_b, sv), ok | ok_b)
        surplus_cost = np.where(pick, surplus_b * burst["surplus_price"], 0.0)
    cost = ic + surplus_cost - sv + bh * f["disk_hourly"] + bh * f["ip_hourly"] + bh * f["storage_hourly"]
    cost = cost + bh * (f["hourly"] * f["management_fee"]) + r * f["request_price"] + f["fixed_monthly_fee"]
    return np.where(ok, cost, 0.0)


def month(spec, levels):
    """The hours busiest first, as TraceLoad reads a trace: each hour's (or each distinct count's)
    multiple of the average and share of the month."""
    counts = spec["counts"]
    n = float(len(counts))
    total = 0.0
    for c in counts:           # in row order, as TraceLoad.add
        total += c
    if levels:
        values, occurrences = np.unique(np.array(counts), return_counts=True)
        share = occurrences / n
    else:
        values, share = np.array(counts), np.full(len(counts), 1 / n)
    order = np.argsort(-values, kind="stable")
    return values[order] * n / total, share[order]


def main():
    spec = json.load(open(sys.argv[1]))
    m, share = month(spec, "--levels" in sys.argv[2:])
    r = np.array(spec["grid"])
    n = len(r)
    block = max(1, BLOCK // len(m))
    rates, total = [], 0.0
    for _ in range(5):
        start = time.perf_counter()
        costs = []
        for f in spec["fleets"]:
            # Without an instance lifetime a slot's bill depends only on how many hours it runs.
            bills = slot_bills(np.cumsum(share * spec["hours"]), f, spec["month_hours"]) if f["lifetime"] == 0 else None
            costs.append(np.concatenate([price(r[i:i + block], m, share, spec, f, bills) for i in range(0, n, block)]))
        elapsed = time.perf_counter() - start
        rates.append(n * len(spec["fleets"]) / elapsed)
        total = float(sum(c.sum() for c in costs))
    print(sorted(rates)[2], repr(total))
    for f, c in zip(spec["fleets"], costs):   # each offering's sum, for runcost-bench to check one by one
        print(f["id"], repr(float(c.sum())))


if __name__ == "__main__":
    main()
