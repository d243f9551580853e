// Lists that follow the Gateway's push channel (through the Web's /langsung): when a file moves, the marked region
// is fetched again and replaced in place, and a polite live region says so. Without script the page works as before.
(function () {
  "use strict";
  var region = document.querySelector("[data-langsung]");
  if (!region || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var only = region.getAttribute("data-langsung");
  var status = document.getElementById("langsung-status");
  var timer = null;

  function typing() {
    var active = document.activeElement;
    return active && region.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
  }

  function refresh() {
    timer = null;
    // Never pull a form away from someone filling it in; try again shortly.
    if (typing()) { later(); return; }
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-langsung]");
        if (!fresh) return;
        region.innerHTML = fresh.innerHTML;
        if (status) {
          var now = new Date();
          status.textContent = "Diperbarui otomatis pukul " + ("0" + now.getHours()).slice(-2) + "." + ("0" + now.getMinutes()).slice(-2) + ".";
        }
      })
      .catch(function () { /* the next change tries again */ });
  }

  function later() { if (!timer) timer = window.setTimeout(refresh, 250); }

  var source = new EventSource("/langsung");
  // Says on the page whether it is following changes (for people's tools and for the browser tests).
  source.addEventListener("open", function () { document.documentElement.setAttribute("data-langsung-terhubung", "ya"); });
  source.addEventListener("error", function () { document.documentElement.removeAttribute("data-langsung-terhubung"); });
  source.addEventListener("application", function (event) {
    if (only) {
      try { if (JSON.parse(event.data).applicationId !== only) return; } catch (e) { return; }
    }
    later();
  });
  // Changes were missed (the Gateway restarted, or the page slept long): reload the region once.
  source.addEventListener("reset", later);
})();
