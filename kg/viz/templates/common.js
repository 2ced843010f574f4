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
    var doc = (data.documents || {})[ev.doc] || {};
    var parts = [doc.title || ev.doc, doc.date || "date unknown", ev.doc + " · sentence " + ev.sentence +
      " · chars " + ev.start + "–" + ev.end, "rule " + ev.rule + " · confidence " + ev.confidence];
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
    box.appendChild(title);
    box.appendChild(el("div", "meta", (CLASS_ZH[card.type] || card.type) + " · " + card.type +
      (card.subtype ? " / " + card.subtype : "")));
    if (card.name_en) box.appendChild(el("div", "meta", card.name_en));
    if (card.aliases && card.aliases.length) box.appendChild(el("div", "meta", "别名 aliases: " + card.aliases.join("、")));
    box.appendChild(el("div", "meta", card.relations.length + " relations with evidence"));
    card.relations.forEach(function (rel) { box.appendChild(relationRow(rel)); });
    box.dataset.entity = card.id;
    box.hidden = false;
  }

  function missingCard(id) {
    showCard({ id: id, name: id, type: "not on this page", aliases: [], relations: [] });
    var box = document.getElementById("card");
    var p = el("p");
    p.appendChild(entityLink(id, "open in the overview 在总览中打开"));
    box.appendChild(p);
  }

  function openFromHash() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    var m = /^(entity|segment)=(.+)$/.exec(hash);
    if (!m) return;
    if (m[1] === "segment") {
      var seg = data.chainMap && data.chainMap.segmentCards[m[2]];
      if (seg) showCard(seg);
      return;
    }
    var card = data.cards && data.cards[m[2]];
    if (card) showCard(card); else missingCard(m[2]);
    if (window.KG.onEntity) window.KG.onEntity(m[2]);
  }

  function buildNav() {
    var nav = document.getElementById("nav");
    (data.nav || []).forEach(function (item) {
      var a = el("a", "", item.label);
      a.href = item.href;
      if (item.current) a.setAttribute("aria-current", "page");
      nav.appendChild(a);
    });
  }

  function signalReady() {
    openFromHash();
    document.body.dataset.ready = "1";
    window.__kgResolveReady(true);
  }

  window.addEventListener("hashchange", openFromHash);
  window.KG = { data: data, el: el, showCard: showCard, signalReady: signalReady, CLASS_ZH: CLASS_ZH };
  buildNav();
})();
