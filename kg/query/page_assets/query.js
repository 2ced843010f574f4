"use strict";
(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var editor = $("editor"), list = $("questions"), status = $("status"), errorBox = $("error");
  var table = $("results"), csvButton = $("csv"), runButton = $("run"), graphBox = $("graph-result");
  var current = null;  // the question chosen from the catalogue, if any
  var last = null;     // {vars, rows} of the last SELECT answer, for the CSV download

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  // ---------------------------------------------------------------- the catalogue
  function renderList(filter) {
    list.textContent = "";
    var needle = (filter || "").trim().toLowerCase();
    data.questions.forEach(function (q) {
      var hay = (q.title + " " + q.name + " " + q.description).toLowerCase();
      if (needle && hay.indexOf(needle) < 0) { return; }
      var item = el("li"), button = el("button");
      button.type = "button";
      button.dataset.name = q.name;
      button.title = q.description;
      button.appendChild(document.createTextNode(q.title));
      button.appendChild(el("small", q.name));
      if (current && current.name === q.name) { button.setAttribute("aria-current", "true"); }
      button.addEventListener("click", function () { choose(q); });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function choose(q) {
    current = q;
    editor.value = q.sparql;
    $("question-title").textContent = q.title + " · " + q.name;
    var fields = $("param-fields");
    fields.textContent = "";
    var names = Object.keys(q.params || {});
    names.forEach(function (name) {
      var label = el("label", "?" + name + " "), input = el("input");
      input.name = name;
      input.value = q.params[name];
      input.dataset.param = name;
      input.setAttribute("aria-label", "参数 parameter " + name);
      label.appendChild(input);
      fields.appendChild(label);
    });
    $("params").hidden = names.length === 0;
    history.replaceState(null, "", "#q=" + encodeURIComponent(q.name));
    renderList($("filter").value);
  }

  // ---------------------------------------------------------------- running a query
  function ntriplesLiteral(value) {
    return '"' + value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"';
  }

  function mentions(query, name) {
    return new RegExp("[?$]" + name + "(?![A-Za-z0-9_])").test(query);
  }

  function prefixed(iri) {
    var best = null;
    Object.keys(data.prefixes).forEach(function (p) {
      var ns = data.prefixes[p];
      if (iri.indexOf(ns) === 0 && (!best || ns.length > data.prefixes[best].length)) { best = p; }
    });
    if (best === null) { return iri; }
    var local = iri.slice(data.prefixes[best].length);
    return /^[A-Za-z0-9_\-.]*$/.test(local) && !/\.$/.test(local) ? best + ":" + local : iri;
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
  }

  function clearResults() {
    errorBox.hidden = true;
    graphBox.hidden = true;
    table.tHead.textContent = "";
    table.tBodies[0].textContent = "";
    csvButton.disabled = true;
    last = null;
  }

  function renderSolutions(doc, truncated, ms) {
    var vars = doc.head.vars || [], bindings = doc.results.bindings;
    var head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", v)); });
    table.tHead.appendChild(head);
    var body = document.createDocumentFragment();
    var rows = bindings.map(function (b) {
      var tr = el("tr");
      var row = vars.map(function (v) {
        var cell = b[v], td;
        if (!cell) { td = el("td", ""); tr.appendChild(td); return ""; }
        if (cell.type === "uri") {
          td = el("td", prefixed(cell.value), "iri");
          td.title = cell.value;
        } else {
          var numeric = cell.datatype && /#(integer|decimal|double|float|int|long)$/.test(cell.datatype);
          td = el("td", cell.value, numeric ? "num" : cell.value.length > 30 ? "long" : "");
        }
        tr.appendChild(td);
        return cell.value;
      });
      body.appendChild(tr);
      return row;
    });
    table.tBodies[0].appendChild(body);
    last = { vars: vars, rows: rows };
    csvButton.disabled = false;
    status.textContent = rows.length + " 行 rows · " + ms + " ms" +
      (truncated ? " · 已截断 truncated at the server's row limit" : "");
  }

  function run() {
    var query = editor.value;
    clearResults();
    if (!query.trim()) { showError("请输入查询 Type a query first."); return; }
    var form = new URLSearchParams();
    form.set("query", query);
    Array.prototype.forEach.call(document.querySelectorAll("#param-fields input"), function (input) {
      if (mentions(query, input.dataset.param)) { form.set("$" + input.dataset.param, ntriplesLiteral(input.value)); }
    });
    document.body.dataset.state = "running";
    status.textContent = "运行中 running…";
    runButton.disabled = true;
    var started = performance.now();
    fetch(data.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.5" },
      body: form.toString(),
      credentials: "omit",
      cache: "no-store"
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var truncated = response.headers.get("X-Result-Truncated") === "true";
      return response.text().then(function (text) {
        var ms = Math.round(performance.now() - started);
        if (!response.ok) {
          status.textContent = "";
          showError("错误 Error " + response.status + ": " + text);
          document.body.dataset.state = "error";
          return;
        }
        if (type.indexOf("json") >= 0) {
          var doc = JSON.parse(text);
          if (typeof doc.boolean === "boolean") {
            status.textContent = (doc.boolean ? "是 true" : "否 false") + " · " + ms + " ms";
          } else {
            renderSolutions(doc, truncated, ms);
          }
        } else {
          graphBox.textContent = text;
          graphBox.hidden = false;
          status.textContent = "图结果 graph result (Turtle) · " + ms + " ms";
        }
        document.body.dataset.state = "done";
      });
    }).catch(function (err) {
      status.textContent = "";
      showError("请求失败 Request failed: " + err);
      document.body.dataset.state = "error";
    }).then(function () { runButton.disabled = false; });
  }

  // ---------------------------------------------------------------- CSV
  function csvField(value) {
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function downloadCsv() {
    if (!last) { return; }
    var lines = [last.vars.map(csvField).join(",")];
    last.rows.forEach(function (row) { lines.push(row.map(csvField).join(",")); });
    // A byte-order mark so that Excel reads the Chinese as UTF-8.
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = (current && editor.value === current.sparql ? current.name : "query") + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  // ---------------------------------------------------------------- wiring
  runButton.addEventListener("click", run);
  csvButton.addEventListener("click", downloadCsv);
  $("filter").addEventListener("input", function () { renderList(this.value); });
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
  var wanted = /^#q=(.+)$/.exec(location.hash);
  var first = wanted && data.questions.filter(function (q) { return q.name === decodeURIComponent(wanted[1]); })[0];
  if (first) { choose(first); } else {
    editor.value = "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e ikg:entityId ?id ; a ?type } GROUP BY ?type ORDER BY DESC(?n)";
    renderList("");
  }
  document.body.dataset.ready = "1";
}());
