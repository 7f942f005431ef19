// The trajectory viewer and the sortable leaderboard of a `toolgym report` page. Plain DOM, no libraries.
// Every text from the results is set with textContent, never parsed as HTML, so it can never become markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var PREVIEW = 400;
  var byId = {};
  data.episodes.forEach(function (ep) { byId[ep.id] = ep; });

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function mark(ok) { return el("span", ok ? "pass" : "fail", ok ? "✓" : "✗"); }
  function reward(r) { return typeof r === "number" ? r.toFixed(2) : "–"; }
  function val(v) { return v === undefined || v === null ? "–" : String(v); }
  function pretty(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
  }

  // A {text, len} block: the start of the text, and a button that expands it to all the report holds
  // (pretty-printed when it is complete JSON).
  function textBlock(parent, label, cut) {
    if (!cut || (cut.text === "" && !cut.len)) return;
    var box = el("div", "block");
    box.appendChild(el("div", "label", label));
    var complete = cut.text.length >= cut.len;
    var preview = cut.text.length > PREVIEW ? cut.text.slice(0, PREVIEW) + " …" : cut.text + (complete ? "" : " …");
    var pre = el("pre", null, preview);
    box.appendChild(pre);
    if (!complete || cut.text.length > PREVIEW) {
      var full = complete ? pretty(cut.text) : cut.text + "\n… " + (cut.len - cut.text.length) +
        " more characters not kept in this report";
      var more = "show all (" + cut.len + " characters)";
      var button = el("button", "expand", more);
      button.type = "button";
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") === "true";
        pre.textContent = open ? preview : full;
        button.textContent = open ? more : "show less";
        button.setAttribute("aria-expanded", open ? "false" : "true");
      });
      box.appendChild(button);
    }
    parent.appendChild(box);
  }

  function perturbation(p, message) {
    var box = el("div", "perturbation");
    box.appendChild(el("strong", null, "⚡ injected: " + p.kind + (p.blocked ? " (call blocked)" : "") +
      (p.degraded ? " (result degraded)" : "")));
    var rest = Object.keys(p).filter(function (k) {
      return ["kind", "step", "blocked", "degraded", "new"].indexOf(k) < 0 && !(k === "message" && p[k] === message);
    }).map(function (k) { return k + "=" + (typeof p[k] === "string" ? p[k] : JSON.stringify(p[k])); });
    if (rest.length) box.appendChild(el("span", null, " " + rest.join(", ")));
    return box;
  }

  function renderTurns(li, turns) {
    turns.forEach(function (t) {
      var said = el("div", "model-said");
      said.appendChild(el("span", "label", (t.role || "model") + " said" + (t.estimated ? " (tokens estimated)" : "") +
        " · " + val(t.tokens[0]) + " prompt / " + val(t.tokens[1]) + " completion tokens"));
      if (t.reasoning) said.appendChild(el("pre", "reasoning", "reasoning: " + t.reasoning));
      if (t.content) said.appendChild(el("pre", "content", t.content));
      li.appendChild(said);
    });
  }

  function renderPlans(parent, plans) {
    if (!plans || !plans.length) return;
    parent.appendChild(el("h3", null, "Plans"));
    var list = parent.appendChild(el("ol", "plans"));
    plans.forEach(function (p) {
      var item = list.appendChild(el("li", "plan"));
      item.appendChild(el("div", "label", p.kind + " at step " + val(p.step) + (p.event ? " after: " + p.event : "") +
        (p.planner_failed ? " (planner failed)" : "")));
      var goals = item.appendChild(el("ol"));
      (p.subgoals || []).forEach(function (g) { goals.appendChild(el("li", null, g)); });
      if (p.advice) item.appendChild(el("div", "advice", "advice: " + p.advice));
    });
  }

  function renderStep(s, turns) {
    var li = el("li", "step" + (s.is_error ? " error" : "") + (s.perturbations.length ? " perturbed" : ""));
    li.id = "step-" + s.step;
    li.setAttribute("data-step", s.step);
    var head = el("div", "step-head");
    head.appendChild(el("span", "label", "step " + s.step));
    head.appendChild(el("code", null, s.name));
    if (s.is_error) head.appendChild(el("span", "badge", "error"));
    if (s.time) head.appendChild(el("span", "time", s.time));
    li.appendChild(head);
    renderTurns(li, turns || []);
    textBlock(li, "arguments", s.arguments);
    if (s.executed_arguments) textBlock(li, "executed as", s.executed_arguments);
    s.perturbations.forEach(function (p) { li.appendChild(perturbation(p, s.message)); });
    if (s.message) li.appendChild(el("div", "user-message", "user message: " + s.message));
    textBlock(li, "result", s.result);
    return li;
  }

  function checkTable(title, checks) {
    var wrap = el("div", "checks");
    wrap.appendChild(el("h4", null, title + " (" + checks.filter(function (c) { return c.passed; }).length +
      "/" + checks.length + " passed)"));
    if (!checks.length) return wrap;
    var table = el("table", "verdict");
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    ["", "kind", "target", "hard", "detail"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    var body = table.appendChild(el("tbody"));
    checks.forEach(function (c) {
      var tr = body.appendChild(el("tr", c.passed ? "passed" : "failed"));
      tr.appendChild(el("td")).appendChild(mark(c.passed));
      [c.kind, c.target, c.hard ? "hard" : "soft", c.detail].forEach(function (v) { tr.appendChild(el("td", null, v)); });
    });
    wrap.appendChild(table);
    return wrap;
  }

  function renderJudge(parent, ep) {
    var j = ep.judge;
    parent.appendChild(el("h3", null, "Judge verdict"));
    var line = el("p", "verdict-line");
    line.appendChild(mark(ep.success));
    line.appendChild(document.createTextNode(" success " + ep.success + " · reward " + reward(ep.reward) +
      " · goal met " + val(j.goal_met) + " · hard constraints ok " + val(j.hard_ok) + " · soft score " +
      val(j.soft_score)));
    parent.appendChild(line);
    parent.appendChild(checkTable("Goal checks", j.checks || []));
    parent.appendChild(checkTable("Constraint checks", j.constraints || []));
  }

  function show(id) {
    var view = document.getElementById("episode-view");
    view.textContent = "";
    var ep = byId[id];
    if (!ep) {
      view.appendChild(el("p", "note", "Episode " + id + " is not in this report (see --max-episodes)."));
      return;
    }
    var title = el("h3", "episode-title");
    title.appendChild(mark(ep.success));
    title.appendChild(el("span", "task-id", " " + ep.task_id));
    view.setAttribute("data-episode", ep.id);
    view.appendChild(title);
    if (ep.failure) view.appendChild(el("p", "failure-kind", "failure: " + ep.failure));
    if (ep.infra_error) view.appendChild(el("pre", "fail", "infrastructure error: " + ep.infra_error));
    view.appendChild(el("p", "meta", "episode " + ep.id + " · run " + val(ep.run) + " · agent " + ep.agent + " · profile " +
      (ep.profile === null ? "none" : ep.profile) + " · suite " + ep.suite + " · attempt " + ep.attempt +
      " · reward " + reward(ep.reward) + " · " + ep.steps.length + " steps"));
    view.appendChild(el("h3", null, "Task"));
    view.appendChild(el("div", "instruction", ep.instruction.text));
    if (ep.error) view.appendChild(el("pre", "fail", "agent error: " + ep.error));
    view.appendChild(el("h3", null, "Steps"));
    var list = view.appendChild(el("ol", "steps"));
    var byStep = {};
    (ep.turns || []).forEach(function (t) { (byStep[t.step] = byStep[t.step] || []).push(t); });
    ep.steps.forEach(function (s) { list.appendChild(renderStep(s, byStep[s.step])); });
    renderPlans(view, ep.plans);
    view.appendChild(el("h3", null, "Final answer"));
    textBlock(view, "answer", ep.final_answer);
    renderJudge(view, ep);
    Array.prototype.forEach.call(document.querySelectorAll("#episode-list li"), function (li) {
      li.classList.toggle("active", li.getAttribute("data-id") === String(id));
    });
  }

  function buildList() {
    var list = document.getElementById("episode-list");
    data.episodes.forEach(function (ep) {
      var li = el("li");
      li.setAttribute("data-id", ep.id);
      var a = li.appendChild(el("a"));
      a.href = "#ep-" + ep.id;
      a.appendChild(mark(ep.success));
      var name = a.appendChild(el("span", null, ep.task_id));
      name.appendChild(el("span", "agent", ep.agent + (ep.profile ? " / " + ep.profile : "") + " #" + ep.attempt));
      a.appendChild(el("span", "reward", reward(ep.reward)));
      if (ep.failure) a.appendChild(el("span", "failure", ep.failure));
      li.setAttribute("data-failure", ep.failure || "");
      li.setAttribute("data-text", [ep.agent, ep.profile, ep.suite, ep.task_id, ep.run, ep.failure].join(" ").toLowerCase());
      li.setAttribute("data-success", ep.success ? "1" : "0");
      list.appendChild(li);
    });
    var filter = document.getElementById("episode-filter");
    var failures = document.getElementById("failures-only");
    var count = document.getElementById("episode-count");
    function apply() {
      var q = filter.value.trim().toLowerCase(), shown = 0;
      Array.prototype.forEach.call(list.children, function (li) {
        var ok = li.getAttribute("data-text").indexOf(q) >= 0 &&
          !(failures.checked && li.getAttribute("data-success") === "1");
        li.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      count.textContent = shown + " of " + data.episodes.length + " episodes shown" +
        (data.total > data.episodes.length ? " (" + data.total + " in the results)" : "");
    }
    filter.addEventListener("input", apply);
    failures.addEventListener("change", apply);
    apply();
  }

  function sortable(table) {
    var heads = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[col], v = cell.getAttribute("data-v");
          return v === null ? cell.textContent : (v === "" ? -Infinity : parseFloat(v));
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = typeof x === "number" ? (x > y) - (x < y) : String(x).localeCompare(String(y));
          return asc ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function fromHash(initial) {
    var m = /^#ep-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    show(Number(m[1]));
    if (initial === true) document.getElementById("trajectories").scrollIntoView();
  }

  buildList();
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
  window.addEventListener("hashchange", fromHash);
  fromHash(true);
}());
