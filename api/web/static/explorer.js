// The graph explorer: Cytoscape.js over /graph/neighbourhood, search through /api/lookup.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("explorer-config").textContent);
  const container = document.getElementById("cy");
  const statusEl = document.getElementById("status");
  const PALETTE = {
    State: "#1f77b4", InternationalOrganization: "#2ca02c", Company: "#ff7f0e", GovernmentBody: "#9467bd",
    Person: "#d62728", Mechanism: "#8c564b", Agreement: "#e377c2", Event: "#17becf",
    CooperationArea: "#bcbd22", "": "#7f7f7f",
  };
  const colour = (cls) => PALETTE[cls] || "#7f7f7f";

  const cy = cytoscape({
    container: container,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)", "background-color": (n) => colour(n.data("class")),
          width: "mapData(degree, 0, 40, 18, 60)", height: "mapData(degree, 0, 40, 18, 60)",
          "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis",
          "text-max-width": 120,
        },
      },
      // A dashed ring: this node has edges not shown yet (a click expands it).
      { selector: "node[hidden > 0]", style: { "border-width": 2, "border-style": "dashed", "border-color": "#555" } },
      { selector: "node[?root]", style: { "border-width": 3, "border-style": "solid", "border-color": "#222" } },
      {
        selector: "edge",
        style: {
          label: "data(label)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle",
          width: 1.5, "line-color": "#aaa", "target-arrow-color": "#aaa", "text-rotation": "autorotate",
          color: "#555",
        },
      },
      { selector: ".filtered", style: { display: "none" } },
    ],
  });
  window.pactgraphCy = cy;

  function setStatus(text) { statusEl.textContent = text; }

  function load(iri, expand) {
    const params = new URLSearchParams({ iri: iri, depth: "1", limit: "40", lang: config.lang });
    setStatus("…");
    return fetch(config.neighbourhood + "?" + params.toString())
      .then((r) => r.json().then((body) => ({ ok: r.ok, body: body })))
      .then(({ ok, body }) => {
        if (!ok) { setStatus(body.error || "error"); return; }
        if (!expand) cy.elements().remove();
        const fresh = [];
        body.elements.nodes.forEach((n) => {
          const existing = cy.getElementById(n.data.id);
          if (existing.nonempty()) existing.data({ degree: n.data.degree, hidden: n.data.hidden });
          else fresh.push(n);
        });
        body.elements.edges.forEach((e) => { if (cy.getElementById(e.data.id).empty()) fresh.push(e); });
        cy.add(fresh);
        // Relations from the nodes just loaded to nodes already on screen (found from neither root).
        const links = (body.boundary_edges || []).filter((e) =>
          cy.getElementById(e.data.id).empty() &&
          cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty());
        cy.add(links);
        const left = body.left_out;
        setStatus(
          cy.nodes().length + " nodes, " + cy.edges().length + " edges" +
          (body.truncated ? " (" + left.nodes + " nodes and " + left.edges + " edges left out)" : "")
        );
        refreshFilters();
        cy.layout({ name: "cose", animate: false, randomize: !expand, nodeDimensionsIncludeLabels: true }).run();
      })
      .catch((err) => setStatus(String(err)));
  }

  cy.on("tap", "node", (evt) => load(evt.target.id(), true));
  cy.on("dbltap", "node", (evt) => { window.location.href = evt.target.data("href"); });

  // --- search with suggestions ---
  const input = document.getElementById("entity");
  const list = document.getElementById("entity-suggestions");
  let suggestions = [];
  function suggest(q) {
    const params = new URLSearchParams({ q: q, limit: "10", lang: config.lang, scope: "entities" });
    return fetch(config.lookup + "?" + params.toString()).then((r) => r.json()).then((data) => {
      suggestions = data.results;
      list.innerHTML = "";
      suggestions.forEach((s) => {
        const option = document.createElement("option");
        option.value = s.label;
        option.textContent = s["class"];
        list.appendChild(option);
      });
      return suggestions;
    });
  }
  input.addEventListener("input", () => { if (input.value.trim().length >= 2) suggest(input.value); });
  document.getElementById("explorer-search").addEventListener("submit", (evt) => {
    evt.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    suggest(q).then((found) => {
      const exact = found.find((s) => s.label === q) || found[0];
      if (exact) load(exact.iri, false); else setStatus("no match for " + q);
    });
  });

  // --- filters: class, property, date range, document ---
  const classBox = document.getElementById("filter-classes");
  const propBox = document.getElementById("filter-properties");
  const docSelect = document.getElementById("filter-document");
  const dateFrom = document.getElementById("date-from");
  const dateTo = document.getElementById("date-to");
  const hidden = { classes: new Set(), properties: new Set() };

  function checkbox(box, set, key, text, swatch) {
    const id = "f-" + box.id + "-" + key.replace(/[^A-Za-z0-9]/g, "_");
    if (document.getElementById(id)) return;
    const label = document.createElement("label");
    const cb = document.createElement("input");
    cb.type = "checkbox"; cb.checked = !set.has(key); cb.id = id;
    cb.addEventListener("change", () => { if (cb.checked) set.delete(key); else set.add(key); applyFilters(); });
    label.appendChild(cb);
    if (swatch) { const s = document.createElement("span"); s.className = "swatch"; s.style.background = swatch; label.appendChild(s); }
    label.appendChild(document.createTextNode(" " + text));
    box.appendChild(label);
  }

  function refreshFilters() {
    cy.nodes().forEach((n) =>
      checkbox(classBox, hidden.classes, n.data("class") || "", n.data("class_label") || n.data("class") || "—", colour(n.data("class")))
    );
    cy.edges().forEach((e) => checkbox(propBox, hidden.properties, e.data("property"), e.data("label")));
    const docs = new Set();
    cy.edges().forEach((e) => (e.data("documents") || []).forEach((d) => docs.add(d)));
    docs.forEach((d) => {
      if ([...docSelect.options].some((o) => o.value === d)) return;
      const o = document.createElement("option"); o.value = d; o.textContent = d.split("/").pop(); docSelect.appendChild(o);
    });
    applyFilters();
  }

  function applyFilters() {
    const from = dateFrom.value.trim(), to = dateTo.value.trim(), doc = docSelect.value;
    cy.batch(() => {
      cy.elements().removeClass("filtered");
      cy.nodes().forEach((n) => {
        const d = n.data("date");
        const outOfRange = d && ((from && d < from) || (to && d.slice(0, to.length) > to));
        if (hidden.classes.has(n.data("class") || "") || outOfRange) n.addClass("filtered");
      });
      cy.edges().forEach((e) => {
        if (hidden.properties.has(e.data("property")) || (doc && !(e.data("documents") || []).includes(doc))) e.addClass("filtered");
      });
    });
  }
  [dateFrom, dateTo].forEach((el) => el.addEventListener("input", applyFilters));
  docSelect.addEventListener("change", applyFilters);

  if (container.dataset.start) load(container.dataset.start, false);
})();
