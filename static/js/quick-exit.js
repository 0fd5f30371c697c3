/*
 * Quick exit ("Exit this page", after GOV.UK's pattern). The button is a plain link to a
 * neutral site, so it works without JavaScript. With JavaScript it also blanks this page
 * at once, replaces it in the history (Back does not return here), and fires when Shift
 * is pressed on its own three times within a second. Escape is not used: it stops a page loading.
 */
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var WINDOW_MS = 1000;

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return link ? link.href : "https://www.yr.no/";
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    var url = exitUrl();
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    if (document.body) {
      document.body.innerHTML = "";
    }
    window.location.replace(url);
  }

  // A press counts only when Shift goes down and up again with no other key in between:
  // typing a capital letter (Shift held, a letter pressed) is not a press, and clears the
  // count, so that nobody leaves the page, and loses what they wrote, by typing "NAV".
  var presses = [];
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    shiftAlone = false;
    presses = [];
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= SHIFT_PRESSES) {
      presses = [];
      leave();
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (link) {
      leave(event);
    }
  });
})();
