// The share component's "copy the address" button: shown only where the clipboard can be
// written (the other share links are plain links and need no script).
(function () {
  "use strict";
  function ready() {
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    document.querySelectorAll("[data-share-copy]").forEach(function (button) {
      var status = button.closest(".fr-share").querySelector("[data-share-status]");
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.shareCopy).then(function () {
          if (status) {
            status.textContent = button.dataset.shareCopied;
            status.classList.remove("fr-sr-only");
          }
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
