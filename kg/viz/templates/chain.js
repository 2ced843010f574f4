// A chain map: upstream -> midstream -> downstream, gaps marked by a dashed border AND a tag.
(function () {
  "use strict";
  var KG = window.KG, el = KG.el, map = KG.data.chainMap;
  var POSITION_ZH = { upstream: "上游 Upstream", midstream: "中游 Midstream", downstream: "下游 Downstream" };

  function gapTag(text) { return el("span", "gap-tag", text || "缺口 gap"); }

  function openEntity(event, id) {
    event.stopPropagation();
    location.hash = "entity=" + encodeURIComponent(id);
  }

  function chip(ent) {
    var button = el("button", "chip" + (ent.leader ? " leader" : ""));
    button.dataset.entity = ent.id;
    if (ent.leader) button.appendChild(el("span", "crown", "♛ "));
    button.appendChild(document.createTextNode(ent.name));
    if (ent.leader) button.appendChild(el("span", "tag", "链主 leader"));
    button.addEventListener("click", function (e) { openEntity(e, ent.id); });
    return button;
  }

  function segmentBox(seg) {
    var box = el("div", "segment" + (seg.depth ? " sub" : "") + (seg.gap ? " gap" : ""));
    box.dataset.segment = seg.key;
    box.dataset.position = seg.position;
    box.tabIndex = 0;
    box.setAttribute("role", "button");
    if (seg.parent) {
      var parent = map.segments.filter(function (s) { return s.key === seg.parent; })[0];
      box.appendChild(el("div", "parent", "↳ " + (parent ? parent.label : seg.parent)));
    }
    var title = el("h3", "", seg.label);
    title.appendChild(el("span", "en", seg.labelEn));
    if (seg.gap) title.appendChild(gapTag());
    box.appendChild(title);
    box.appendChild(el("div", "count", seg.enterprises.length + " 家本地企业 local enterprises"));
    var chips = el("div", "chips");
    seg.enterprises.forEach(function (ent) { chips.appendChild(chip(ent)); });
    box.appendChild(chips);
    function open() { location.hash = "segment=" + encodeURIComponent(seg.key); }
    box.addEventListener("click", open);
    box.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") open(); });
    return box;
  }

  function flow() {
    var grid = el("div", "flow");
    ["upstream", "midstream", "downstream"].forEach(function (pos, i) {
      if (i) grid.appendChild(el("div", "arrow", "→"));
      var column = el("section", "column");
      column.dataset.position = pos;
      column.appendChild(el("h2", "", POSITION_ZH[pos]));
      var segs = map.segments.filter(function (s) { return s.position === pos; });
      if (!segs.length) column.appendChild(el("p", "empty", "no segment modelled 未建模环节"));
      segs.forEach(function (s) { column.appendChild(segmentBox(s)); });
      grid.appendChild(column);
    });
    return grid;
  }

  function band(id, title, items, makeChip, gapText) {
    var section = el("section", "band" + (gapText ? " gap" : ""));
    section.id = id;
    var h = el("h2", "", title);
    if (gapText) h.appendChild(gapTag("缺口 gap: " + gapText));
    section.appendChild(h);
    var chips = el("div", "chips");
    items.forEach(function (item) { chips.appendChild(makeChip(item)); });
    if (!items.length) chips.appendChild(el("span", "empty", "none named in the documents 文中未提及"));
    section.appendChild(chips);
    return section;
  }

  function resourceChip(r) {
    var b = el("button", "chip", r.name);
    b.dataset.entity = r.id;
    b.appendChild(el("span", "tag", KG.CLASS_ZH[r.type] || r.type));
    b.addEventListener("click", function (e) { openEntity(e, r.id); });
    return b;
  }

  function placeChip(p) {
    var b = el("button", "chip" + (p.gap ? " gap" : ""), p.name);
    b.dataset.entity = p.id;
    if (p.prioritises) b.appendChild(el("span", "tag", "重点发展 priority"));
    b.appendChild(el("span", "tag", p.hosted + " 家企业 hosted"));
    if (p.gap) b.appendChild(gapTag());
    b.addEventListener("click", function (e) { openEntity(e, p.id); });
    return b;
  }

  function gapSummary() {
    var box = el("section", "gap-summary");
    box.appendChild(el("h2", "", map.gaps.length + " 个缺口 gaps (补链 targets)"));
    var list = el("ul");
    map.gaps.forEach(function (g) { list.appendChild(el("li", "", g.message)); });
    box.appendChild(list);
    return box;
  }

  var root = document.getElementById("chain-map");
  var h1 = el("h1", "", map.chain.label);
  h1.appendChild(el("small", "", map.chain.labelEn + " · 产业链图谱 chain map"));
  root.append(h1, gapSummary(), flow(),
    band("unsegmented", "链上企业（未定环节） Chain-level enterprises", map.unsegmented, chip),
    band("resources", "科研支撑 Research resources", map.resources, resourceChip,
      map.resourceGap ? "无实验室或大科学装置 no laboratory or facility" : ""),
    band("places", "承载区县 Districts", map.places, placeChip));
  requestAnimationFrame(function () { KG.signalReady(); });
})();
