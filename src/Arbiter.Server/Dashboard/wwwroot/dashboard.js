// Arbiter dashboard: reads GET /admin/kpis with the admin key (kept in sessionStorage, sent as a bearer header) and
// draws it with Chart.js. After each draw, every chart writes the labels and values it shows into data- attributes
// (data-labels, data-series) and the body says data-state="ready": the browser test reads those.
(() => {
  "use strict";

  const KEY = "arbiter.adminKey";
  const WINDOW = "arbiter.window";
  const REFRESH_MS = 15000;
  const BUCKETS = 30;
  const palette = ["#818cf8", "#34d399", "#38bdf8", "#fbbf24", "#fb7185", "#a78bfa", "#2dd4bf", "#f472b6", "#facc15", "#60a5fa"];
  const charts = new Map();
  let timer = null;

  // A key or window given in the URL fragment (never sent to the server) is taken once and removed from the address bar.
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("key")) sessionStorage.setItem(KEY, hash.get("key"));
  if (hash.get("window")) sessionStorage.setItem(WINDOW, hash.get("window"));
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);

  const $ = (id) => document.getElementById(id);
  const windowLength = () => sessionStorage.getItem(WINDOW) || "24h";

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // ---- formatting -------------------------------------------------------------------------------------------
  function usd(v) {
    if (v === null || v === undefined) return "–";
    const n = Number(v);
    if (n === 0) return "$0";
    if (Math.abs(n) < 1) return "$" + Number(n.toPrecision(3)).toString();
    return "$" + n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const ms = (v) => v === null || v === undefined ? "–" : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`;
  const pct = (v, digits = 1) => v === null || v === undefined ? "–" : `${(v * 100).toFixed(digits)}%`;
  const num = (v) => Number(v).toLocaleString("en-US");
  function timeLabel(iso, bucketSeconds) {
    const d = new Date(iso);
    const hm = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
    return bucketSeconds >= 3600 * 3 ? `${d.toISOString().slice(5, 10)} ${hm}` : hm;
  }

  // ---- data -------------------------------------------------------------------------------------------------
  async function load() {
    const key = sessionStorage.getItem(KEY);
    const headers = key ? { Authorization: `Bearer ${key}` } : {};
    let response;
    try {
      response = await fetch(`/admin/kpis?window=${encodeURIComponent(windowLength())}&buckets=${BUCKETS}&recent=25`, { headers, cache: "no-store" });
    } catch (e) {
      $("updated").textContent = "gateway unreachable";
      return schedule();
    }
    if (response.status === 401) return askForKey(Boolean(key));
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      $("updated").textContent = body?.error?.message ?? `error ${response.status}`;
      document.body.dataset.state = "error";
      return schedule();
    }
    $("signout").hidden = !key;
    render(await response.json());
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(load, REFRESH_MS);
  }

  function askForKey(refused) {
    document.body.dataset.state = "needs-key";
    $("keyerror").hidden = !refused;
    const dialog = $("keydialog");
    if (!dialog.open) dialog.showModal();
    $("keyinput").focus();
  }

  // ---- rendering --------------------------------------------------------------------------------------------
  function render(report) {
    const t = report.totals;
    renderAlerts(report.alerts);
    renderTiles(t, report.strongest_model);
    const labels = report.series.map((b) => timeLabel(b.start, report.bucket_seconds));
    renderCost(report, labels);
    renderLatency(report.groups.task);
    renderModels(report.groups.model);
    renderTiers(report.groups.tier);
    renderRates(report, labels);
    renderQuality(report, labels);
    renderRecent(report.recent);
    $("updated").textContent = `${windowLength()} window · updated ${new Date(report.generated_at).toLocaleTimeString("en-GB", { timeZone: "UTC" })} UTC`;
    document.body.dataset.requests = String(t.requests);
    document.body.dataset.alerts = String(report.alerts.length);
    document.body.dataset.state = "ready";
  }

  function renderAlerts(alerts) {
    const box = $("alerts");
    box.replaceChildren();
    if (alerts.length === 0) {
      const ok = el("span", "badge ok");
      ok.append(el("span", "dot"), el("span", null, "No drift: quality, latency and fallbacks are within their thresholds"));
      box.append(ok);
      return;
    }
    for (const a of alerts) {
      const badge = el("span", "badge alert");
      badge.dataset.alert = `${a.dimension}:${a.key}:${a.metric}`;
      const what = a.metric === "latency_p95" ? `${ms(a.baseline)} → ${ms(a.current)}`
        : a.metric === "quality" ? `${a.baseline.toFixed(2)} → ${a.current.toFixed(2)}`
        : `${pct(a.baseline)} → ${pct(a.current)}`;
      const title = el("b", null, `${a.metric.replace("_", " ")} drift`);
      badge.append(el("span", "dot"), title, el("span", null, `${a.dimension} ${a.key}: ${what}`),
        el("span", "muted", `since ${new Date(a.since).toLocaleTimeString("en-GB", { timeZone: "UTC" })}`));
      box.append(badge);
    }
  }

  function renderTiles(t, strongest) {
    $("t-requests").textContent = num(t.requests);
    $("t-success").textContent = t.requests ? `${pct(t.success_rate)} succeeded · ${num(t.requests - t.succeeded)} failed` : "no requests in this window";
    $("t-cps").textContent = usd(t.cost_per_success_usd);
    $("t-unpriced").textContent = t.unpriced_requests ? `${num(t.unpriced_requests)} unpriced, not counted as $0` : "every request priced";
    if (t.strongest_model_cost_usd !== null && t.strongest_model_cost_usd > 0) {
      $("t-savings").textContent = `${pct(t.savings_rate, 0)} saved`;
      $("t-spend").textContent = `${usd(t.cost_usd)} vs ${usd(t.strongest_model_cost_usd)} on ${strongest}`;
    } else {
      $("t-savings").textContent = "–";
      $("t-spend").textContent = strongest ? `${usd(t.cost_usd)} spent` : "no priced model to compare with";
    }
    $("t-p95").textContent = ms(t.latency_p95_ms);
    $("t-p50").textContent = `p50 ${ms(t.latency_p50_ms)} · TTFB p95 ${ms(t.ttfb_p95_ms)}`;
    $("t-fallback").textContent = pct(t.fallback_rate);
    $("t-escalation").textContent = `of requests fell back · ${pct(t.escalation_rate)} escalated`;
    $("t-quality").textContent = t.quality === null ? "–" : t.quality.toFixed(2);
    $("t-quality-n").textContent = t.quality_samples ? `${num(t.quality_samples)} scored answers` : "no feedback or judge scores yet";
  }

  function cumulative(values) {
    let sum = 0;
    return values.map((v) => (sum += Number(v ?? 0), Number(sum.toFixed(10))));
  }

  function renderCost(report, labels) {
    const actual = cumulative(report.series.map((b) => b.figures.cost_usd));
    const datasets = [{ label: "Actual spend", data: actual, borderColor: palette[1], backgroundColor: "rgba(52, 211, 153, .15)", fill: true, tension: .25, pointRadius: 0, borderWidth: 2 }];
    if (report.strongest_model) {
      const strongest = cumulative(report.series.map((b) => b.figures.strongest_model_cost_usd));
      datasets.push({ label: `All on ${report.strongest_model}`, data: strongest, borderColor: palette[0], borderDash: [6, 4], pointRadius: 0, borderWidth: 2, fill: false, tension: .25 });
    }
    draw("cost", "line", labels, datasets, { scales: { y: { beginAtZero: true, ticks: { callback: (v) => usd(v) } } }, tooltip: (c) => `${c.dataset.label}: ${usd(c.parsed.y)}` });
  }

  function renderLatency(groups) {
    const rows = groups.filter((g) => g.figures.latency_p95_ms !== null);
    draw("latency", "bar", rows.map((g) => (g.key === "(none)" ? "unclassified" : g.key)), [
      { label: "p50", data: rows.map((g) => g.figures.latency_p50_ms), backgroundColor: palette[2], borderRadius: 4 },
      { label: "p95", data: rows.map((g) => g.figures.latency_p95_ms), backgroundColor: palette[0], borderRadius: 4 },
    ], { scales: { y: { beginAtZero: true, ticks: { callback: (v) => ms(v) } } }, tooltip: (c) => `${c.dataset.label}: ${ms(c.parsed.y)}` });
  }

  function renderModels(groups) {
    const rows = groups.filter((g) => g.key !== "(none)");
    draw("models", "bar", rows.map((g) => g.key), [
      { label: "Requests", data: rows.map((g) => round(g.request_share * 100)), backgroundColor: palette[2], borderRadius: 4 },
      { label: "Spend", data: rows.map((g) => round((g.cost_share ?? 0) * 100)), backgroundColor: palette[1], borderRadius: 4 },
    ], { scales: { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v}%` } } }, tooltip: (c) => `${c.dataset.label}: ${c.parsed.y}%` });
  }

  function renderTiers(groups) {
    draw("tiers", "doughnut", groups.map((g) => g.key), [
      { label: "Requests", data: groups.map((g) => g.figures.requests), backgroundColor: groups.map((_, i) => palette[i % palette.length]), borderColor: "#111a2e", borderWidth: 3 },
    ], { cutout: "62%", legend: "right" });
  }

  function renderRates(report, labels) {
    const rate = (f, v) => (f.requests ? round(v * 100) : null);
    draw("rates", "line", labels, [
      { label: "Fallback", data: report.series.map((b) => rate(b.figures, b.figures.fallback_rate)), borderColor: palette[3], backgroundColor: palette[3], spanGaps: true, tension: .25, pointRadius: 2 },
      { label: "Escalation", data: report.series.map((b) => rate(b.figures, b.figures.escalation_rate)), borderColor: palette[4], backgroundColor: palette[4], spanGaps: true, tension: .25, pointRadius: 2 },
    ], { scales: { y: { beginAtZero: true, suggestedMax: 20, ticks: { callback: (v) => `${v}%` } } }, tooltip: (c) => `${c.dataset.label}: ${c.parsed.y}%` });
  }

  function renderQuality(report, labels) {
    const q = report.series.map((b) => (b.figures.quality === null ? null : round(b.figures.quality, 3)));
    const mean = report.totals.quality;
    const datasets = [{ label: "Quality", data: q, borderColor: palette[2], backgroundColor: "rgba(56, 189, 248, .12)", fill: true, spanGaps: true, tension: .25, pointRadius: 2 }];
    if (mean !== null) datasets.push({ label: "Window mean", data: labels.map(() => round(mean, 3)), borderColor: "#8a97b3", borderDash: [4, 4], pointRadius: 0, borderWidth: 1 });
    draw("quality", "line", labels, datasets, { scales: { y: { min: 0, max: 1 } } });
  }

  function round(v, digits = 1) {
    const f = 10 ** digits;
    return Math.round(v * f) / f;
  }

  // Draws (or updates) one chart, then records what it shows on its container for the browser test.
  function draw(name, type, labels, datasets, opts = {}) {
    const box = document.querySelector(`[data-chart="${name}"]`);
    box.querySelector(".empty")?.remove();
    const hasData = labels.length > 0 && datasets.some((d) => d.data.some((v) => v !== null && v !== 0));
    if (!hasData) box.append(el("div", "empty", "no data in this window"));
    let chart = charts.get(name);
    if (chart && chart.config.type !== type) { chart.destroy(); chart = null; }
    if (!chart) {
      chart = new Chart(box.querySelector("canvas"), {
        type,
        data: { labels, datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: "index", intersect: false },
          cutout: opts.cutout,
          plugins: {
            legend: { position: opts.legend ?? "top", align: "end", labels: { boxWidth: 10, boxHeight: 10, usePointStyle: true } },
            tooltip: opts.tooltip ? { callbacks: { label: opts.tooltip } } : {},
          },
          scales: type === "doughnut" ? {} : merge({ x: { grid: { display: false } }, y: { grid: { color: "rgba(36, 49, 79, .6)" } } }, opts.scales ?? {}),
        },
      });
      charts.set(name, chart);
    } else {
      chart.data.labels = labels;
      chart.data.datasets = datasets;
      chart.update("none");
    }
    box.dataset.labels = JSON.stringify(labels);
    box.dataset.series = JSON.stringify(Object.fromEntries(datasets.map((d) => [d.label, d.data])));
    box.dataset.rendered = String(chart.canvas.width > 0 && chart.canvas.height > 0);
  }

  function merge(a, b) {
    for (const [k, v] of Object.entries(b)) a[k] = v && typeof v === "object" && !Array.isArray(v) && typeof a[k] === "object" ? merge(a[k], v) : v;
    return a;
  }

  function renderRecent(rows) {
    const body = document.querySelector("#recent tbody");
    body.replaceChildren();
    if (rows.length === 0) {
      const tr = el("tr");
      const td = el("td", "muted", "No requests in this window yet.");
      td.colSpan = 7;
      tr.append(td);
      body.append(tr);
      return;
    }
    for (const r of rows) {
      const tr = el("tr");
      tr.dataset.requestId = r.request_id;
      const time = el("td", null, new Date(r.started_at).toLocaleTimeString("en-GB", { timeZone: "UTC" }));
      time.title = r.request_id;
      const where = el("td");
      where.append(el("span", "route", `${r.route ?? r.requested_model} → `), el("span", "model", r.served_model ?? "none"));
      if (r.tier) where.append(" ", el("span", "tag", r.tier));
      if (r.stream) where.append(" ", el("span", "tag", "stream"));
      const ok = r.status >= 200 && r.status < 300;
      const status = el("td", ok ? "status-ok" : "status-err", ok ? String(r.status) : `${r.status} ${r.error ?? ""}`.trim());
      const cost = el("td", "num", r.unpriced ? "unpriced" : usd(r.cost_usd));
      const why = el("td");
      why.append(el("div", r.decision ? "decision" : "decision muted", r.decision ?? r.error_message ?? "–"));
      const chips = el("div", "attempts");
      r.attempts.forEach((a, i) => {
        if (i > 0) chips.append(el("span", "muted", "→"));
        const where = a.deployment ? `${a.model}@${a.deployment}` : a.model;
        const retry = a.retry > 0 ? ` · retry ${a.retry}` : "";
        if (a.skipped) chips.append(el("span", "chip skip", `${where} skipped: ${a.skipped.replace("_", " ")}`));
        else chips.append(el("span", `chip ${a.error ? "fail" : "ok"}`, `${where} ${a.error ? "✕ " + a.error : "✓"} · ${ms(a.duration_ms)}${retry}`));
      });
      if (r.escalations > 0) chips.append(el("span", "chip esc", `escalated ×${r.escalations}`));
      if (r.quality !== null) chips.append(el("span", "chip", `quality ${r.quality.toFixed(2)}`));
      why.append(chips);
      tr.append(time, where, el("td", null, r.task_type ?? "–"), status, el("td", "num", ms(r.latency_ms)), cost, why);
      body.append(tr);
    }
  }

  // ---- wiring -----------------------------------------------------------------------------------------------
  function markWindow() {
    for (const b of document.querySelectorAll("[data-window]")) b.setAttribute("aria-pressed", String(b.dataset.window === windowLength()));
  }

  document.addEventListener("DOMContentLoaded", () => {
    Chart.defaults.color = "#8a97b3";
    Chart.defaults.borderColor = "#24314f";
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    for (const b of document.querySelectorAll("[data-window]")) {
      b.addEventListener("click", () => {
        sessionStorage.setItem(WINDOW, b.dataset.window);
        markWindow();
        load();
      });
    }
    $("keyform").addEventListener("submit", () => {
      sessionStorage.setItem(KEY, $("keyinput").value.trim());
      $("keyinput").value = "";
      load();
    });
    $("signout").addEventListener("click", () => {
      sessionStorage.removeItem(KEY);
      location.reload();
    });
    markWindow();
    load();
  });
})();
