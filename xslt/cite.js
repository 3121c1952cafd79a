// The copy buttons of a document's "Cite this document" block: without a script they stay
// hidden and the reference can still be selected by hand.
(function () {
  "use strict";

  var status = document.querySelector(".cite .copy-status");

  function copied(ok) {
    if (status) status.textContent = ok ? "Copied." : "Select the text and copy it by hand.";
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    return ok;
  }

  document.querySelectorAll(".cite button.copy").forEach(function (button) {
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      var text = source ? source.textContent : "";
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(true); },
          function () { copied(fallback(text)); });
      } else {
        copied(fallback(text));
      }
    });
  });
})();
