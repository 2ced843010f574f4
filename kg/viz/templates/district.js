// A district page: the chains it prioritises, the enterprises and research resources the
// documents locate in it (or in a zone that is part of it), and a comparison with another district.
(function () {
  "use strict";
  var KG = window.KG, el = KG.el, d = KG.data.district, all = KG.data.districts, pages = KG.data.districtPages;

  function openEntity(event, id) {
    event.stopPropagation();
    location.hash = "entity=" + encodeURIComponent(id);
  }

  function entityChip(item) {
    var b = el("button", "chip", item.name);
    b.dataset.entity = item.id;
    b.appendChild(el("span", "tag", KG.CLASS_ZH[item.type] || item.type));
    if (item.via) b.appendChild(el("span", "tag", "位于 " + item.via));
    b.addEventListener("click", function (e) { openEntity(e, item.id); });
    return b;
  }

  function chainChip(c) {
    var node;
    if (c.page) {
      node = el("a", "chip chain-link", c.label);
      node.href = c.page;
    } else {
      node = el("button", "chip", c.label);
      node.appendChild(el("span", "tag", "无单独页面 no page"));
      node.addEventListener("click", function (e) { openEntity(e, c.id); });
    }
    if (c.evidence.length) node.title = c.evidence[0].text;
    return node;
  }

  function section(id, title, items, make, emptyText) {
    var box = el("section", "band");
    box.id = id;
    box.appendChild(el("h2", "", title + " (" + items.length + ")"));
    var chips = el("div", "chips");
    items.forEach(function (i) { chips.appendChild(make(i)); });
    if (!items.length) chips.appendChild(el("span", "empty", emptyText));
    box.appendChild(chips);
    return box;
  }

  function label(c) { return c.label; }

  function compare(otherId) {
    var box = document.getElementById("compare-result");
    box.replaceChildren();
    var other = all.filter(function (x) { return x.id === otherId; })[0];
    if (!other) return;
    var mine = d.chains.map(label), theirs = other.chains.map(label);
    var table = el("table", "compare");
    var head = el("tr");
    head.append(el("th", "", "项目 item"), el("th", "", d.name), el("th", "", other.name));
    table.appendChild(head);
    function row(name, a, b) {
      var tr = el("tr");
      tr.append(el("th", "", name), el("td", "", a), el("td", "", b));
      table.appendChild(tr);
    }
    row("重点发展产业链 chains prioritised", String(mine.length), String(theirs.length));
    row("共同的产业链 shared", mine.filter(function (c) { return theirs.indexOf(c) >= 0; }).join("、") || "—",
      theirs.filter(function (c) { return mine.indexOf(c) >= 0; }).join("、") || "—");
    row("独有的产业链 only here", mine.filter(function (c) { return theirs.indexOf(c) < 0; }).join("、") || "—",
      theirs.filter(function (c) { return mine.indexOf(c) < 0; }).join("、") || "—");
    row("文中所载企业 enterprises named", String(d.enterprises.length), String(other.enterprises.length));
    row("科研资源 research resources", String(d.research.length), String(other.research.length));
    row("下辖园区 zones", d.zones.join("、") || "—", other.zones.join("、") || "—");
    box.appendChild(table);
    var link = el("a", "", "打开 " + other.name + " 的页面 open its page");
    link.href = pages[other.id];
    box.appendChild(link);
  }

  KG.tableRows = function () {
    var rows = [["区县 district", "类别 kind", "名称 name", "说明 note"]];
    d.chains.forEach(function (c) { rows.push([d.name, "重点发展产业链", c.label, c.evidence.length ? c.evidence[0].text : ""]); });
    d.enterprises.forEach(function (e) { rows.push([d.name, "企业", e.name, e.via ? "位于 " + e.via : ""]); });
    d.research.forEach(function (e) { rows.push([d.name, KG.CLASS_ZH[e.type] || e.type, e.name, e.via ? "位于 " + e.via : ""]); });
    d.zones.forEach(function (z) { rows.push([d.name, "下辖园区", z, ""]); });
    return rows;
  };

  var root = document.getElementById("district");
  var h1 = el("h1", "", d.name);
  h1.appendChild(el("small", "", "区县画像 district profile" + (d.code ? " · 区划代码 " + d.code : "")));
  var note = el("p", "basis", "只列出文档中写明的事实：企业与机构须有句子写明位于本区或其下辖园区。" +
    " Only what the documents state; an empty list means not named, not absent.");
  var cmp = el("section", "band");
  cmp.id = "compare";
  cmp.appendChild(el("h2", "", "与其他区县比较 Compare with another district"));
  var select = el("select");
  select.id = "compare-with";
  select.setAttribute("aria-label", "compare with");
  select.appendChild(el("option", "", "选择区县 choose…"));
  select.firstChild.value = "";
  all.forEach(function (x) {
    if (x.id === d.id) return;
    var opt = el("option", "", x.name);
    opt.value = x.id;
    select.appendChild(opt);
  });
  select.addEventListener("change", function () { compare(select.value); });
  var result = el("div");
  result.id = "compare-result";
  cmp.append(select, result);
  root.append(h1, note,
    section("chains", "重点发展产业链 Chains prioritised", d.chains, chainChip, "文中未提及 none named"),
    section("enterprises", "企业 Enterprises", d.enterprises, entityChip, "文中未提及位于本区的企业 none named"),
    section("research", "科研资源 Laboratories, facilities, universities", d.research, entityChip,
      "文中未提及 none named"),
    section("zones", "下辖园区 Zones", d.zones.map(function (z) { return { name: z }; }),
      function (z) { return el("span", "chip", z.name); }, "文中未提及 none named"),
    cmp);
  requestAnimationFrame(function () { KG.signalReady(); });
})();
