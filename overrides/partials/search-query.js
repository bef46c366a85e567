/* Search tuned for the questions people type ("what do I do if a post goes
 * viral for the wrong reasons", "müşteri şikayeti için ne yapmalıyım").
 *
 * Material turns every typed word into a prefix search ("a" finds "ads", "for"
 * finds "format") and offers no setting for it. This script wraps the search
 * Web Worker before Material's bundle starts it and rewrites each query on its
 * way there:
 *  - English and Turkish stop words are dropped (unless nothing else is left);
 *  - a word of one to three letters matches whole words only (`ads^1`: Material
 *    adds no wildcard to a term with a boost, and a boost of 1 changes nothing);
 *  - a longer word still matches as a prefix, as typed and after a light English
 *    suffix trim of -s, -ies, -ing ("reasons" -> "reasons* reason*"),
 *    so plurals find singulars and the exact form ranks first.
 *  - in the Turkish edition (<html lang="tr">), each word is also searched
 *    folded ("İLK" -> "ilk", "Şikâyet" -> "sikayet"), as the handbook plugin
 *    folds the index's words into each entry's body (site/search_folding.py):
 *    the browser lowercases "İ" to "i̇", and teams often type without Turkish
 *    letters.
 * A query that already uses search syntax (quotes, *, ~, ^, :, +word, -word) is
 * left as typed. Without this script search works as Material ships it.
 * overrides/main.html includes it inline, before Material's bundle.
 */
(function () {
  "use strict";

  var STOP = (
    // English: question words, pronouns, auxiliaries, prepositions
    "a an the and or but if then so than that this these those there here " +
    "what when where which who whom whose why how " +
    "i me my we us our you your he him his she her it its they them their " +
    "am is are was were be been being do does did done doing have has had having " +
    "can could should would will shall may might must " +
    "to of in on at by for from with about into onto over under up down out off " +
    "as not no yes just only also very too any some all each every " +
    "after before until unless while because than " +
    "get got go going want need " +
    // Turkish: conjunctions, particles, question words, pronouns, postpositions
    "ve veya ya da de ki mi mı mu mü ne neden niye nasıl hangi kim kime nerede " +
    "için ile gibi kadar bir bu şu o ben sen biz siz onlar bana bize " +
    "var yok mı ama fakat çok daha en her hiç olan olarak yapmalıyım yapmalı " +
    "nedir midir"
  ).split(" ");
  var STOP_SET = {};
  STOP.forEach(function (word) { STOP_SET[word] = true; });

  // The same separator as the index (search.separator in mkdocs.yml).
  var SEPARATOR = /[\s\-,:;!?.()"“”‘’/]+/;
  var SYNTAX = /["*~^:]|(?:^|\s)[+-]/;

  function trim(word) {
    if (word.length < 6) return word;
    if (/ies$/.test(word)) return word.slice(0, -3);
    if (/ing$/.test(word)) return word.slice(0, -3);
    if (/[^s]s$/.test(word)) return word.slice(0, -1);
    return word;
  }

  // The same folding as fold() in playbook_handbook/site/search_folding.py.
  var FOLD = { "ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u",
               "â": "a", "î": "i", "û": "u", "\u0307": "" };
  function fold(word) {
    return word.replace(/[İI]/g, "i").toLowerCase()
      .replace(/[ışğçöüâîû\u0307]/g, function (c) { return FOLD[c]; });
  }
  var FOLDING = /^tr\b/i.test(document.documentElement.lang || "");

  function tune(query) {
    if (typeof query !== "string" || SYNTAX.test(query)) return query;
    var words = query.split(SEPARATOR).filter(Boolean);
    var kept = words.filter(function (word) {
      return !STOP_SET[word.toLocaleLowerCase("tr").replace(/i̇/g, "i")] &&
        !STOP_SET[word.toLowerCase()];
    });
    if (!kept.length) kept = words;
    return kept.map(function (word) {
      var folded = FOLDING ? fold(word) : word.toLowerCase();
      var also = folded === word.toLowerCase() ? "" : " " + folded;
      if (word.length <= 3) return word + "^1" + (also && also + "^1");
      // Both forms: the word as typed ranks a page that has it exactly higher.
      var stem = trim(word.toLowerCase());
      return (stem === word.toLowerCase() ? stem : word.toLowerCase() + " " + stem) + also;
    }).join(" ");
  }

  window.__hbTuneSearchQuery = tune; // for the browser tests

  var Native = window.Worker;
  if (typeof Native !== "function") return;
  function Tuned(url, options) {
    var worker = options === undefined ? new Native(url) : new Native(url, options);
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      // Material's message types: 0 setup, 1 ready, 2 query, 3 result.
      if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: 2, data: tune(message.data) };
      }
      var args = Array.prototype.slice.call(arguments);
      args[0] = message;
      return post.apply(worker, args);
    };
    return worker;
  }
  Tuned.prototype = Native.prototype;
  window.Worker = Tuned;
})();
