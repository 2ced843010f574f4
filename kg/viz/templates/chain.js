// A chain map: upstream -> midstream -> downstream. A gap (缺口) is drawn only when a source
// says so, always with its evidence sentence; silence is "文中未提及", drawn grey and dotted.
(function () {
  "use strict";
  var KG = window.KG, el = KG.el, map = KG.data.chainMap;
  var POSITION_ZH = { upstream: "上游 Upstream", midstream: "中游 Midstream", downstream: "下游 Downstream" };

  function gapTag(text) { return el("span", "gap-tag", text || "缺口 gap"); }
  function silentTag(text) { return el("span", "silent-tag", text || "文中未提及 not mentioned"); }

  function openEntity(event, id) {
    event.stopPropagation();
    location.hash = "entity=" + encodeURIComponent(id);
  }

  function chip(ent) {
    var button = el("button", "chip" + (ent.leader ? " leader" : "") + (ent.origin === "imported" ? " imported" : ""));
    button.dataset.entity = ent.id;
    if (ent.leader) button.appendChild(el("span", "crown", "♛ "));
    button.appendChild(document.createTextNode(ent.name));
    if (ent.leader) button.appendChild(el("span", "tag", "链主 leader"));
    if (ent.origin !== "document") button.appendChild(el("span", "tag import-tag",
      ent.origin === "imported" ? "导入 imported" : "文档+导入"));
    button.addEventListener("click", function (e) { openEntity(e, ent.id); });
    return button;
  }

  function segmentBox(seg) {
    var box = el("div", "segment status-" + seg.status + (seg.depth ? " sub" : "") + (seg.gap ? " gap" : ""));
    box.dataset.segment = seg.key;
    box.dataset.position = seg.position;
    box.dataset.status = seg.status;
    box.dataset.evidence = String(seg.statements.length);
    box.tabIndex = 0;
    box.setAttribute("role", "button");
    if (seg.parent) {
      var parent = map.segments.filter(function (s) { return s.key === seg.parent; })[0];
      box.appendChild(el("div", "parent", "↳ " + (parent ? parent.label : seg.parent)));
    }
    var title = el("h3", "", seg.label);
    title.appendChild(el("span", "en", seg.labelEn));
    if (seg.status === "gap") title.appendChild(gapTag());
    if (seg.status === "unmentioned") title.appendChild(silentTag());
    if (seg.status === "weak") title.appendChild(el("span", "weak-tag", "文中指出薄弱 stated weak"));
    box.appendChild(title);
    box.appendChild(el("div", "count", seg.enterprises.length ? seg.enterprises.length + " 家本地企业 local enterprises"
      : "已读 " + map.documentsRead + " 篇文档未见本地企业 none named"));
    if (seg.statements.length) {
      var ev = seg.statements[0];
      var quote = KG.markedSentence(ev.text, ev.marks);
      quote.className = "evidence";
      box.appendChild(quote);
    }
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
      if (!segs.length) column.appendChild(el("p", "empty", "未建模环节 no segment modelled"));
      segs.forEach(function (s) { column.appendChild(segmentBox(s)); });
      grid.appendChild(column);
    });
    return grid;
  }

  function band(id, title, items, makeChip, note) {
    var section = el("section", "band" + (note && note.gap ? " gap" : ""));
    section.id = id;
    var h = el("h2", "", title);
    if (note && note.gap) h.appendChild(gapTag("缺口 gap: " + note.text));
    if (note && note.silent) h.appendChild(silentTag("文中未提及 " + note.text));
    section.appendChild(h);
    var chips = el("div", "chips");
    items.forEach(function (item) { chips.appendChild(makeChip(item)); });
    if (!items.length) chips.appendChild(el("span", "empty", "文中未提及 none named in the " + map.documentsRead +
      " documents read"));
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
    var b = el("button", "chip" + (p.gap ? " gap" : "") + (p.unmentioned ? " silent" : ""), p.name);
    b.dataset.entity = p.id;
    if (p.prioritises) b.appendChild(el("span", "tag", "重点发展 priority"));
    b.appendChild(el("span", "tag", p.hosted ? p.hosted + " 家企业 hosted" : "未提及企业 none named"));
    if (p.gap) b.appendChild(gapTag());
    b.addEventListener("click", function (e) { if (p.id.indexOf("imported:") !== 0) openEntity(e, p.id); });
    return b;
  }

  function gapSummary() {
    var box = el("section", "gap-summary");
    box.id = "gaps";
    box.appendChild(el("h2", "", map.gaps.length + " 个缺口 gaps · 每条附来源句 each with the sentence that states it"));
    var list = el("ul");
    map.gaps.forEach(function (g) {
      var item = el("li", "gap-item");
      item.dataset.kind = g.kind;
      item.dataset.subject = g.subject;
      item.appendChild(el("div", "gap-message", g.message));
      g.evidence.forEach(function (ev) {
        item.appendChild(KG.markedSentence(ev.text, ev.marks));
        item.appendChild(KG.sourceLine(ev));
      });
      list.appendChild(item);
    });
    if (!map.gaps.length) list.appendChild(el("li", "empty", "文中未指出缺口 no source states a gap for this chain"));
    box.appendChild(list);
    return box;
  }

  function silentSummary() {
    var box = el("details", "silent-summary");
    box.id = "not-mentioned";
    box.appendChild(el("summary", "", "文中未提及 " + map.notMentioned.length + " 项（已读 " + map.documentsRead +
      " 篇文档；不等于缺口）· not named in the documents read, which is not a gap"));
    var list = el("ul");
    map.notMentioned.forEach(function (n) { list.appendChild(el("li", "", n.message)); });
    box.appendChild(list);
    return box;
  }

  // What the documents set out to reach (目标) apart from what they say was reached (成绩).
  function statementSummary() {
    var box = el("section", "statement-summary");
    box.id = "targets";
    box.appendChild(el("h2", "", "目标与成绩 Targets and achievements · 文中所述，附来源句 as the documents state them"));
    [["target", "目标 targets（力争、到20XX年、将、计划…）"], ["achievement", "成绩 achievements（已、达到、实现、累计、同比增长…）"]]
      .forEach(function (pair) {
        var items = map.statements.filter(function (st) { return st.kind === pair[0]; });
        var part = el("div", "statements " + pair[0]);
        part.appendChild(el("h3", "", pair[1] + " · " + items.length));
        var list = el("ul");
        items.forEach(function (st) {
          var item = el("li", "statement-item");
          item.dataset.kind = st.kind;
          var head = el("div", "statement-head");
          head.append(el("span", "kind-tag " + st.kind, st.label), el("span", "tag", "依据词 cue: " + st.cue));
          if (st.figures.length) head.appendChild(el("span", "tag", "数字 figures: " + st.figures.join("、")));
          item.append(head, KG.markedSentence(st.text, st.marks), KG.sourceLine(st));
          list.appendChild(item);
        });
        if (!items.length) list.appendChild(el("li", "empty", "文中未见 none stated"));
        part.appendChild(list);
        box.appendChild(part);
      });
    return box;
  }

  KG.tableRows = function () {
    var rows = [["位置 position", "环节 segment", "状态 status", "企业 enterprise", "链主 leader", "来源 origin",
      "依据 evidence"]];
    map.segments.forEach(function (s) {
      var evidence = s.statements.length ? s.statements[0].text : "";
      var direct = s.enterprises;
      if (!direct.length) rows.push([s.position, s.label, s.statusLabel, "", "", "", evidence]);
      direct.forEach(function (e) {
        rows.push([s.position, s.label, s.statusLabel, e.name, e.leader ? "链主" : "", e.origin, evidence]);
      });
    });
    map.unsegmented.forEach(function (e) {
      rows.push(["", "链级 chain level", "", e.name, e.leader ? "链主" : "", e.origin, ""]);
    });
    map.gaps.forEach(function (g) {
      g.evidence.forEach(function (ev) { rows.push(["缺口 gap", g.label, g.kind, "", "", ev.doc, ev.text]); });
    });
    map.statements.forEach(function (st) {
      rows.push([st.label, st.statement, st.cue, st.figures.join("、"), "", st.doc, st.text]);
    });
    return rows;
  };

  var root = document.getElementById("chain-map");
  var h1 = el("h1", "", map.chain.label);
  h1.appendChild(el("small", "", map.chain.labelEn + " · 产业链图谱 chain map"));
  var basis = el("p", "basis" + (map.reference ? "" : " thin"), "依据 basis: " + map.basis +
    (map.importedRows ? " · 含导入清单 " + map.importedRows + " 行 imported rows" : ""));
  var legend = el("p", "status-legend");
  legend.append(gapTag("缺口 gap：来源明确指出"), el("span", "weak-tag", "薄弱：有企业但文中指出不足"),
    silentTag("文中未提及：文档未提及，不等于缺口"));
  root.append(h1, basis, legend, gapSummary(), silentSummary(), statementSummary(), flow(),
    band("unsegmented", "链上企业（未定环节） Chain-level enterprises", map.unsegmented, chip),
    band("resources", "科研支撑 Research resources", map.resources, resourceChip,
      map.resourceGap ? { gap: true, text: "科研支撑不足" } :
        map.resourceUnmentioned ? { silent: true, text: "实验室或大科学装置 lab or facility" } : null),
    band("places", "承载区县 Districts", map.places, placeChip));
  requestAnimationFrame(function () { KG.signalReady(); });
})();
