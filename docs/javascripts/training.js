/* Training layer: onboarding progress, crisis triage, checklist ticks and the
 * card's print button.
 *
 * Every page works without this script: the controls it drives are rendered
 * with the `hidden` attribute and only shown here. It reads data-hb-*
 * attributes and sets text with textContent, never HTML. The words it writes
 * follow the page's language (<html lang>): all of them are in WORDS below.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "hb-progress:";

  // -- words, by page language ---------------------------------------------------
  // Each language's texts for the same keys; {name} is a value filled in. A page
  // in a language not listed here gets English. The server-side words are in
  // playbook_handbook/render/locales/<lang>/pages.yml: keep "stepsDone" the same.

  var WORDS = {
    en: {
      stepsDone: "{done} of {total} steps done",
      newIncident: "Start a new incident (clear ticks)",
      ticked: "{done} of {total} ticked",
      since: " · this incident since {time}",
      kept: " · kept in this browser"
    },
    tr: {
      stepsDone: "{total} adımdan {done} tanesi tamam",
      newIncident: "Yeni olay başlat (işaretleri temizle)",
      ticked: "{total} maddeden {done} tanesi işaretli",
      since: " · olay başlangıcı: {time}",
      kept: " · bu tarayıcıda saklanıyor"
    }
  };

  function language() {
    return (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  }

  function say(key, values) {
    var words = WORDS[language()] || WORDS.en;
    return (words[key] || WORDS.en[key]).replace(/\{(\w+)\}/g, function (match, name) {
      return String(values && name in values ? values[name] : match);
    });
  }

  function storage() {
    try {
      var probe = "hb-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage switched off: ticks last for this visit only
    }
  }

  // -- onboarding progress ------------------------------------------------------

  function initProgress(root) {
    var box = root.querySelector("[data-hb-progress]");
    if (!box) return;
    var store = storage();
    var key = STORE_PREFIX + box.getAttribute("data-hb-progress");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[data-hb-step]"));
    var count = box.querySelector("[data-hb-progress-count]");
    var reset = box.querySelector("[data-hb-progress-reset]");

    function load() {
      if (!store) return [];
      try {
        var value = JSON.parse(store.getItem(key) || "[]");
        return Array.isArray(value) ? value : [];
      } catch (error) {
        return [];
      }
    }

    function save() {
      var done = boxes.filter(function (b) { return b.checked; })
        .map(function (b) { return b.getAttribute("data-hb-step"); });
      if (store) {
        if (done.length) store.setItem(key, JSON.stringify(done));
        else store.removeItem(key);
      }
      show();
    }

    function show() {
      var ids = {};
      boxes.forEach(function (b) { ids[b.getAttribute("data-hb-step")] = b.checked; });
      var total = Object.keys(ids).length;
      var done = Object.keys(ids).filter(function (id) { return ids[id]; }).length;
      count.textContent = say("stepsDone", { done: done, total: total });
      boxes.forEach(function (b) {
        var heading = b.closest(".hb-step-done");
        if (heading) heading.classList.toggle("hb-step-done--checked", b.checked);
      });
    }

    var saved = load();
    boxes.forEach(function (b) {
      b.checked = saved.indexOf(b.getAttribute("data-hb-step")) !== -1;
      b.addEventListener("change", function () {
        // A playbook listed twice on a path is one step: keep its boxes in step.
        boxes.forEach(function (other) {
          if (other.getAttribute("data-hb-step") === b.getAttribute("data-hb-step")) {
            other.checked = b.checked;
          }
        });
        save();
      });
      b.closest(".hb-step-done").hidden = false;
    });
    reset.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      save();
    });
    box.hidden = false;
    show();
  }

  // -- crisis triage ----------------------------------------------------------------

  function initTriage(root) {
    var widget = root.querySelector("[data-hb-triage]");
    if (!widget) return;
    var inputs = Array.prototype.slice.call(widget.querySelectorAll("input[data-hb-question]"));
    var results = Array.prototype.slice.call(widget.querySelectorAll("[data-hb-level]"));
    var prompt = widget.querySelector("[data-hb-triage-prompt]");
    var rows = root.querySelectorAll(".hb-severity tbody tr");

    // Most severe first: the lowest level number.
    results.sort(function (a, b) {
      return Number(a.getAttribute("data-hb-level")) - Number(b.getAttribute("data-hb-level"));
    });

    function update() {
      var answered = inputs.filter(function (i) { return i.checked; });
      var yes = answered.filter(function (i) { return i.value === "yes"; })
        .map(function (i) { return i.getAttribute("data-hb-question"); });
      var match = null;
      if (answered.length) {
        match = results.filter(function (r) {
          var triggers = (r.getAttribute("data-hb-triggers") || "").split(" ");
          return yes.some(function (q) { return triggers.indexOf(q) !== -1; });
        })[0] || results[results.length - 1];
      }
      results.forEach(function (r) { r.hidden = r !== match; });
      // What a "yes" calls for at once (emergency services, a lockdown), above the level.
      Array.prototype.forEach.call(widget.querySelectorAll("[data-hb-on-yes]"), function (el) {
        el.hidden = yes.indexOf(el.getAttribute("data-hb-on-yes")) === -1;
      });
      prompt.hidden = match !== null;
      Array.prototype.forEach.call(rows, function (row) { row.classList.remove("hb-severity__match"); });
      if (match) {
        var row = rows[Number(match.getAttribute("data-hb-row"))];
        if (row) row.classList.add("hb-severity__match");
      }
    }

    inputs.forEach(function (i) { i.addEventListener("change", update); });
    widget.querySelector("[data-hb-triage-reset]").addEventListener("click", function () {
      inputs.forEach(function (i) { i.checked = false; });
      update();
    });
    widget.hidden = false;
    update();
  }

  // -- checklists: ticks kept per incident ---------------------------------------------

  var CHECKS_PREFIX = "hb-checks:";

  // The ticks of this page's checklists, kept in this browser until "Start a new
  // incident" clears them: {started: ISO time, done: [item text, ...]}.
  function initChecklists(root) {
    var lists = root.querySelectorAll("[data-hb-checklist]");
    if (!lists.length) return;
    var store = storage();
    var key = CHECKS_PREFIX + window.location.pathname;
    var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-hb-checklist] input[type=checkbox]"));

    function id(box) {
      return box.parentNode.textContent.replace(/\s+/g, " ").trim().slice(0, 200);
    }

    function load() {
      if (!store) return null;
      try {
        var value = JSON.parse(store.getItem(key) || "null");
        return value && Array.isArray(value.done) ? value : null;
      } catch (error) {
        return null;
      }
    }

    var bar = document.createElement("p");
    bar.className = "hb-checks";
    var status = document.createElement("span");
    status.className = "hb-checks__status";
    status.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button hb-checks__reset";
    reset.textContent = say("newIncident");
    bar.appendChild(status);
    bar.appendChild(reset);
    lists[0].parentNode.insertBefore(bar, lists[0]);

    function show(state) {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      var text = say("ticked", { done: done, total: boxes.length });
      if (state && state.started) {
        var started = new Date(state.started);
        // English pages keep the reader's own date format; others, the page's.
        var locale = language() === "en" ? [] : language();
        text += say("since", { time: started.toLocaleString(locale, {
          day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }) });
      }
      text += store ? say("kept") : "";
      status.textContent = text;
      reset.hidden = done === 0;
    }

    function save() {
      var state = load() || { started: new Date().toISOString(), done: [] };
      state.done = boxes.filter(function (b) { return b.checked; }).map(id);
      if (store) {
        if (state.done.length) store.setItem(key, JSON.stringify(state));
        else store.removeItem(key);
      }
      show(state.done.length ? state : null);
    }

    var saved = load();
    boxes.forEach(function (b) {
      if (saved) b.checked = saved.done.indexOf(id(b)) !== -1;
      b.addEventListener("change", save);
    });
    reset.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      save();
    });
    show(saved);
  }

  // -- printable card -----------------------------------------------------------------

  function initPrint(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function init() {
    initProgress(document);
    initTriage(document);
    initChecklists(document);
    initPrint(document);
  }

  // Material's instant navigation swaps pages without a reload; document$ tells us.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
