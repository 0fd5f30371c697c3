/* Answer snippets in the question admin: "Insert" puts the snippet's text into the answer
 * at the cursor (or at the end). Without JavaScript the text can be copied by hand. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-snippet]");
    if (!button) { return; }
    event.preventDefault();
    var answer = document.querySelector("textarea[data-answer-field]");
    var text = button.parentElement.querySelector("pre").textContent;
    if (!answer) { return; }
    var start = answer.selectionStart, end = answer.selectionEnd;
    if (typeof start !== "number" || document.activeElement !== answer && start === 0 && end === 0) {
      start = end = answer.value.length;
    }
    var before = answer.value.slice(0, start), after = answer.value.slice(end);
    var glue = before && !/\n\n$/.test(before) ? "\n\n" : "";
    answer.value = before + glue + text + after;
    answer.focus();
    answer.selectionStart = answer.selectionEnd = (before + glue + text).length;
  });
})();
