// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // After a failed submission, move focus to the error summary so screen readers announce it; a
  // link from another page's summary to one field (…#field-id) lands on that field instead.
  var summary = document.getElementById("error-summary");
  var linked = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (summary && linked && linked.matches("input, select, textarea")) { linked.focus(); }
  else if (summary) { summary.focus(); }

  // Check intake fields as they are filled in, with the server's own rules.
  var form = document.querySelector("form[data-check-url]");
  if (!form || !window.fetch) { return; }
  var token = document.querySelector('meta[name="csrf-token"]');
  var checked = /(phone|id_number|credit_code|amount|facts|name|knew_of_violation_on|relationship_ended_on)$/;

  function messageFor(input) {
    var id = input.id + "-live-error";
    var existing = document.getElementById(id);
    if (existing) { return existing; }
    var message = document.createElement("p");
    message.id = id;
    message.className = "error";
    message.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", message);
    return message;
  }

  function check(input) {
    if (!checked.test(input.name)) { return; }
    fetch(form.getAttribute("data-check-url"), {
      method: "POST",
      headers: {"Content-Type": "application/json", "X-CSRFToken": token ? token.content : ""},
      body: JSON.stringify({field: input.name, value: input.value})
    }).then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        var message = messageFor(input);
        message.textContent = body.message || "";
        input.setAttribute("aria-invalid", body.message ? "true" : "false");
        var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        var serverError = document.getElementById(input.id + "-error");
        if (!body.message) {
          // The field is right now: the message from the last submission no longer applies.
          if (serverError) { serverError.remove(); }
          described = described.filter(function (id) { return id !== input.id + "-error"; });
          var field = input.closest(".field");
          if (field) { field.classList.remove("has-error"); }
        }
        if (body.message && described.indexOf(message.id) < 0) { described.push(message.id); }
        input.setAttribute("aria-describedby", described.join(" "));
      })
      .catch(function () { /* the server checks again on submit */ });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input, textarea")) { check(event.target); }
  });
})();
