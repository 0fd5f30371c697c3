/*
 * A polite offer of the visitor's own language: when the browser prefers a language the
 * site has, and the page is in another, a line at the top links to this page in it, named
 * in that language. No redirect, no cookie, nothing stored: it only reads what the browser
 * says and the language links the page already has.
 */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var page = document.documentElement.lang;
  var links = {};
  document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
    links[link.getAttribute("hreflang")] = link;
  });
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {
    var code = tag.toLowerCase().split("-")[0];
    return code === "no" ? "nb" : code;
  });
  for (var i = 0; i < wanted.length; i++) {
    var code = wanted[i];
    if (code === page) {
      return; // the page is already in a language the visitor reads
    }
    if (links[code]) {
      var offer = document.createElement("p");
      offer.className = "language-offer";
      var link = links[code].cloneNode(true);
      link.removeAttribute("aria-current");
      link.className = "language-offer__link";
      offer.appendChild(link);
      var main = document.getElementById("main");
      if (main) {
        main.insertBefore(offer, main.firstChild);
      }
      return;
    }
  }
});
