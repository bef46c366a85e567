/* The language switch and the page's hreflang links lead to this page in the
 * other edition (the handbook plugin writes them per page). Material's bundle
 * reads every <link rel="alternate"> as a language's root and asks for
 * "<link>/sitemap.xml", a missing file for a page link. This script, included
 * inline before the bundle (overrides/main.html), answers those requests with
 * an empty sitemap (a data: URL, which works from file:// too). The switch's links carry target="_self",
 * so Material leaves clicks on them to the browser: each opens its counterpart
 * page, with or without JavaScript.
 */
(function () {
  "use strict";
  var links = document.querySelectorAll("link[rel=alternate][hreflang]");
  if (!links.length || typeof XMLHttpRequest !== "function") return;
  var EMPTY = "data:application/xml,%3Curlset%2F%3E";
  var pages = {};
  Array.prototype.forEach.call(links, function (link) {
    pages[new URL("sitemap.xml", link.href).href] = true;
  });
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (pages[String(url)]) args[1] = EMPTY;
    return open.apply(this, args);
  };
})();
