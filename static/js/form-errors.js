/*
 * A form sent back with errors: move the focus to what went wrong, so that a screen reader
 * reads it and a phone shows it, instead of leaving the reader at the top of the page.
 * Without JavaScript the errors are still announced (role="alert") and listed above the form.
 */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var summary = document.querySelector("main .form-errors__summary, main .form-errors");
  if (!summary) {
    return;
  }
  if (!summary.hasAttribute("tabindex")) {
    summary.setAttribute("tabindex", "-1");
  }
  summary.focus({ preventScroll: true });
  summary.scrollIntoView({ block: "center" });
});
