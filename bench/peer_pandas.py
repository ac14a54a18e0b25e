#!/usr/bin/env python3
"""The pandas peer of issue 23: one month's indicators straight from the CSV exports.

usage: peer_pandas.py DATA_DIR yyyy-mm OUT_DIR

Covers, for month m, every indicator of indicators.md's table at every level it names (complex,
neighbourhood, city; each canonical category and `all` where the table says so): reports,
reports_12m, report_rate(_12m), repeat_rate(_12m), dwelling_repeat_rate(_12m), hotspots,
concentration_top10_12m, days_to_close_median/p90, closed_within_target_share, open_overdue,
follow_up_share, activities, participants, participation_rate_12m and liveability_index (its
reference: the complexes' 12-month figures at the end of the reference year), with value,
numerator, denominator, 95 % intervals (Wilson, Garwood) and the funnel flags of report_rate_12m,
dwelling_repeat_rate_12m and closed_within_target_share (exact rule, Spiegelhalter's
overdispersion adjustment). Also the month's activity effects (per activity and pooled per type,
with the comparison group, exact test and intervals). Writes OUT_DIR/indicators.csv and
OUT_DIR/activity-effects.csv.

Not covered: the trends (previous month, a year earlier, the 12-month slope), which Leefbaar
computes for its workbooks from 24 stored months; the public export's small-number rules; the
workbooks, charts and deck. Assumes: the default category mapping (the product's
category-mapping-default.csv), default settings (W 90, targets, hotspot rule), timestamps without
an offset in local time Europe/Amsterdam, a month with complete look-back, and valid rows (no
reject checks).
"""
import math
import os
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

CATEGORIES = ["neighbour_nuisance", "pollution", "damage", "safety", "social", "public_space", "other"]
TARGETS = {"safety": 3, "damage": 14, "neighbour_nuisance": 28, "pollution": 7}
DEFAULT_TARGET, W, B, HOT_MIN, HOT_A, HOT_B, HOT_P = 28, 90, 180, 3, 90, 365, 0.01
Z, K998, K95 = 1.959963984540054, 3.090232, 1.959964
TZ = "Europe/Amsterdam"
DAY = 86400
started = time.time()


def log(what):
    print(f"pandas {time.time() - started:7.2f} s  {what}", flush=True)


def read(path):
    with open(path, encoding="utf-8-sig") as f:
        delimiter = ";" if ";" in f.readline() else ","
    frame = pd.read_csv(path, sep=delimiter, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    frame.columns = [c.strip().lower() for c in frame.columns]
    return frame


def instants(text):
    """Local times (Dutch or ISO) as seconds since the epoch and local day numbers; NaN/-1 when empty."""
    text = text.str.strip()
    sample = text[text != ""].iloc[0]
    dutch = len(sample) > 2 and sample[2] == "-"
    fmt = ("%d-%m-%Y %H:%M" if dutch else "%Y-%m-%d %H:%M") + (":%S" if sample.count(":") == 2 else "")
    local = pd.to_datetime(text.str.replace("T", " ", regex=False), format=fmt, errors="coerce")
    day = np.where(local.isna(), -1, local.values.astype("datetime64[D]").astype("int64"))
    # The earlier offset in the autumn's repeated hour, forward over the spring gap (as Java's ofLocal).
    aware = local.dt.tz_localize(TZ, ambiguous=np.ones(len(local), dtype=bool), nonexistent="shift_forward")
    seconds = np.where(local.isna(), np.nan, aware.values.astype("int64") / 1e9)
    return seconds, day


def day_number(text):
    return int(np.datetime64(text, "D").astype("int64"))


def epoch_of_local_day(day):
    return pd.Timestamp(np.datetime64(int(day), "D")).tz_localize(TZ).value / 1e9


def wilson(x, n):
    x, n = np.asarray(x, float), np.asarray(n, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        root = Z * np.sqrt(Z * Z + 4 * x * (1 - x / n))
        low = (2 * x + Z * Z - root) / (2 * (n + Z * Z))
        high = (2 * x + Z * Z + root) / (2 * (n + Z * Z))
    bad = n <= 0
    return np.where(bad, np.nan, low), np.where(bad, np.nan, high)


def garwood(x, scale=1.0):
    x = np.asarray(x, float)
    low = np.where(x > 0, stats.chi2.ppf(0.025, 2 * x) / 2, 0.0)
    return low * scale, stats.chi2.ppf(0.975, 2 * x + 2) / 2 * scale


def adjusted(y, s, target):
    """Spiegelhalter's additive random-effects tau^2 on z = (y - target) / s, or None."""
    if len(y) < 10:
        return None
    z = (y - target) / s
    lo, hi = np.percentile(z, [10, 90])
    phi = np.mean(np.clip(z, lo, hi) ** 2)
    w = 1 / s ** 2
    tau2 = max(0.0, (len(y) * phi - (len(y) - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    return tau2 if tau2 > 0 else None


def outside(y, target, spread):
    return np.select([y > target + K998 * spread, y > target + K95 * spread,
                      y < target - K998 * spread, y < target - K95 * spread],
                     ["high", "elevated", "low", "reduced"], "in range")


def count_flags(observed, dwellings):
    o, d = np.asarray(observed, float), np.asarray(dwellings, float)
    flags = np.full(len(o), "", dtype=object)
    e = o.sum() / d.sum() * d if d.sum() > 0 else np.zeros(len(o))
    ok = e > 0
    if not ok.any():
        return flags
    o, e = o[ok], e[ok]
    y, s = np.sqrt(o / e), 1 / (2 * np.sqrt(e))
    tau2 = adjusted(y, s, 1.0)
    if tau2 is not None:
        flags[ok] = outside(y, 1.0, np.sqrt(s ** 2 + tau2))
    else:
        pu, pl = stats.poisson.sf(o - 1, e), stats.poisson.cdf(o, e)
        flags[ok] = np.select([pu < 0.001, pu < 0.025, pl < 0.001, pl < 0.025],
                              ["high", "elevated", "low", "reduced"], "in range")
    return flags


def share_flags(x, n):
    x, n = np.asarray(x, float), np.asarray(n, float)
    flags = np.full(len(x), "", dtype=object)
    ok = n > 0
    if not ok.any():
        return flags
    x, n = x[ok], n[ok]
    p0 = x.sum() / n.sum()
    y, s, target = np.arcsin(np.sqrt(x / n)), 1 / (2 * np.sqrt(n)), math.asin(math.sqrt(p0))
    tau2 = adjusted(y, s, target)
    if tau2 is not None:
        flags[ok] = outside(y, target, np.sqrt(s ** 2 + tau2))
    else:
        p, spread = x / n, np.sqrt(p0 * (1 - p0) / n)
        flags[ok] = np.select([p > np.minimum(1, p0 + K998 * spread), p > np.minimum(1, p0 + K95 * spread),
                               p < np.maximum(0, p0 - K998 * spread), p < np.maximum(0, p0 - K95 * spread)],
                              ["high", "elevated", "low", "reduced"], "in range")
    return flags


class City:
    """The input, parsed once; counts per complex x category (arrays [complex, category])."""

    def __init__(self, folder):
        complexes = read(os.path.join(folder, "complexes.csv")).sort_values("complex_id")
        self.complex_ids = complexes["complex_id"].to_numpy()
        self.dwellings = complexes["dwellings"].astype(int).to_numpy()
        self.hood_ids, self.hood_of = np.unique(complexes["neighbourhood_code"].to_numpy(), return_inverse=True)
        index = pd.Index(self.complex_ids)
        mapping = read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main",
                                    "resources", "category-mapping-default.csv"))
        code = {c: i for i, c in enumerate(CATEGORIES)}
        code.update({s.strip().lower(): code[c] for s, c in zip(mapping["source_category"], mapping["category"])})
        reports = read(os.path.join(folder, "reports.csv"))
        log(f"read {len(reports)} reports")
        self.complex = index.get_indexer(reports["complex_id"])
        self.category = reports["category"].str.strip().str.lower().map(code).fillna(code["other"]).astype(int).to_numpy()
        self.at, self.day = instants(reports["reported_at"])
        self.closed, _ = instants(reports["closed_at"])
        self.rank = pd.factorize(reports["report_id"], sort=True)[0]
        dwelling = reports["dwelling_ref"].str.strip()
        self.dwelling = np.where(dwelling == "", -1, pd.factorize(dwelling)[0])
        follow = reports["follow_up"].str.strip().str.lower()
        self.follow_up = ((follow != "") & (follow != "none")).to_numpy()
        self.target = np.array([TARGETS.get(c, DEFAULT_TARGET) for c in CATEGORIES])[self.category] * DAY
        self.first_day = self.day.min()
        log("parsed reports")
        order = np.lexsort((self.rank, self.at, self.category, self.complex))
        self.repeat = self._flags(order, self.complex * 8 + self.category, self.at)
        has = self.dwelling >= 0
        order = np.lexsort((self.rank[has], self.at[has], self.category[has], self.dwelling[has], self.complex[has]))
        self.dwelling_repeat = np.zeros(len(self.at), dtype=bool)
        rows = np.flatnonzero(has)
        key = (self.complex[rows] * 8 + self.category[rows]) * (self.dwelling.max() + 1) + self.dwelling[rows]
        self.dwelling_repeat[rows] = self._flags(order, key, self.at[rows])
        log("repeat flags")
        activities = read(os.path.join(folder, "activities.csv"))
        self.act_complex = index.get_indexer(activities["complex_id"].str.strip())
        hood_index = pd.Index(self.hood_ids)
        hood = hood_index.get_indexer(activities["neighbourhood_code"].str.strip())
        self.act_hood = np.where(self.act_complex >= 0, self.hood_of[np.maximum(self.act_complex, 0)], hood)
        dates = activities["date"].str.strip()
        fmt = "%d-%m-%Y" if dates.iloc[0][2:3] == "-" else "%Y-%m-%d"
        self.act_day = pd.to_datetime(dates, format=fmt).values.astype("datetime64[D]").astype("int64")
        self.act_participants = pd.to_numeric(activities["participants"], errors="coerce").fillna(0).to_numpy()
        self.act = activities
        log(f"read {len(activities)} activities")

    @staticmethod
    def _flags(order, key, at):
        """Repeat flags: the predecessor by (reported_at, report_id) in the same key is at most W before."""
        flags = np.zeros(len(key), dtype=bool)
        k, at = key[order], at[order]
        same = np.r_[False, k[1:] == k[:-1]]
        gap = np.r_[np.inf, at[1:] - at[:-1]]
        flags[order] = same & (gap <= W * DAY)
        return flags

    def per_complex(self, mask, weights=None):
        counts = np.bincount(self.complex[mask] * 7 + self.category[mask], weights=weights,
                             minlength=len(self.complex_ids) * 7)
        return counts.reshape(len(self.complex_ids), 7)

    def twelve_months(self, month):
        """The month's and its 12 months' counts per complex x category, and its day bounds."""
        first = day_number(month + "-01")
        end = int((np.datetime64(month, "M") + 1).astype("datetime64[D]").astype("int64"))
        start12 = int((np.datetime64(month, "M") - 11).astype("datetime64[D]").astype("int64"))
        end_s, start_s = epoch_of_local_day(end), epoch_of_local_day(first)
        start12_s = epoch_of_local_day(start12)
        in_m = (self.day >= first) & (self.day < end)
        in_12 = (self.day >= start12) & (self.day < end)
        dw = self.dwelling >= 0
        closed_m = (self.closed >= start_s) & (self.closed < end_s)
        closed_12 = (self.closed >= start12_s) & (self.closed < end_s)
        within = self.closed - self.at <= self.target
        c = {
            "reports": self.per_complex(in_m), "reports_12m": self.per_complex(in_12),
            "repeats": self.per_complex(in_m & self.repeat), "repeats_12m": self.per_complex(in_12 & self.repeat),
            "dwelling_reports": self.per_complex(in_m & dw), "dwelling_reports_12m": self.per_complex(in_12 & dw),
            "dwelling_repeats": self.per_complex(in_m & self.dwelling_repeat),
            "dwelling_repeats_12m": self.per_complex(in_12 & self.dwelling_repeat),
            "follow_ups": self.per_complex(in_m & self.follow_up),
            "closed": self.per_complex(closed_m), "within": self.per_complex(closed_m & within),
            "closed_12m": self.per_complex(closed_12), "within_12m": self.per_complex(closed_12 & within),
            "open_overdue": self.per_complex((self.at < end_s) & ~(self.closed < end_s)
                                             & (self.at + self.target < end_s)),
        }
        acts = self.act_complex >= 0
        in_month = (self.act_day >= first) & (self.act_day < end)
        in_year = (self.act_day >= start12) & (self.act_day < end)
        n = len(self.complex_ids)
        c["activities"] = np.bincount(self.act_complex[acts & in_month], minlength=n)
        c["participants"] = np.bincount(self.act_complex[acts & in_month], self.act_participants[acts & in_month], n)
        c["participants_12m"] = np.bincount(self.act_complex[acts & in_year], self.act_participants[acts & in_year], n)
        wide = ~acts & (self.act_hood >= 0)
        h = len(self.hood_ids)
        c["hood_activities"] = np.bincount(self.act_hood[wide & in_month], minlength=h)
        c["hood_participants"] = np.bincount(self.act_hood[wide & in_month], self.act_participants[wide & in_month], h)
        c["hood_participants_12m"] = np.bincount(self.act_hood[wide & in_year], self.act_participants[wide & in_year], h)
        return c, (first, end, start_s, end_s, closed_m)


def levels(city, per_complex):
    """A complex x category array summed to the three levels, with `all` as a last column."""
    n_hoods = len(city.hood_ids)
    hoods = np.zeros((n_hoods,) + per_complex.shape[1:])
    np.add.at(hoods, city.hood_of, per_complex)
    out = {"complex": per_complex, "neighbourhood": hoods, "city": per_complex.sum(axis=0, keepdims=True)}
    if per_complex.ndim == 2:
        out = {k: np.c_[v, v.sum(axis=1)] for k, v in out.items()}
    return out


def liveability_components(city, c):
    """The index's four components (category all) per level: figure arrays, NaN where missing."""
    dwell = levels(city, city.dwellings.astype(float))
    part = levels(city, c["participants_12m"])
    part["neighbourhood"] = part["neighbourhood"] + c["hood_participants_12m"]
    part["city"] = part["city"] + c["hood_participants_12m"].sum()
    out = {}
    for level in ("complex", "neighbourhood", "city"):
        get = {k: levels(city, c[k])[level][:, -1] for k in
               ("reports_12m", "dwelling_repeats_12m", "dwelling_reports_12m", "within_12m", "closed_12m")}
        with np.errstate(invalid="ignore", divide="ignore"):
            out[level] = [(100 * get["reports_12m"] / dwell[level], -1),
                          (get["dwelling_repeats_12m"] / get["dwelling_reports_12m"], -1),
                          (get["within_12m"] / get["closed_12m"], 1),
                          (100 * part[level] / dwell[level], 1)]
    return out, dwell["complex"]


def reference_year(city):
    year = int(str(np.datetime64(int(city.first_day), "D"))[:4]) + 1
    while day_number(f"{year}-01-01") - city.first_day < W:
        year += 1
    return year


def main():
    folder, month, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    city = City(folder)
    c, (first, end, start_s, end_s, closed_m) = city.twelve_months(month)
    log("month counts")
    rows = []
    units = {"complex": city.complex_ids, "neighbourhood": city.hood_ids, "city": np.array(["city"])}
    dwell = levels(city, city.dwellings.astype(float))
    cats = CATEGORIES + ["all"]
    L = {k: levels(city, v) for k, v in c.items() if v.ndim == 2}

    def emit(level, indicator, value, num=None, den=None, low=None, high=None, flag=None, categories=cats):
        ids = units[level]
        for j, category in enumerate(categories):
            frame = pd.DataFrame({"period": month, "level": level, "unit_id": ids, "category": category,
                                  "indicator": indicator, "value": value[:, j]})
            for name, column in (("numerator", num), ("denominator", den), ("ci_low", low), ("ci_high", high),
                                 ("flag", flag)):
                frame[name] = column[:, j] if column is not None else None
            rows.append(frame)

    for level in units:
        d = np.repeat(dwell[level][:, None], 8, axis=1)
        g = {k: v[level] for k, v in L.items()}
        for name in ("reports", "reports_12m"):
            emit(level, name, g[name], low=garwood(g[name])[0], high=garwood(g[name])[1])
        for name, count in (("report_rate", "reports"), ("report_rate_12m", "reports_12m")):
            low, high = garwood(g[count], 100 / d)
            flag = np.column_stack([count_flags(g[count][:, j], d[:, j]) for j in range(8)]) \
                if name == "report_rate_12m" and level != "city" else None
            emit(level, name, 100 * g[count] / d, g[count], d, low, high, flag)
        for name, x, n in (("repeat_rate", "repeats", "reports"), ("repeat_rate_12m", "repeats_12m", "reports_12m"),
                           ("dwelling_repeat_rate", "dwelling_repeats", "dwelling_reports"),
                           ("dwelling_repeat_rate_12m", "dwelling_repeats_12m", "dwelling_reports_12m"),
                           ("closed_within_target_share", "within", "closed")):
            with np.errstate(invalid="ignore", divide="ignore"):
                value = np.where(g[n] > 0, g[x] / g[n], np.nan)
            flag = np.column_stack([share_flags(g[x][:, j], g[n][:, j]) for j in range(8)]) \
                if name in ("dwelling_repeat_rate_12m", "closed_within_target_share") and level != "city" else None
            low, high = wilson(g[x], g[n])
            emit(level, name, value, g[x], g[n], low, high, flag)
        emit(level, "open_overdue", g["open_overdue"])
        with np.errstate(invalid="ignore", divide="ignore"):
            follow = np.where(g["reports"][:, -1:] > 0, g["follow_ups"][:, -1:] / g["reports"][:, -1:], np.nan)
        low, high = wilson(g["follow_ups"][:, -1:], g["reports"][:, -1:])
        emit(level, "follow_up_share", follow, g["follow_ups"][:, -1:], g["reports"][:, -1:], low, high,
             categories=["all"])
    log("counts, rates, shares and flags")

    # Handling times: median and 90th percentile of the month's closings at every level.
    closings = pd.DataFrame({"complex": city.complex[closed_m], "category": city.category[closed_m],
                             "days": (city.closed[closed_m] - city.at[closed_m]) / DAY})
    closings["hood"] = city.hood_of[closings["complex"]]
    for level, key in (("complex", "complex"), ("neighbourhood", "hood"), ("city", None)):
        n = len(units[level])
        med, p90 = np.full((n, 8), np.nan), np.full((n, 8), np.nan)
        for by, column in (([key, "category"] if key else ["category"], None), ([key] if key else None, 7)):
            grouped = closings.groupby(by)["days"] if by else closings["days"]
            q = grouped.quantile([0.5, 0.9])
            if by is None:
                med[0, 7], p90[0, 7] = q.loc[0.5], q.loc[0.9]
                continue
            q = q.unstack()
            idx = q.index.to_frame(index=False)
            u = idx[key].to_numpy() if key else np.zeros(len(q), dtype=int)
            j = idx["category"].to_numpy() if column is None else np.full(len(q), column)
            med[u, j], p90[u, j] = q[0.5].to_numpy(), q[0.9].to_numpy()
        emit(level, "days_to_close_median", med, den=L["closed"][level])
        emit(level, "days_to_close_p90", p90, den=L["closed"][level])
    log("handling percentiles")

    # Hotspots: n in window A (90 days to the month's end), b in the 365 days before; p = P(X >= n).
    in_a = (city.day >= end - HOT_A) & (city.day < end)
    in_b = (city.day >= end - HOT_A - HOT_B) & (city.day < end - HOT_A)
    n_a, n_b = city.per_complex(in_a), city.per_complex(in_b)
    p = np.where(n_a >= HOT_MIN, stats.binom.sf(n_a - 1, n_a + n_b, HOT_A / (HOT_A + HOT_B)), 1.0)
    hot = levels(city, (p < HOT_P).astype(float))
    for level in units:
        emit(level, "hotspots", hot[level][:, :7], categories=CATEGORIES)
    log("hotspots")

    # Concentration: share of a unit's 12-month reports from its top ceil(10 %) complexes.
    twelve = L["reports_12m"]["complex"][:, -1]
    frame = pd.DataFrame({"hood": city.hood_of, "id": city.complex_ids, "n": twelve})
    for level, groups in (("neighbourhood", frame.groupby("hood")), ("city", [(0, frame)])):
        value, num, den = (np.full((len(units[level]), 1), np.nan) for _ in range(3))
        for u, g in groups:
            top = g.sort_values(["n", "id"], ascending=[False, True]).head(math.ceil(0.1 * len(g)))["n"].sum()
            total = g["n"].sum()
            num[u, 0], den[u, 0] = top, total
            value[u, 0] = top / total if total > 0 else np.nan
        low, high = wilson(num, den)
        emit(level, "concentration_top10_12m", value, num, den, low, high, categories=["all"])

    # Activities and participation; neighbourhood-wide activities count for the neighbourhood.
    for level in units:
        extra = {"complex": 0, "neighbourhood": 1, "city": 1}[level]
        get = lambda k, hk: (levels(city, c[k].astype(float))[level]
                             + extra * (c[hk] if level == "neighbourhood" else c[hk].sum()))[:, None]
        emit(level, "activities", get("activities", "hood_activities"), categories=["all"])
        emit(level, "participants", get("participants", "hood_participants"), categories=["all"])
        part, d = get("participants_12m", "hood_participants_12m"), dwell[level][:, None]
        low, high = garwood(part, 100 / d)
        emit(level, "participation_rate_12m", 100 * part / d, part, d, low, high, categories=["all"])

    # Liveability index against the complexes' figures at the end of the reference year.
    now, _ = liveability_components(city, c)
    reference_c, _ = city.twelve_months(f"{reference_year(city)}-12")
    ref, weights = liveability_components(city, reference_c)
    for level in units:
        scores = []
        for (figure, sign), (ref_figure, _) in zip(now[level], ref["complex"]):
            ok = ~np.isnan(ref_figure)
            mean = np.average(ref_figure[ok], weights=weights[ok])
            sd = math.sqrt(np.average((ref_figure[ok] - mean) ** 2, weights=weights[ok]))
            scores.append(np.full(len(figure), np.nan) if sd == 0 else 100 + 10 * sign * (figure - mean) / sd)
        with np.errstate(invalid="ignore"):
            index = np.nanmean(np.column_stack(scores), axis=1) if scores else None
        emit(level, "liveability_index", index[:, None], categories=["all"])
    log("concentration, activities, index")

    effects(city, month, end).to_csv(os.path.join(out, "activity-effects.csv"), index=False)
    log("activity effects")
    table = pd.concat(rows, ignore_index=True)
    for column in ("numerator", "denominator"):
        table[column] = table[column].astype("Int64")
    table.to_csv(os.path.join(out, "indicators.csv"), index=False)
    log(f"wrote {len(table)} indicator rows")


def effects(city, month, end):
    """Activity effects: B days before against B days from the date, shortened to the data, and the
    same at the neighbourhood's complexes without an activity addressing the category in d +- B."""
    code = {c: i for i, c in enumerate(CATEGORIES)}
    act = city.act
    category = act["addresses_category"].str.strip().str.lower().map(code)
    keep = (city.act_complex >= 0) & category.notna().to_numpy()
    a = pd.DataFrame({"activity_id": act["activity_id"][keep], "type": act["type"][keep],
                      "complex": city.act_complex[keep], "hood": city.act_hood[keep],
                      "category": category[keep].astype(int), "day": city.act_day[keep]})
    # Activities after the month still take their complexes out of earlier comparison groups.
    a["reported"] = a["day"] < end
    days = end - city.first_day
    rows = []
    for (hood, k), group in a.groupby(["hood", "category"]):
        members = np.flatnonzero(city.hood_of == hood)
        position = np.full(len(city.complex_ids), -1)
        position[members] = np.arange(len(members))
        mask = (city.category == k) & (position[city.complex] >= 0) & (city.day < end)
        grid = np.zeros((len(members), days + 1))
        np.add.at(grid, (position[city.complex[mask]], city.day[mask] - city.first_day + 1), 1)
        cum = grid.cumsum(axis=1)
        total = cum.sum(axis=0)
        group = group.sort_values("day")
        g_day, g_pos = group["day"].to_numpy(), position[group["complex"].to_numpy()]
        for i in np.flatnonzero(group["reported"].to_numpy()):
            d, pos = g_day[i], g_pos[i]
            avail_before, avail_after = d - city.first_day, end - d
            w = min(B, avail_before, avail_after)
            row = {"activity_id": group["activity_id"].iat[i], "type": group["type"].iat[i],
                   "complex_id": city.complex_ids[group["complex"].iat[i]], "neighbourhood_code": city.hood_ids[hood],
                   "date": str(np.datetime64(int(d), "D")), "category": CATEGORIES[k], "window_days": w}
            if w < 30:
                row["flag"] = "too_recent" if avail_after < avail_before else "too_early"
                rows.append(row)
                continue
            x, lo, hi = d - city.first_day, d - city.first_day - w, d - city.first_day + w
            row["before"], row["after"] = cum[pos, x] - cum[pos, lo], cum[pos, hi] - cum[pos, x]
            near = np.unique(g_pos[np.searchsorted(g_day, d - B):np.searchsorted(g_day, d + B, side="right")])
            cb = total[x] - total[lo] - (cum[near, x] - cum[near, lo]).sum()
            ca = total[hi] - total[x] - (cum[near, hi] - cum[near, x]).sum()
            if len(near) < len(members):
                row["comparison_before"], row["comparison_after"] = cb, ca
            rows.append(row)
    frame = pd.DataFrame(rows)
    for column in ("before", "after", "comparison_before", "comparison_after", "flag"):
        if column not in frame:
            frame[column] = np.nan
    pooled = frame[frame["flag"].isna()].groupby("type")[["before", "after", "comparison_before",
                                                        "comparison_after"]].sum(min_count=1).reset_index()
    frame = pd.concat([frame, pooled], ignore_index=True)
    before, after = frame["before"].to_numpy(float), frame["after"].to_numpy(float)
    n = before + after
    tested = n > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["rate_ratio"] = np.where(tested & (before > 0), after / before, np.nan)
        lower = np.where(after > 0, stats.beta.ppf(0.025, after, n - after + 1), 0.0)
        upper = np.where(after < n, stats.beta.ppf(0.975, after + 1, n - after), 1.0)
        frame["ci_low"] = np.where(tested, lower / (1 - lower), np.nan)
        frame["ci_high"] = np.where(tested, np.where(upper < 1, upper / (1 - upper), np.inf), np.nan)
        p = 2 * np.minimum(stats.binom.cdf(after, n, 0.5), stats.binom.sf(after - 1, n, 0.5))
        frame["p_value"] = np.where(tested, np.minimum(1, p), np.nan)
        cb, ca = frame["comparison_before"].to_numpy(float), frame["comparison_after"].to_numpy(float)
        frame["comparison_rate_ratio"] = np.where(cb > 0, ca / cb, np.nan)
        ratio, comparison = frame["rate_ratio"].to_numpy(float), frame["comparison_rate_ratio"].to_numpy(float)
        effect = np.where(comparison > 0, ratio / comparison, np.nan)
        frame["effect_vs_comparison"] = effect
        se = np.sqrt(1 / before + 1 / after + 1 / cb + 1 / ca)
        ok = (before > 0) & (after > 0) & (cb > 0) & (ca > 0)
        frame["effect_ci_low"] = np.where(ok, np.exp(np.log(effect) - Z * se), np.nan)
        frame["effect_ci_high"] = np.where(ok, np.exp(np.log(effect) + Z * se), np.nan)
    return frame


if __name__ == "__main__":
    main()
