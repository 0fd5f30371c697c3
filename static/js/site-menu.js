/*
 * On a phone the main menu and the site search fold behind a "Menu" button, so that what
 * a person came for (the results, the call button) is in the first screen. Without
 * JavaScript css/no-script.css unfolds them, and the footer repeats the main links.
 */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var toggle = document.querySelector("[data-site-menu-toggle]");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  function show(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("site-menu--open", open);
  }
  toggle.addEventListener("click", function () {
    show(toggle.getAttribute("aria-expanded") !== "true");
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      show(false);
      toggle.focus();
    }
  });
});
