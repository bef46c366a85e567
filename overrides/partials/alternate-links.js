/* The language switch and the page's hreflang links lead to this page in the
 * other edition (the handbook plugin writes them per page). Material's bundle
 * reads every <link rel="alternate"> as a language's root and asks for
 * "<link>/sitemap.xml", a missing file for a page link. This script, included
 * inline before the bundle (overrides/main.html), sends those requests to this
 * edition's own sitemap.xml instead. The switch's links carry target="_self",
 * so Material leaves clicks on them to the browser: each opens its counterpart
 * page, with or without JavaScript.
 */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var links = document.querySelectorAll("link[rel=alternate][hreflang]");
  if (!config || !links.length || typeof XMLHttpRequest !== "function") return;
  var own;
  try {
    own = new URL("sitemap.xml", new URL(JSON.parse(config.textContent).base + "/",
                                         location.href)).href;
  } catch (error) {
    return;
  }
  var pages = {};
  Array.prototype.forEach.call(links, function (link) {
    pages[new URL("sitemap.xml", link.href).href] = true;
  });
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (pages[String(url)]) args[1] = own;
    return open.apply(this, args);
  };
})();
