// The query editor: YASGUI on this server's /sparql, autocompletion from /api/lookup (never LOV).
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  const Yasqe = Yasgui.Yasqe;
  const OWL = "http://www.w3.org/2002/07/owl#";

  // What the user typed, as a word to look up: the part after the prefix, '#' or the last '/'.
  function typedWord(token) {
    const text = (token && (token.autocompletionString || token.string)) || "";
    return text.replace(/^</, "").replace(/>$/, "").split(/[#/:]/).pop();
  }

  function lookup(token, types) {
    const q = typedWord(token);
    if (!q) return Promise.resolve([]);
    const params = new URLSearchParams({ q: q, limit: "20" });
    types.forEach((t) => params.append("type", t));
    return fetch(config.lookup + "?" + params.toString())
      .then((r) => (r.ok ? r.json() : { results: [] }))
      .then((data) => data.results.map((r) => r.iri))
      .catch(() => []);
  }

  // Prefixes: this graph's namespaces (typing "pg:" also adds its PREFIX line), not a remote list.
  const prefixLines = Object.entries(config.prefixes).map(([p, ns]) => p + ": <" + ns + ">");
  Yasqe.forkAutocompleter("prefixes", { name: "pgPrefixes", persistenceId: null, get: () => prefixLines }, false);
  Yasqe.forkAutocompleter("class", { name: "pgClass", get: (y, t) => lookup(t, [OWL + "Class"]) }, false);
  Yasqe.forkAutocompleter(
    "property",
    { name: "pgProperty", get: (y, t) => lookup(t, [OWL + "ObjectProperty", OWL + "DatatypeProperty"]) },
    false
  );
  Yasqe.forkAutocompleter(
    "class",
    {
      name: "pgResource",
      isValidCompletionPosition: (y) => {
        const token = y.getCompleteToken();
        return /^(id:|<https:\/\/w3id\.org\/pactgraph\/id\/)/.test(token.string || "");
      },
      get: (y, t) => lookup(t, []),
    },
    false
  );

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
    persistenceId: "pactgraph-editor",
    yasqe: {
      value: config.defaultQuery,
      autocompleters: ["pgPrefixes", "variables", "pgClass", "pgProperty", "pgResource"],
    },
    yasr: { prefixes: config.prefixes },
  });
  window.pactgraphYasgui = yasgui;

  const tab = () => yasgui.getTab();
  // Start on this server's endpoint, even when the browser remembers another one.
  tab().setEndpoint(config.endpoint);
  const byName = Object.fromEntries(config.examples.map((e) => [e.name, e]));
  const select = document.getElementById("examples");
  function loadExample(name) {
    const example = byName[name];
    if (!example) return;
    tab().setQuery(example.query);
  }
  select.addEventListener("change", () => loadExample(select.value));
  if (config.example && byName[config.example]) {
    select.value = config.example;
    loadExample(config.example);
  }
})();
