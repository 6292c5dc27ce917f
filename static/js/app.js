// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // After a failed submission, move focus to the error summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
