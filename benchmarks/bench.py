#!/usr/bin/env python3
"""Runs every benchmark scenario and prints the Markdown table (benchmarks/README.md says how).

  bench.py BUILD_DIR [--runs 5] [--only NAME[,NAME]] [--keep DIR] [--load-seconds 600]

BUILD_DIR holds a built tree (benchmarks/run makes one). Each scenario runs --runs times; the
table gives the median, min and max of every run's figure, the target and the verdict. The
programs it drives are the app's own (smm-desk, the smm-bench-* programs, smm-panel-sim) and
public tools: /usr/bin/time -v, valgrind --tool=callgrind, Xvfb.
"""
import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_ORDER_ID = 23501
FRAME_MS = 1000 / 60


class Bench:
    def __init__(self, build, runs, work):
        self.build = os.path.abspath(build)
        self.runs = runs
        self.work = work
        self.rows = []
        self.env = dict(os.environ)
        self.env.update({
            "SMM_PANEL_SIM_KEY": secrets.token_hex(16),
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build, "data"),
            "GIO_USE_PROXY_RESOLVER": "dummy",
            "NO_AT_BRIDGE": "1",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "en",
        })
        self.env.pop("SMM_DESK_STORE", None)
        self.sims = []

    # --- programs -----------------------------------------------------------------------------

    def prog(self, *path):
        return os.path.join(self.build, *path)

    def wrap(self, display=False, keyring=False):
        tests = os.path.join(HERE, "..", "tests")
        wrapper = []
        if display:
            wrapper.append(os.path.join(tests, "with-display"))
        if keyring:
            wrapper.append(os.path.join(tests, "with-keyring"))
        return wrapper

    def start_sim(self, *args):
        proc = subprocess.Popen([self.prog("src", "sim", "smm-panel-sim"), *args], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        url = proc.stdout.readline().strip()
        if not url.startswith("http"):
            raise SystemExit("the simulator did not start")
        self.sims.append(proc)
        return proc, url

    def stop_sim(self, proc):
        proc.terminate()
        proc.wait()
        self.sims.remove(proc)

    def fill(self, store, url, orders, active):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        subprocess.run([self.prog("benchmarks", "smm-bench-fill"), "--store", store, "--url", url,
                        "--orders", str(orders), "--active", str(active)],
                       env=self.env, check=True, stdout=subprocess.DEVNULL)

    def copy_store(self, store, name):
        copy = os.path.join(self.work, name)
        shutil.copyfile(store, copy)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
        return copy

    def json_lines(self, args, env=None):
        out = subprocess.run(args, env=env or self.env, check=True, stdout=subprocess.PIPE, text=True).stdout
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    def ui(self, scenario, store, **extra_env):
        # Xvfb has no GPU: GTK's GL renderer would run on llvmpipe, its frames costing what no
        # user's machine pays; cairo draws in software too, but close to what a GPU gives
        env = dict(self.env, SMM_DESK_STORE=self.copy_store(store, "ui.db"), GSK_RENDERER="cairo", **extra_env)
        lines = self.json_lines(self.wrap(display=True, keyring=True)
                                + [self.prog("benchmarks", "smm-bench-ui"), scenario], env)
        values = {}
        for line in lines:
            values.setdefault(line["name"], []).append(line["ms"])
        return values

    # --- the table ----------------------------------------------------------------------------

    def row(self, scenario, values, unit, target=None, better="lower", note=""):
        """values: one figure per run; target: the limit (None: reported only)"""
        med = statistics.median(values)
        if target is None:
            verdict = "reported"
        elif better == "lower":
            verdict = "met" if med <= target else "**missed**"
        else:
            verdict = "met" if med >= target else "**missed**"
        sign = "≤" if better == "lower" else "≥"
        self.rows.append((scenario, fmt(med, unit), fmt(min(values), unit), fmt(max(values), unit),
                          f"{sign} {fmt(target, unit)}" if target is not None else "–", verdict, note))
        print(f"  {scenario}: median {fmt(med, unit)}", file=sys.stderr, flush=True)

    def table(self):
        cpu = "unknown CPU"
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        out = [
            f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}  ",
            f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {self.runs} runs "
            "per scenario",
            "",
            "| Scenario | Median | Min | Max | Target | Verdict | Notes |",
            "|---|---:|---:|---:|---|---|---|",
        ]
        out += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(out)

    # --- scenarios ----------------------------------------------------------------------------

    def prepare_big(self):
        """10,000 services and 100,000 orders (100 of them not final) against a live simulator"""
        self.cat_sim, self.cat_url = self.start_sim("--services", "10000", "--orders", "100")
        self.big = os.path.join(self.work, "big.db")
        self.fill(self.big, self.cat_url, 100000, 100)

    def catalogue(self):
        shown, fetch, stall_cached, stall_fetch, plain = [], [], [], [], []
        for _ in range(self.runs):
            v = self.ui("catalogue", self.big)
            assert v["catalogue-services"][0] == 10000, v["catalogue-services"]
            shown += v["catalogue-cached-shown"]
            stall_cached += v["catalogue-cached-max-stall"]
            fetch += v["catalogue-fetch-swapped"]
            stall_fetch += v["catalogue-fetch-max-stall"]
            plain.append(self.json_lines(["python3", os.path.join(HERE, "plain-client.py"), "services",
                                          self.cat_url])[0]["seconds"] * 1000)
        self.row("1. Catalogue: choose an account, 10,000 cached services shown", shown, "ms", 100)
        self.row("1. Catalogue: longest main-loop stall while choosing", stall_cached, "ms", 16)
        self.row("1. Catalogue: fresh fetch to a swapped, searchable model", fetch, "ms", 250)
        self.row("1. Catalogue: longest main-loop stall during the fetch", stall_fetch, "ms", 16)
        self.row("1. Catalogue: plain client, fetch and decode", plain, "ms", None)

    def search(self):
        medians, worsts = [], []
        for _ in range(self.runs):
            keys = self.ui("search", self.big)["search-keystroke"]
            medians.append(statistics.median(keys))
            worsts.append(max(keys))
        self.row("2. Search: keystroke re-filter over 10,000 (median of a run)", medians, "ms", 5)
        self.row("2. Search: keystroke re-filter over 10,000 (worst of a run)", worsts, "ms", 16)

    def tracking(self, n, plain):
        ours, requests, ratios, theirs = [], [], [], []
        store = os.path.join(self.work, f"track-{n}.db")
        for _ in range(self.runs):
            proc, url = self.start_sim("--orders", str(n), "--latency", "50")
            self.fill(store, url, n, n)
            r = self.json_lines([self.prog("benchmarks", "smm-bench-track"), "--store", store])[0]
            assert r["checked"] == n and r["failed"] == 0, r
            ours.append(r["seconds"] * 1000)
            requests.append(r["requests"])
            if plain:
                p = self.json_lines(["python3", os.path.join(HERE, "plain-client.py"), "status", url,
                                     str(FIRST_ORDER_ID), str(n)])[0]
                theirs.append(p["seconds"] * 1000)
                ratios.append(p["seconds"] / r["seconds"])
            self.stop_sim(proc)
        label = f"{n:,}"
        self.row(f"3. Tracking {label} orders at 50 ms: requests", requests, "", n // 100 if plain else None,
                 note="exactly" if plain else "")
        self.row(f"3. Tracking {label} orders at 50 ms: full refresh, store updated", ours, "ms", None)
        if plain:
            self.row(f"3. Tracking {label} orders at 50 ms: plain client", theirs, "ms", None)
            self.row(f"3. Tracking {label} orders: plain client time ÷ ours", ratios, "×", 4, better="higher")

    def startup(self, renderer):
        """renderer: "cairo" (the figure that stands for a user's machine: Xvfb has no GPU, and
        GTK's GL renderer there runs on llvmpipe, compiling its shaders in software) or "" (GTK's
        default, on llvmpipe)"""
        first, rss, max_rss, stalls = [], [], [], []
        for _ in range(self.runs):
            store = self.copy_store(self.big, "start.db")
            env = dict(self.env, SMM_DESK_STORE=store, SMM_DESK_TIMING="quit")
            if renderer:
                env["GSK_RENDERER"] = renderer
            launcher = ("import os, sys, time; print('smm-timing: exec', time.monotonic_ns() // 1000, "
                        "file=sys.stderr, flush=True); os.execv(sys.argv[1], sys.argv[1:])")
            # the key goes into this run's keyring first, as the app would have put it there
            script = (f'"{self.prog("benchmarks", "smm-bench-fill")}" --store "$1" --keyring-only && '
                      f'exec python3 -c "$2" /usr/bin/time -v "{self.prog("src", "ui", "smm-desk")}"')
            proc = subprocess.run(self.wrap(display=True, keyring=True)
                                  + ["sh", "-c", script, "sh", store, launcher],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            marks = dict(re.findall(r"smm-timing: (\S+) (-?\d+)", proc.stderr))
            if "first-frame" not in marks:
                raise SystemExit("smm-desk drew no frame:\n" + proc.stderr[-3000:])
            first.append((int(marks["first-frame"]) - int(marks["exec"])) / 1000)
            rss.append(int(marks["rss-kb"]) / 1024)
            stalls.append(int(marks["max-stall-us"]) / 1000)
            max_rss.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)[1]) / 1024)
        label = f"GSK_RENDERER={renderer}" if renderer else "GTK's GL renderer on llvmpipe"
        target = 400 if renderer else None
        self.row(f"4. Start-up ({label}), 100,000 orders, 10,000 services: process start to first frame", first,
                 "ms", target)
        self.row(f"4. Start-up ({label}): RSS once started (VmRSS)", rss, "MB", 150 if renderer else None)
        self.row(f"4. Start-up ({label}): maximum RSS (/usr/bin/time -v)", max_rss, "MB", None)
        self.row(f"4. Start-up ({label}): longest main-loop stall, first 0.5 s after the first frame", stalls, "ms",
                 None)

    def scroll(self):
        medians, worsts, over, shown, stalls = [], [], [], [], []
        for _ in range(self.runs):
            v = self.ui("scroll", self.big)
            steps = v["orders-scroll-step"]
            medians.append(statistics.median(steps))
            worsts.append(max(steps))
            over.append(sum(1 for s in steps if s > 2 * FRAME_MS))
            shown += v["orders-page-shown"]
            stalls += v["orders-max-stall"]
            assert v["orders-rows"][0] == 100000, v["orders-rows"]
        self.row("4. Orders page: choose an account, first rows painted (100,000 orders)", shown, "ms", None)
        self.row("4. Orders page: longest main-loop stall until every row is told", stalls, "ms", None)
        self.row("4. Scroll top to bottom, 250 steps: frame per step (median of a run)", medians, "ms",
                 round(FRAME_MS, 1))
        self.row("4. Scroll: slowest step of a run", worsts, "ms", None)
        self.row("4. Scroll: steps that took more than two frames", over, "", 0)

    def lists(self):
        """The lists' pacing (8 rows a turn) and the services table's slots, each against GTK's own
        way, in one run (SMM_DESK_LIST_MODE, src/ui/smm-list-mode.c): the runs alternate modes, so
        that the machine's noise falls on all of them alike"""
        modes = ("slots", "unpaced", "plain")
        figures = {mode: {k: [] for k in ("shown", "stall", "fetch", "key", "worst", "step", "page", "ostall")}
                   for mode in modes}
        for _ in range(self.runs):
            for mode in modes:
                f = figures[mode]
                v = self.ui("catalogue", self.big, SMM_DESK_LIST_MODE=mode)
                f["shown"] += v["catalogue-cached-shown"]
                f["stall"] += v["catalogue-cached-max-stall"]
                f["fetch"] += v["catalogue-fetch-swapped"]
                keys = self.ui("search", self.big, SMM_DESK_LIST_MODE=mode)["search-keystroke"]
                f["key"].append(statistics.median(keys))
                f["worst"].append(max(keys))
                v = self.ui("scroll", self.big, SMM_DESK_LIST_MODE=mode)
                f["step"].append(statistics.median(v["orders-scroll-step"]))
                f["page"] += v["orders-page-shown"]
                f["ostall"] += v["orders-max-stall"]
        names = {"slots": "slots, grown 8 rows a turn (shipped)", "unpaced": "slots, all rows at once",
                 "plain": "GtkFilterListModel + GtkSortListModel, all rows at once"}
        for key, label, unit in (("shown", "choose an account, 10,000 cached services shown", "ms"),
                                 ("stall", "longest stall while choosing", "ms"),
                                 ("fetch", "fresh fetch to a swapped model", "ms"),
                                 ("key", "search keystroke (median of a run)", "ms"),
                                 ("worst", "search keystroke (worst of a run)", "ms"),
                                 ("page", "orders page, first rows painted (100,000 orders)", "ms"),
                                 ("ostall", "orders page, longest stall until every row is told", "ms"),
                                 ("step", "orders scroll step (median of a run)", "ms")):
            base = statistics.median(figures["slots"][key])
            for mode in modes:
                values = figures[mode][key]
                note = "" if mode == "slots" else f"{statistics.median(values) / base:.2f}× the shipped lists"
                self.row(f"7. Lists, {names[mode]}: {label}", values, unit, None, note=note)

    def cells(self):
        """Hand-made cells (src/ui/smm-cell.c) against GtkBuilderListItemFactory's, on the same
        nine-column table of 10,000 services (smm-bench-cells; the kinds alternate in one run)"""
        env = dict(self.env, GSK_RENDERER="cairo")
        lines = self.json_lines(self.wrap(display=True) + [self.prog("benchmarks", "smm-bench-cells"),
                                                          str(self.runs)], env)
        for name, label in (("first-screen", "first screen of a 9-column table painted"),
                            ("swap", "every row given another service, painted")):
            values = {kind: [l["ms"] for l in lines if l["kind"] == kind and l["name"] == name]
                      for kind in ("hand-made", "builder")}
            base = statistics.median(values["hand-made"])
            self.row(f"8. Cells, hand-made (shipped): {label}", values["hand-made"], "ms", None)
            self.row(f"8. Cells, GtkBuilderListItemFactory: {label}", values["builder"], "ms", None,
                     note=f"{statistics.median(values['builder']) / base:.2f}× the hand-made cells")

    def place(self):
        overhead, overhead_frame, app, bare = [], [], [], []
        for _ in range(self.runs):
            v = self.ui("place", self.big)
            toast = statistics.median(v["place-confirm-to-toast"])
            shown = statistics.median(v["place-confirm-to-id-shown"])
            b = statistics.median(v["place-bare-add"])
            app.append(shown)
            bare.append(b)
            overhead.append(toast - b)
            overhead_frame.append(shown - b)
        self.row("5. Place: confirm to the id's toast painted", app, "ms", None)
        self.row("5. Place: the simulator's reply to a bare `add` (libsoup, new connection)", bare, "ms", None)
        self.row("5. Place: what the app adds, to the toast set (two synced commits)", overhead, "ms", 20)
        self.row("5. Place: what the app adds, to the frame painted (cairo on Xvfb)", overhead_frame, "ms", None)

    def gui_load(self, seconds):
        """The window tracking 10,000 orders for ten minutes, a tenth of the replies failing in
        every way the simulator can (tests/test-load-gui.c, a minute of it in the `long` suite).
        One run: it is long, and its figures are the worst and the trend of the run."""
        env = dict(self.env, GSK_RENDERER="cairo", SMM_LOAD_SECONDS=str(seconds))
        # a session bus of its own, as the window's scenarios have
        out = subprocess.run(self.wrap(display=True, keyring=True) + [self.prog("tests", "test-load-gui"), "--tap"],
                             env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        values = {}
        for line in out.splitlines():
            if line.startswith("# {"):
                item = json.loads(line[2:])
                values[item["name"]] = item["value"]
        minutes = sorted((k for k in values if k.startswith("rss-minute-")), key=lambda k: int(k.rsplit("-", 1)[1]))
        length = f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds} s"
        label = f"9. Load, {length}, 10,000 orders tracked, 10 % of replies failing"
        self.row(f"{label}: longest main-loop stall", [values["longest-stall"]], "ms", 100)
        self.row(f"{label}: RSS at the start", [values["rss-start"]], "MB", None)
        for key in minutes:
            self.row(f"{label}: RSS after minute {key.rsplit('-', 1)[1]}", [values[key]], "MB", None)
        self.row(f"{label}: RSS at the end", [values["rss-end"]], "MB", None,
                 note=f"{values['rss-end'] - values['rss-start']:+.1f} MB over the run")
        self.row(f"{label}: refreshes of every order", [values["rounds"]], "", None)
        self.row(f"{label}: orders placed beside them", [values["placed"]], "", None,
                 note="none lost, none sent twice (the test checks)")

    def callgrind(self):
        services = os.path.join(self.work, "services-10000.json")
        status = os.path.join(self.work, "status-100.json")
        key = self.env["SMM_PANEL_SIM_KEY"]
        ids = ",".join(str(FIRST_ORDER_ID + i) for i in range(100))
        for path, form in ((services, {"key": key, "action": "services"}),
                           (status, {"key": key, "action": "status", "orders": ids})):
            data = urllib.parse.urlencode(form).encode()
            with urllib.request.urlopen(self.cat_url, data=data) as reply, open(path, "wb") as out:
                out.write(reply.read())
        for what, path, label in (("services", services, "10,000-service catalogue"),
                                  ("status", status, "100-order status batch")):
            counts = []
            for _ in range(self.runs):
                out = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=parse_once",
                                      f"--callgrind-out-file={self.work}/callgrind.out",
                                      self.prog("benchmarks", "smm-bench-parse"), what, path],
                                     env=self.env, check=True, capture_output=True, text=True).stderr
                counts.append(int(re.search(r"Collected : (\d+)", out)[1]))
            self.row(f"6. Instructions (callgrind): parse the {label}", counts, "Ir", None)


def fmt(value, unit):
    if value is None:
        return "–"
    if unit == "Ir":
        return f"{value:,.0f}"
    if unit == "×":
        return f"{value:.1f}×"
    if unit == "":
        return f"{value:,.0f}"
    return f"{value:,.1f} {unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="")
    parser.add_argument("--keep", help="keep the generated data in this directory")
    parser.add_argument("--load-seconds", type=int, default=600, help="how long gui-load runs")
    args = parser.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="smm-bench-")
    os.makedirs(work, exist_ok=True)
    bench = Bench(args.build, args.runs, work)
    only = set(filter(None, args.only.split(",")))
    started = time.monotonic()
    try:
        if not only or only - {"gui-load"}:
            print("preparing 10,000 services and 100,000 orders…", file=sys.stderr, flush=True)
            bench.prepare_big()
        steps = [("catalogue", bench.catalogue), ("search", bench.search),
                 ("tracking", lambda: bench.tracking(10000, True)),
                 ("tracking-100k", lambda: bench.tracking(100000, False)),
                 ("startup", lambda: bench.startup("cairo")), ("startup-gl", lambda: bench.startup("")),
                 ("scroll", bench.scroll), ("place", bench.place),
                 ("callgrind", bench.callgrind), ("lists", bench.lists), ("cells", bench.cells),
                 ("gui-load", lambda: bench.gui_load(args.load_seconds))]
        for name, step in steps:
            # the load test takes ten minutes: only when asked for
            if (not only and name != "gui-load") or name in only:
                print(f"{name}…", file=sys.stderr, flush=True)
                step()
    finally:
        for proc in list(bench.sims):
            bench.stop_sim(proc)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(bench.table())
    print(f"\n(whole run: {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
