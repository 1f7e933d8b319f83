// Put first in every page of the cross-engine suite: records console errors, uncaught
// exceptions, unhandled rejections and CSP violations in window.__elcErrors, because
// WebKit's WebDriver classic offers no console log. Uses no HTML sink (Trusted Types pages).
(function () {
  var seen = (window.__elcErrors = []);
  var text = function (a) {
    try { return a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a); } catch (e) { return String(a); }
  };
  var original = console.error;
  console.error = function () {
    seen.push("console.error: " + Array.prototype.map.call(arguments, text).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) { seen.push("uncaught: " + (e.message || text(e.error))); });
  window.addEventListener("unhandledrejection", function (e) { seen.push("unhandled rejection: " + text(e.reason)); });
  document.addEventListener("securitypolicyviolation", function (e) {
    seen.push("CSP violation: " + e.violatedDirective + " " + e.blockedURI);
  });
})();
