// The complaint forms made smoother (the worker's steps, the mediator's one page); both work without
// this file: the server saves each step, adds rows and refuses a second filing by itself.
(function () {
  "use strict";

  var form = document.getElementById("step-form") || document.getElementById("staff-form");
  if (!form) { return; }

  // A row added in place, with nothing reloaded: the last row copied, renumbered and emptied.
  function highestIndex(group, list) {
    var pattern = new RegExp("^" + list + "-(\\d+)-"), highest = -1;
    group.querySelectorAll("[name]").forEach(function (el) {
      var found = pattern.exec(el.getAttribute("name"));
      if (found) { highest = Math.max(highest, Number(found[1])); }
    });
    return highest;
  }

  function emptied(row, list, index) {
    var copy = row.cloneNode(true), pattern = new RegExp(list + "-\\d+-", "g");
    copy.querySelectorAll(".error, [id$='-live-error']").forEach(function (el) { el.remove(); });
    var title = copy.querySelector(".row-title");  // "劳动者 2" on the mediator's form
    if (title) { title.textContent = title.textContent.replace(/\d+/, String(index + 1)); }
    copy.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    copy.querySelectorAll("[id], [name], [for], [aria-describedby]").forEach(function (el) {
      ["id", "name", "for", "aria-describedby"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value) { el.setAttribute(attr, value.replace(pattern, list + "-" + index + "-")); }
      });
      var described = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && !/-error$/.test(id);
      });
      if (el.hasAttribute("aria-describedby")) { el.setAttribute("aria-describedby", described.join(" ")); }
    });
    copy.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") { el.checked = false; }
      else if (el.tagName === "SELECT") { el.selectedIndex = 0; }
      else { el.value = ""; }
      el.setAttribute("aria-invalid", "false");
    });
    copy.querySelectorAll("details").forEach(function (el) { el.open = false; });  // a new row's extras start folded
    return copy;
  }

  var announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  form.appendChild(announcer);

  form.querySelectorAll("[data-add-row]").forEach(function (button) {
    var group = button.closest("[data-rows]");
    if (!group) { return; }
    var list = group.getAttribute("data-rows"), most = Number(button.getAttribute("data-max-rows") || 0);
    button.type = "button";  // never a submit, and never the form's default button for Enter
    button.addEventListener("click", function () {
      var rows = group.querySelectorAll(".row-group");
      var copy = emptied(rows[rows.length - 1], list, highestIndex(group, list) + 1);
      rows[rows.length - 1].insertAdjacentElement("afterend", copy);
      var first = copy.querySelector("input, select, textarea");
      if (first) { first.focus(); }
      announcer.textContent = (button.getAttribute("data-added") || "").replace("{n}", rows.length + 1);
      if (most && rows.length + 1 >= most) { button.hidden = true; }
    });
  });

  // A step of the step bar: this step's answers are sent (and saved) on the way there.
  document.querySelectorAll(".step-bar [data-goto]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var goto = document.createElement("input");
      goto.type = "hidden";
      goto.name = "goto";
      goto.value = link.getAttribute("data-goto");
      form.appendChild(goto);
      form.submit();
    });
  });

  // Sending: the button says so and takes no second tap (the server's submission key is the guarantee).
  var send = form.querySelector("[data-sending]");
  var sending = false;
  form.addEventListener("submit", function (event) {
    if (!send || (event.submitter && event.submitter !== send)) { return; }
    if (sending) { event.preventDefault(); return; }
    sending = true;
    send.setAttribute("data-idle", send.textContent);
    send.textContent = send.getAttribute("data-sending");
    send.setAttribute("aria-disabled", "true");
    form.setAttribute("aria-busy", "true");
    // Disabled only after this event: a button disabled before it would not be sent with the form.
    window.setTimeout(function () { send.disabled = true; }, 0);
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted || !send || !sending) { return; }
    sending = false;  // back from the receipt in the history: the page as it was
    send.disabled = false;
    send.textContent = send.getAttribute("data-idle");
    send.removeAttribute("aria-disabled");
    form.removeAttribute("aria-busy");
  });
})();
