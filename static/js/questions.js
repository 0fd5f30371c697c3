/*
 * The question form, enhanced. Without JavaScript everything works through plain form
 * posts; with it, text fields count their characters, and "Check for similar questions"
 * asks the server for published answers without leaving the page. The draft goes in a POST
 * body (never in a URL) and the server does not store it.
 */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? String(values[name]) : match;
    });
  }

  function setUpCounter(counter) {
    var field = document.getElementById(counter.getAttribute("data-counter-for"));
    if (!field) { return; }
    var max = parseInt(field.getAttribute("data-max-length"), 10);
    var template = counter.getAttribute("data-template") || "{count} / {max}";
    function update() {
      var count = field.value.length;
      counter.textContent = format(template, { count: count, max: max });
      counter.classList.toggle("field__counter--over", count > max);
    }
    counter.hidden = false;
    field.addEventListener("input", update);
    update();
  }

  function renderResults(region, data) {
    var results = region.querySelector("[data-similar-results]");
    results.textContent = "";
    var paragraph = document.createElement("p");
    if (data.errors) {
      var messages = [];
      Object.keys(data.errors).forEach(function (key) { messages = messages.concat(data.errors[key]); });
      paragraph.className = "field__error";
      paragraph.setAttribute("role", "alert");
      paragraph.textContent = messages.join(" ");
      results.appendChild(paragraph);
      return;
    }
    if (!data.results.length) {
      paragraph.textContent = region.getAttribute("data-none-text");
      results.appendChild(paragraph);
      return;
    }
    paragraph.textContent = region.getAttribute("data-intro-text");
    results.appendChild(paragraph);
    var list = document.createElement("ul");
    list.className = "question-list";
    data.results.forEach(function (item) {
      var entry = document.createElement("li");
      entry.className = "question-card";
      var heading = document.createElement("h3");
      heading.className = "question-card__title";
      var link = document.createElement("a");
      link.href = item.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = item.title;
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "question-card__meta";
      meta.textContent = item.topic;
      entry.appendChild(heading);
      entry.appendChild(meta);
      list.appendChild(entry);
    });
    results.appendChild(list);
  }

  function setUpSimilar(form) {
    var region = form.querySelector("[data-similar-region]");
    var button = form.querySelector("button[value='similar']");
    var text = form.querySelector("textarea[name='text']");
    if (!region || !button || !text || !window.fetch) { return; }
    var lastSearched = "";

    function search(event) {
      if (event) { event.preventDefault(); }
      var draft = text.value.trim();
      if (!draft || draft === lastSearched) { return; }
      lastSearched = draft;
      var body = new URLSearchParams();
      body.append("text", draft);
      region.setAttribute("aria-busy", "true");
      fetch(form.getAttribute("data-similar-url"), {
        method: "POST", body: body, credentials: "omit", cache: "no-store",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.json();
      }).then(function (data) {
        renderResults(region, data);
      }).catch(function () {
        renderResults(region, { errors: { all: [region.getAttribute("data-error-text")] } });
        lastSearched = "";
      }).then(function () {
        region.removeAttribute("aria-busy");
      });
    }

    button.addEventListener("click", search);
    text.addEventListener("blur", function () {
      if (text.value.trim().length >= 40) { search(); }
    });
  }

  document.querySelectorAll("[data-counter-for]").forEach(setUpCounter);
  document.querySelectorAll("[data-ask-form]").forEach(setUpSimilar);
})();
