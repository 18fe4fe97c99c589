/* PaperKG report: search, charts, the neighbourhood graph and sortable tables.
   Runs from file:// with no server: data comes from JSON inlined in the page, and the search
   index from a script tag (Chromium refuses fetch() of local files). */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var COLOURS = { Method: "#4e79a7", Dataset: "#f28e2b", Task: "#59a14f", Metric: "#b07aa1",
                  Model: "#e15759", ModelFamily: "#9c755f", Paper: "#bab0ac" };

  /* The same normalisation as kg.core.names.name_key, so "GSM-8K", "gsm8k" and "GSM 8k" meet. */
  /* kg.core.names: Greek letters spelt out, as the LaTeX they are typed from ("Δ-NeRF" is Delta-NeRF) */
  var GREEK = {"ϵ": "epsilon", "ϑ": "theta", "ϕ": "phi", "ϖ": "pi", "ϱ": "rho", "ς": "sigma"};
  ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau " +
   "upsilon phi chi psi omega").split(" ").forEach(function (spelt, i) {
    var offset = i < 17 ? i : i + 1;  /* no capital at U+03A2, where the small letters keep final sigma */
    GREEK[String.fromCharCode(0x391 + offset)] = spelt;
    GREEK[String.fromCharCode(0x3B1 + offset)] = spelt;
  });

  function nameKey(name) {
    var spelt = String(name).normalize("NFKD").replace(/[\u0370-\u03ff]/g, function (c) { return GREEK[c] || c; });
    var key = spelt.toLowerCase().split("&").join("and").replace(/[^a-z0-9.+]/g, "")
      .replace(/^\.+|\.+$/g, "");
    return key.replace(/(?<=[a-z]{3})(?<!s)s$/, "");
  }

  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function isExternal(href) { return /^https?:/.test(href); }

  function go(href) { if (href) window.location.href = isExternal(href) ? href : root + href; }

  /* -- search ---------------------------------------------------------------------------- */
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var loading = null;

  function loadIndex() {
    if (window.KG_SEARCH) return Promise.resolve(window.KG_SEARCH);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + "search-index.js";
        script.onload = function () { resolve(window.KG_SEARCH); };
        script.onerror = function () { reject(new Error("search index missing")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /* Exact key first, then keys starting with the query, then keys containing it; most papers first. */
  function search(entries, query, limit) {
    var wanted = nameKey(query), hits = [];
    if (!wanted) return hits;
    for (var i = 0; i < entries.length; i++) {
      var keys = entries[i][4], rank = 3;
      for (var j = 0; j < keys.length && rank > 0; j++) {
        if (keys[j] === wanted) rank = 0;
        else if (rank > 1 && keys[j].indexOf(wanted) === 0) rank = 1;
        else if (rank > 2 && keys[j].indexOf(wanted) > 0) rank = 2;
      }
      if (rank < 3) hits.push([rank, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || entries[b[1]][3] - entries[a[1]][3] || a[1] - b[1]; });
    return hits.slice(0, limit).map(function (hit) { return entries[hit[1]]; });
  }

  function showResults(entries) {
    var hits = search(entries, input.value, 20);
    list.innerHTML = "";
    hits.forEach(function (entry) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = root + entry[2];
      link.className = "entity t-" + entry[1];
      link.textContent = entry[0];
      item.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " " + entry[1] + ", " + entry[3] + " paper" + (entry[3] === 1 ? "" : "s") +
        (entry[5].length ? " · " + entry[5].join(", ") : "");
      item.appendChild(meta);
      list.appendChild(item);
    });
    if (!hits.length && input.value.trim()) {
      var none = document.createElement("li");
      none.className = "muted";
      none.textContent = "No entity is called that.";
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
  }

  if (input) {
    input.addEventListener("focus", loadIndex);
    input.addEventListener("input", function () { loadIndex().then(showResults); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) window.location.href = first.href;
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
  }

  /* -- charts ---------------------------------------------------------------------------- */
  var DAY = 86400000;
  function dayOf(date) { return Date.parse(date.length === 7 ? date + "-01" : date) / DAY; }
  function dateOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  function chartConfig(kind, points, label) {
    var base = { animation: false, responsive: true, maintainAspectRatio: false,
                 plugins: { legend: { display: false } } };
    if (kind === "months") {
      return { type: "bar", data: { labels: points.map(function (p) { return p[0]; }),
               datasets: [{ label: label, data: points.map(function (p) { return p[1]; }), backgroundColor: "#4e79a7" }] },
               options: base };
    }
    if (kind === "counts") {
      return { type: "bar", data: { labels: points.map(function (p) { return p[0]; }),
               datasets: [{ label: label, data: points.map(function (p) { return p[1]; }),
                            backgroundColor: points.map(function (p) { return COLOURS[p[0]] || "#888"; }) }] },
               options: Object.assign({}, base, { indexAxis: "y" }) };
    }
    if (kind === "steps") {
      /* points = {scores: [...], best: [...], until: date}: grey dots, and the red step line of
         the best score so far, held until the last dated score. */
      var xy = function (p) { return { x: dayOf(p.date), y: p.value, point: p }; };
      var last = points.best[points.best.length - 1];
      var line = points.best.map(xy).concat([{ x: dayOf(points.until), y: last.value, point: null }]);
      var datasets = [
        { label: "best so far", data: line, stepped: true, borderColor: "#e15759", backgroundColor: "#e15759",
          pointRadius: line.map(function (p) { return p.point ? 5 : 0; }), pointHoverRadius: 7, order: 1 },
        { label: "scores", data: points.scores.map(xy), showLine: false, pointRadius: 3,
          backgroundColor: "rgba(120,120,120,.45)", borderColor: "rgba(120,120,120,.45)", order: 2 },
      ];
      var pad = 15, first = dayOf(points.scores[0].date), end = dayOf(points.until);
      var short = end - first > 180;  /* months on the axis, or days for a short span */
      return { type: "line", data: { datasets: datasets },
               options: Object.assign({}, base, {
                 scales: { x: { type: "linear", min: first - pad, max: end + pad,
                                ticks: { callback: function (v) { return dateOf(v).slice(0, short ? 7 : 10); } } } },
                 onClick: function (event, elements) {
                   /* the first element under the pointer that is a score: the step line's end
                      (held until the last date) shares its x with the last scores */
                   var hits = elements.map(function (e) { return datasets[e.datasetIndex].data[e.index].point; });
                   var hit = hits.filter(function (p) { return p; })[0];
                   if (hit) go(hit.link);
                 },
                 plugins: { legend: { display: false }, tooltip: {
                   filter: function (item) { return item.raw.point !== null; },
                   callbacks: {
                     title: function (items) { return items[0].raw.point.date; },
                     label: function (item) {
                       var p = item.raw.point;
                       return [(p.subject || "?") + ": " + p.value + (p.unit && p.unit !== "points" ? p.unit : ""), p.paper];
                     } } } } }) };
    }
    if (kind === "subjects") {
      return { type: "bar", data: { labels: points.map(function (p) { return p.subject; }),
               datasets: [{ label: label, data: points.map(function (p) { return p.value; }), backgroundColor: "#e15759" }] },
               options: Object.assign({}, base, { indexAxis: "y",
                 onClick: function (event, elements) { if (elements.length) go(points[elements[0].index].link); },
                 plugins: { legend: { display: false }, tooltip: { callbacks: {
                   afterLabel: function (item) { return points[item.dataIndex].paper; } } } } }) };
    }
    throw new Error("unknown chart kind " + kind);
  }

  var charts = [];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var points = data(canvas.id + "-data");
    canvas.chart = new Chart(canvas, chartConfig(canvas.getAttribute("data-chart"), points, canvas.getAttribute("data-label")));
    charts.push(canvas.chart);
  });

  /* -- the entities most often used with this one, and its neighbourhood graph ------------ */
  /* data: papers [title, link], with [name, type, page file, shared papers], edges [paper, with] */
  function pageOf(w) { return w[1].toLowerCase() + "/" + w[2] + ".html"; }
  var near = data("neighbourhood-data");
  var usedWith = document.getElementById("used-with");
  if (near && usedWith) {
    near["with"].slice(0, Number(usedWith.getAttribute("data-limit"))).forEach(function (w) {
      var item = document.createElement("li"), link = document.createElement("a"), meta = document.createElement("span");
      link.href = root + pageOf(w);
      link.className = "entity t-" + w[1];
      link.textContent = w[0];
      meta.className = "muted";
      meta.textContent = " " + w[1] + ", " + w[3] + " paper" + (w[3] === 1 ? "" : "s");
      item.appendChild(link);
      item.appendChild(meta);
      usedWith.appendChild(item);
    });
  }
  var box = document.getElementById("neighbourhood");
  if (box && near) {
    var name = document.getElementById("entity-name");
    var nodes = [{ data: { id: "c", label: name ? name.textContent : "", kind: box.getAttribute("data-kind"), centre: 1 } }];
    var edges = [], linked = {};
    near.papers.forEach(function (p, i) {
      nodes.push({ data: { id: "p" + i, label: p[0], kind: "Paper", href: p[1] } });
      edges.push({ data: { id: "pc" + i, source: "p" + i, target: "c" } });
    });
    near["with"].forEach(function (w, i) {
      nodes.push({ data: { id: "w" + i, label: w[0], kind: w[1], href: pageOf(w) } });
    });
    near.edges.forEach(function (e) {
      linked[e[1]] = true;
      edges.push({ data: { id: "p" + e[0] + "w" + e[1], source: "p" + e[0], target: "w" + e[1] } });
    });
    near["with"].forEach(function (w, i) {  /* shares only papers not drawn: tied to the centre */
      if (!linked[i]) edges.push({ data: { id: "cw" + i, source: "c", target: "w" + i, dashed: 1 } });
    });
    var cy = cytoscape({
      container: box,
      elements: { nodes: nodes, edges: edges },
      style: [
        { selector: "node", style: { "background-color": function (n) { return COLOURS[n.data("kind")] || "#333"; },
                                      "label": "data(label)", "font-size": 9, "width": 14, "height": 14,
                                      "text-wrap": "ellipsis", "text-max-width": 120, "color": "#333" } },
        { selector: "node[kind = 'Paper']", style: { "shape": "round-rectangle", "label": "", "font-size": 9, "color": "#555" } },
        { selector: "node[kind = 'Paper'].hover", style: { "label": "data(label)", "z-index": 10, "text-background-color": "#fff", "text-background-opacity": 0.9 } },
        { selector: "node[centre = 1]", style: { "width": 26, "height": 26, "font-size": 12, "font-weight": "bold" } },
        { selector: "edge", style: { "width": 1, "line-color": "#ccc", "curve-style": "haystack" } },
        { selector: "edge[dashed = 1]", style: { "line-style": "dashed", "curve-style": "straight" } },
      ],
      layout: { name: "concentric", animate: false, minNodeSpacing: 18, padding: 10,
                concentric: function (n) { return n.data("centre") ? 3 : n.data("kind") === "Paper" ? 2 : 1; },
                levelWidth: function () { return 1; } },
    });
    cy.on("tap", "node", function (event) { go(event.target.data("href")); });
    cy.on("mouseover", "node", function (event) { event.target.addClass("hover"); });
    cy.on("mouseout", "node", function (event) { event.target.removeClass("hover"); });
    box.cy = cy;
  }

  /* -- sortable tables ------------------------------------------------------------------- */
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        var numeric = th.classList.contains("num");
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column], order;
          if (numeric) order = parseFloat(x.getAttribute("data-value") || x.textContent.replace(/,/g, "")) -
                               parseFloat(y.getAttribute("data-value") || y.textContent.replace(/,/g, ""));
          else order = x.textContent.localeCompare(y.textContent);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  window.KG = { nameKey: nameKey, search: search, loadIndex: loadIndex, charts: charts };
  document.body.setAttribute("data-ready", "1");
  /* the first frame painted with everything drawn, in ms from the start of navigation */
  requestAnimationFrame(function () { window.KG_PAINTED_MS = performance.now(); });
})();
