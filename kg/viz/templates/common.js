// Shared by every page: embedded data, entity cards, #entity=ID links, the ready signal.
// Document text is only ever inserted with textContent / text nodes, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var CLASS_ZH = {
    Laboratory: "实验室", LargeScientificFacility: "大科学装置", ResearchInstitute: "科研院所",
    University: "高等院校", Enterprise: "企业", InnovationPlatform: "创新平台", Place: "地点",
    IndustryChain: "产业链", ChainSegment: "产业链环节"
  };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // The sentence split at the marks, each marked part wrapped in <mark>.
  function markedSentence(text, marks) {
    var quote = el("blockquote");
    var at = 0;
    (marks || []).forEach(function (m) {
      var start = m[0], end = m[1];
      if (start < at || end > text.length || start >= end) return;
      quote.appendChild(document.createTextNode(text.slice(at, start)));
      quote.appendChild(el("mark", m[2] === "other" ? "other" : "", text.slice(start, end)));
      at = end;
    });
    quote.appendChild(document.createTextNode(text.slice(at)));
    return quote;
  }

  function entityLink(id, name) {
    var link = el("a", "", name);
    var local = data.cards && Object.prototype.hasOwnProperty.call(data.cards, id);
    link.href = (local ? "" : "index.html") + "#entity=" + encodeURIComponent(id);
    return link;
  }

  function sourceLine(ev) {
    if (ev.origin === "imported") return el("div", "source imported", "导入清单 imported list: " + ev.doc +
      " · 第 " + ev.sentence + " 行 line " + ev.sentence);
    var doc = (data.documents || {})[ev.doc] || {};
    var parts = [doc.title || ev.doc, doc.date || "日期不详 date unknown", ev.doc + " · 第 " + ev.sentence +
      " 句 sentence · 字符 chars " + ev.start + "–" + ev.end, "规则 rule " + ev.rule + " · 置信度 confidence " +
      ev.confidence];
    return el("div", "source", parts.join(" | "));
  }

  function relationRow(rel) {
    var row = el("div", "rel");
    var head = el("div", "rel-head");
    head.appendChild(document.createTextNode((rel.dir === "out" ? rel.type + " → " : "← " + rel.type + " ")));
    head.appendChild(entityLink(rel.other.id, rel.other.name));
    head.appendChild(el("span", "tag", CLASS_ZH[rel.other.type] || rel.other.type));
    row.appendChild(head);
    row.appendChild(markedSentence(rel.evidence.text, rel.evidence.marks));
    row.appendChild(sourceLine(rel.evidence));
    return row;
  }

  function showCard(card) {
    var box = document.getElementById("card");
    box.replaceChildren();
    var close = el("button", "close", "×");
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { box.hidden = true; history.replaceState(null, "", "#"); });
    box.appendChild(close);
    var title = el("h2", "", card.name);
    title.id = "card-title";
    if (card.gap) { title.appendChild(el("span", "gap-tag", "缺口 gap")); box.classList.add("gap"); }
    else box.classList.remove("gap");
    if (card.status === "unmentioned") title.appendChild(el("span", "silent-tag", "文中未提及 not mentioned"));
    if (card.status === "weak") title.appendChild(el("span", "weak-tag", "文中指出薄弱 stated weak"));
    box.appendChild(title);
    box.appendChild(el("div", "meta", (CLASS_ZH[card.type] || card.type) + " · " + card.type +
      (card.subtype ? " / " + card.subtype : "")));
    if (card.name_en) box.appendChild(el("div", "meta", card.name_en));
    if (card.aliases && card.aliases.length) box.appendChild(el("div", "meta", "别名 aliases: " + card.aliases.join("、")));
    if (card.status === "unmentioned") box.appendChild(el("p", "silent-note", "已读 " + card.documentsRead +
      " 篇文档，均未提及本环节的本地企业；这不等于缺口。Not named in the " + card.documentsRead +
      " documents read — not the same as a gap."));
    box.appendChild(el("div", "meta", card.relations.length + " 条关系及证据 relations with evidence"));
    card.relations.forEach(function (rel) { box.appendChild(relationRow(rel)); });
    box.dataset.entity = card.id;
    box.hidden = false;
  }

  function missingCard(id) {
    showCard({ id: id, name: id, type: "不在本页 not on this page", aliases: [], relations: [] });
    var box = document.getElementById("card");
    var p = el("p");
    p.appendChild(entityLink(id, "在总览中打开 open in the overview"));
    box.appendChild(p);
  }

  // Only a map's own keys: "__proto__" or "constructor" in a hash must not find Object's.
  function own(map, key) {
    return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  }

  function readHash() {
    try {
      return decodeURIComponent(location.hash.replace(/^#/, ""));
    } catch (e) {
      return "";  // a malformed % escape (URIError): treat as no hash
    }
  }

  function openFromHash() {
    var m = /^(entity|segment)=(.+)$/.exec(readHash());
    if (!m) return;
    if (m[1] === "segment") {
      var seg = own(data.chainMap && data.chainMap.segmentCards, m[2]);
      if (seg) showCard(seg);
      return;
    }
    var card = own(data.cards, m[2]);
    if (card) showCard(card); else missingCard(m[2]);
    if (window.KG.onEntity) window.KG.onEntity(m[2]);
  }

  function navLink(item) {
    var a = el("a", "", item.label);
    a.href = item.href;
    if (item.current) a.setAttribute("aria-current", "page");
    return a;
  }

  // Reference chains as links; other chains and districts as menus, so the bar fits a laptop.
  function buildNav() {
    var nav = document.getElementById("nav");
    (data.nav || []).forEach(function (item) {
      if (!item.items) { nav.appendChild(navLink(item)); return; }
      var menu = el("details", "menu" + (item.current ? " current" : ""));
      menu.appendChild(el("summary", "", item.label + " (" + item.items.length + ")"));
      var list = el("div", "menu-items");
      item.items.forEach(function (sub) { list.appendChild(navLink(sub)); });
      menu.appendChild(list);
      menu.addEventListener("toggle", function () {
        if (!menu.open) return;
        Array.prototype.forEach.call(nav.querySelectorAll("details.menu"), function (other) {
          if (other !== menu) other.open = false;
        });
      });
      nav.appendChild(menu);
    });
  }

  // ---------------------------------------------------------------- exports: CSV, PNG, print
  function csvText(rows) {
    return "\ufeff" + rows.map(function (row) {
      return row.map(function (cell) {
        var s = cell === null || cell === undefined ? "" : String(cell);
        return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(",");
    }).join("\r\n") + "\r\n";
  }

  function download(name, blob) {
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // Draws ``root`` onto a canvas as laid out: every box's background and border, then every
  // character at the place the browser put it. A picture of the page made with no library
  // and no network, good enough to paste into a slide.
  function snapshot(root) {
    var scale = 2, base = root.getBoundingClientRect();
    var width = Math.ceil(Math.max(root.scrollWidth, base.width));
    var height = Math.ceil(Math.max(root.scrollHeight, base.height));
    var canvas = el("canvas");
    canvas.width = width * scale; canvas.height = height * scale;
    var ctx = canvas.getContext("2d");
    ctx.scale(scale, scale);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, width, height);
    function folded(node) { return !!node.closest("details:not([open]) > :not(summary)"); }
    Array.prototype.forEach.call(root.querySelectorAll("*"), function (node) {
      var st = getComputedStyle(node);
      if (st.visibility === "hidden" || !node.getClientRects().length || folded(node)) return;
      var r = node.getBoundingClientRect(), x = r.left - base.left, y = r.top - base.top;
      if (!r.width || !r.height) return;
      if (st.backgroundColor && st.backgroundColor !== "rgba(0, 0, 0, 0)") {
        ctx.fillStyle = st.backgroundColor; ctx.fillRect(x, y, r.width, r.height);
      }
      var bw = parseFloat(st.borderTopWidth) || 0;
      if (bw && st.borderTopStyle !== "none") {
        ctx.setLineDash(st.borderTopStyle === "dashed" ? [6, 4] : st.borderTopStyle === "dotted" ? [2, 3] : []);
        ctx.strokeStyle = st.borderTopColor; ctx.lineWidth = bw;
        ctx.strokeRect(x + bw / 2, y + bw / 2, r.width - bw, r.height - bw);
        ctx.setLineDash([]);
      }
      var lw = parseFloat(st.borderLeftWidth) || 0;
      if (lw && !bw && st.borderLeftStyle !== "none") {
        ctx.fillStyle = st.borderLeftColor; ctx.fillRect(x, y, lw, r.height);
      }
    });
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), range = document.createRange();
    while (walker.nextNode()) {
      var text = walker.currentNode, value = text.textContent;
      if (!value.trim() || !text.parentElement || folded(text.parentElement)) continue;
      var st = getComputedStyle(text.parentElement);
      if (st.visibility === "hidden") continue;
      var size = parseFloat(st.fontSize) || 13;
      ctx.font = st.fontStyle + " " + st.fontWeight + " " + size + "px " + st.fontFamily;
      ctx.fillStyle = st.color; ctx.textBaseline = "middle";
      for (var i = 0; i < value.length; i++) {
        var ch = value[i];
        if (/\s/.test(ch)) continue;
        var step = (ch.charCodeAt(0) & 0xfc00) === 0xd800 ? 2 : 1;
        range.setStart(text, i); range.setEnd(text, i + step);
        var rr = range.getBoundingClientRect();
        if (rr.width) ctx.fillText(value.substr(i, step), rr.left - base.left, rr.top - base.top + rr.height / 2);
        i += step - 1;
      }
    }
    return canvas;
  }

  function savePng(name) {
    var canvas = window.KG.pngCanvas ? window.KG.pngCanvas() : snapshot(document.querySelector("main"));
    canvas.toBlob(function (blob) { download(name + ".png", blob); window.__kgLastPng = blob.size; }, "image/png");
  }

  function buildTools() {
    var bar = el("div", "tools");
    bar.id = "page-tools";
    var name = (document.title || "innokg").replace(/[\\/:*?"<>|\s]+/g, "_");
    var csv = el("button", "tool", "⬇ CSV 表格");
    csv.id = "download-csv";
    csv.addEventListener("click", function () {
      var rows = window.KG.tableRows ? window.KG.tableRows() : [];
      download(name + ".csv", new Blob([csvText(rows)], { type: "text/csv;charset=utf-8" }));
    });
    var png = el("button", "tool", "⬇ PNG 图片");
    png.id = "download-png";
    png.addEventListener("click", function () { savePng(name); });
    var print = el("button", "tool", "打印 Print");
    print.addEventListener("click", function () { window.print(); });
    bar.append(csv, png, print);
    document.querySelector("header.top").appendChild(bar);
  }

  function signalReady() {
    openFromHash();
    document.body.dataset.ready = "1";
    window.__kgResolveReady(true);
  }

  // Printed pages show what the screen folds away (the list of what is not mentioned).
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    unfolded = Array.prototype.filter.call(document.querySelectorAll("main details:not([open])"), function (d) {
      d.open = true; return true;
    });
  });
  window.addEventListener("afterprint", function () { unfolded.forEach(function (d) { d.open = false; }); });

  window.addEventListener("hashchange", openFromHash);
  window.KG = { data: data, el: el, own: own, showCard: showCard, signalReady: signalReady, CLASS_ZH: CLASS_ZH,
    csvText: csvText, snapshot: snapshot, markedSentence: markedSentence, sourceLine: sourceLine };
  buildNav();
  buildTools();
})();
