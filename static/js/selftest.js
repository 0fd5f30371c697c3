/*
 * Self-tests (selftests/templates/selftests/detail.html): with JavaScript, one statement at
 * a time, with a progress line and Back/Next buttons. Without it, every statement is on the
 * page and the form works the same. Nothing is kept: no storage, no cookie, no change to
 * the address or the history; the answers leave only in the form's POST.
 */
(function () {
  "use strict";

  function setUp(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-selftest-step]"));
    var progress = form.querySelector("[data-selftest-progress]");
    var submit = form.querySelector("[data-selftest-submit]");
    if (steps.length < 2 || !progress || !submit) {
      return;
    }
    var current = 0;

    var nav = document.createElement("div");
    nav.className = "selftest__nav";
    var back = document.createElement("button");
    back.type = "button";
    back.className = "button button--secondary";
    back.textContent = form.dataset.back;
    var next = document.createElement("button");
    next.type = "button";
    next.className = "button";
    next.textContent = form.dataset.next;
    nav.appendChild(back);
    nav.appendChild(next);
    submit.parentNode.insertBefore(nav, submit);

    var bar = document.createElement("progress");
    bar.max = steps.length;
    bar.className = "selftest__bar";
    bar.setAttribute("aria-hidden", "true");
    var label = document.createElement("span");
    label.setAttribute("aria-live", "polite");
    progress.appendChild(label);
    progress.appendChild(bar);
    progress.hidden = false;

    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, position) {
        step.hidden = position !== index;
      });
      label.textContent = form.dataset.progress
        .replace("%(number)s", String(index + 1))
        .replace("%(total)s", String(steps.length));
      bar.value = index + 1;
      back.hidden = index === 0;
      next.hidden = index === steps.length - 1;
      submit.hidden = index !== steps.length - 1;
      if (moveFocus) {
        var legend = steps[index].querySelector("legend");
        legend.setAttribute("tabindex", "-1");
        legend.focus();
      }
    }

    back.addEventListener("click", function () {
      if (current > 0) {
        show(current - 1, true);
      }
    });
    next.addEventListener("click", function () {
      if (current < steps.length - 1) {
        show(current + 1, true);
      }
    });
    // Enter in a radio group sends the form: before the last statement, it moves on instead.
    form.addEventListener("submit", function (event) {
      if (current < steps.length - 1 && event.submitter !== submit) {
        event.preventDefault();
        show(current + 1, true);
      }
    });
    form.classList.add("selftest--stepped");
    show(0, false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-selftest]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
