// The overview network: fixed positions from Python, physics off, filters and search.
(function () {
  "use strict";
  var KG = window.KG, el = KG.el, ov = KG.data.overview;
  var colour = {};
  ov.classes.forEach(function (c) { colour[c.name] = c.colour; });
  var classOn = {};
  ov.classes.forEach(function (c) { classOn[c.name] = true; });

  var nodes = new vis.DataSet(ov.nodes.map(function (n) {
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, cls: n.group,
      shape: "dot", size: n.group === "IndustryChain" ? 16 : 9,
      color: { background: colour[n.group], border: "#333333", highlight: { background: colour[n.group], border: "#000000" } }
    };
  }));
  // Arrow heads cost a path per edge; on big graphs they are unreadable anyway.
  var big = ov.nodes.length > 1000;
  var edges = new vis.DataSet(ov.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, arrows: big ? "" : "to", color: { color: "#b0b7c0" } };
  }));
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { font: { face: getComputedStyle(document.body).fontFamily, size: 13 } },
    edges: { smooth: false, width: 1 },
    interaction: { hover: !big, hideEdgesOnDrag: big }
  });
  window.__kgNetwork = network;
  window.__kgNodes = nodes;

  var byId = {};
  ov.nodes.forEach(function (n) { byId[n.id] = n; });
  var chainSelect = document.getElementById("filter-chain");
  var placeSelect = document.getElementById("filter-place");

  var hiddenNow = {};

  function applyFilters() {
    var chain = chainSelect.value, place = placeSelect.value, changes = [], shown = 0;
    ov.nodes.forEach(function (n) {
      var visible = classOn[n.group] && (!chain || n.chains.indexOf(chain) >= 0) &&
        (!place || n.places.indexOf(place) >= 0);
      if (visible) shown += 1;
      // Only changed nodes are updated: each update makes vis redraw.
      if (!visible !== !!hiddenNow[n.id]) changes.push({ id: n.id, hidden: !visible });
      hiddenNow[n.id] = !visible;
    });
    if (changes.length) nodes.update(changes);
    document.getElementById("stats").textContent = shown + " / " + ov.nodes.length + " nodes shown · " +
      ov.edges.length + " edges";
    document.getElementById("stats").dataset.shown = String(shown);
  }

  function buildLegend() {
    var legend = document.getElementById("legend");
    ov.classes.forEach(function (c) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = c.name;
      box.addEventListener("change", function () { classOn[c.name] = box.checked; applyFilters(); });
      var swatch = el("span", "swatch");
      swatch.style.background = c.colour;
      label.append(box, swatch, el("span", "", c.label + " " + c.name));
      legend.appendChild(label);
    });
  }

  function buildSelect(select, items, valueKey) {
    items.forEach(function (item) {
      var opt = el("option", "", item.label);
      opt.value = item[valueKey];
      select.appendChild(opt);
    });
    select.addEventListener("change", applyFilters);
  }

  function focusNode(id) {
    if (!byId[id]) return;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
  }

  function search() {
    var q = document.getElementById("search").value.trim().toLowerCase();
    var list = document.getElementById("results");
    list.replaceChildren();
    if (!q) return;
    ov.nodes.filter(function (n) {
      return n.label.toLowerCase().indexOf(q) >= 0 ||
        n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    }).slice(0, 50).forEach(function (n) {
      var item = el("li"), button = el("button", "", n.label + " (" + (KG.CLASS_ZH[n.group] || n.group) + ")");
      button.addEventListener("click", function () { location.hash = "entity=" + encodeURIComponent(n.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  buildLegend();
  buildSelect(chainSelect, ov.chains, "key");
  buildSelect(placeSelect, ov.places, "id");
  document.getElementById("search").addEventListener("input", search);
  network.on("click", function (params) {
    if (params.nodes.length) location.hash = "entity=" + encodeURIComponent(params.nodes[0]);
  });
  KG.onEntity = focusNode;
  applyFilters();
  network.once("afterDrawing", function () { KG.signalReady(); });
})();
