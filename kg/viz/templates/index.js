// The overview network: fixed positions from Python, physics off, filters and search.
(function () {
  "use strict";
  var KG = window.KG, el = KG.el, ov = KG.data.overview;
  var colour = {};
  ov.classes.forEach(function (c) { colour[c.name] = c.colour; });
  var classOn = {};
  ov.classes.forEach(function (c) { classOn[c.name] = true; });

  // Only the important nodes (chains, the best connected) carry a label; the rest show
  // their name on hover, or all at once with the "all labels" switch.
  var allLabels = document.getElementById("all-labels");
  var hideIsolated = document.getElementById("hide-isolated");
  var FEW = 40;  // a filter that leaves this few nodes labels them all
  var fewShown = false;
  var zoomedIn = false;  // close up, every node has room for its label
  function labelOf(n) { return n.important || allLabels.checked || fewShown || zoomedIn ? n.label : undefined; }
  var nodes = new vis.DataSet(ov.nodes.map(function (n) {
    return {
      id: n.id, label: labelOf(n), title: n.label, x: n.x, y: n.y, cls: n.group,
      shape: "dot", size: (n.group === "IndustryChain" ? 10 : 6) + Math.min(18, Math.sqrt(n.degree || 0) * 3),
      font: { size: n.important ? 26 : 14, strokeWidth: 4, strokeColor: "#ffffff" },  // 26: LABEL_FONT in payload.py
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

  var visibleIds = [];
  function applyFilters() {
    if (groups && groups.length) ungroup();
    var chain = chainSelect.value, place = placeSelect.value, changes = [], shown = 0;
    visibleIds = [];
    ov.nodes.forEach(function (n) {
      var visible = classOn[n.group] && (!chain || n.chains.indexOf(chain) >= 0) &&
        (!place || n.places.indexOf(place) >= 0) && !(hideIsolated.checked && !n.degree);
      if (visible) { shown += 1; visibleIds.push(n.id); }
      // Only changed nodes are updated: each update makes vis redraw.
      if (!visible !== !!hiddenNow[n.id]) changes.push({ id: n.id, hidden: !visible });
      hiddenNow[n.id] = !visible;
    });
    var few = shown <= FEW;
    if (few !== fewShown) {
      fewShown = few;
      changes = ov.nodes.map(function (n) { return { id: n.id, hidden: !!hiddenNow[n.id], label: labelOf(n) || "" }; });
    }
    if (changes.length) nodes.update(changes);
    document.getElementById("stats").textContent = "显示 " + shown + " / " + ov.nodes.length + " 个节点 nodes · " +
      ov.edges.length + " 条关系 edges";
    document.getElementById("stats").dataset.shown = String(shown);
    // Zoom to what is left, so a filter never leaves a dozen tiny dots in a corner.
    if (visibleIds.length) network.fit({ nodes: visibleIds, animation: false, maxZoomLevel: 1.6 });
  }

  function relabel() {
    nodes.update(ov.nodes.map(function (n) { return { id: n.id, label: labelOf(n) || "" }; }));
  }

  KG.tableRows = function () {
    var rows = [["编号 id", "名称 name", "类别 class", "关系数 degree", "产业链 chains", "地点 places"]];
    var show = {};
    visibleIds.forEach(function (id) { show[id] = true; });
    ov.nodes.forEach(function (n) {
      if (show[n.id]) rows.push([n.id, n.label, n.group, n.degree, n.chains.join("|"), n.places.join("|")]);
    });
    return rows;
  };
  // The network as drawn, on white (the canvas itself is transparent).
  KG.pngCanvas = function () {
    var source = document.querySelector("#network canvas"), out = el("canvas");
    out.width = source.width; out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    return out;
  };

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
    if (!KG.own(byId, id)) return;
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
  hideIsolated.addEventListener("change", applyFilters);
  allLabels.addEventListener("change", relabel);
  network.on("zoom", function (params) {
    var close = params.scale >= 1.1;
    if (close !== zoomedIn) { zoomedIn = close; relabel(); }
  });
  // Grouping: one bubble per chain (or district) holding its members; click a bubble to open it.
  var groupSelect = document.getElementById("group-by");
  var groups = [];
  function ungroup() {
    groups.forEach(function (id) { if (network.isCluster(id)) network.openCluster(id); });
    groups = [];
  }
  function applyGrouping() {
    ungroup();
    var mode = groupSelect.value;
    if (!mode) { network.fit({ nodes: visibleIds, animation: false, maxZoomLevel: 1.6 }); return; }
    var items = mode === "chain" ? ov.chains.map(function (c) { return { key: c.key, label: c.label }; })
      : ov.places.map(function (p) { return { key: p.id, label: p.label }; });
    var taken = {};
    items.forEach(function (item) {
      var members = ov.nodes.filter(function (n) {
        var keys = mode === "chain" ? n.chains : n.places;
        return !taken[n.id] && !hiddenNow[n.id] && keys.indexOf(item.key) >= 0;
      });
      if (members.length < 2) return;
      var ids = {};
      members.forEach(function (n) { ids[n.id] = true; taken[n.id] = true; });
      var id = "group:" + item.key;
      network.cluster({
        joinCondition: function (opts) { return !!ids[opts.id]; },
        clusterNodeProperties: {
          id: id, label: item.label + " (" + members.length + ")", shape: "dot",
          size: 14 + Math.min(30, Math.sqrt(members.length) * 4), font: { size: 28, strokeWidth: 4, strokeColor: "#ffffff" },
          color: { background: mode === "chain" ? colour.IndustryChain : colour.Place, border: "#333333" }
        }
      });
      groups.push(id);
    });
    network.fit({ animation: false, maxZoomLevel: 1.6 });
    document.getElementById("stats").dataset.groups = String(groups.length);
  }
  groupSelect.addEventListener("change", applyGrouping);
  KG.groups = function () { return groups.slice(); };

  network.on("click", function (params) {
    if (!params.nodes.length) return;
    var id = params.nodes[0];
    if (network.isCluster(id)) { network.openCluster(id); groups = groups.filter(function (g) { return g !== id; }); return; }
    location.hash = "entity=" + encodeURIComponent(id);
  });
  KG.onEntity = focusNode;
  applyFilters();
  // First view: the main connected part fills the screen; smaller parts sit beside it.
  var mainIds = ov.nodes.filter(function (n) { return n.main; }).map(function (n) { return n.id; });
  if (mainIds.length && !chainSelect.value && !placeSelect.value) {
    network.fit({ nodes: mainIds, animation: false, maxZoomLevel: 1.6 });
  }
  network.once("afterDrawing", function () { KG.signalReady(); });
})();
