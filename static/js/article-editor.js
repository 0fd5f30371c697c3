// The article editor (django-prose-editor's Tiptap bundle), made here instead of with the
// library's preset so that the admin keeps the strict Content-Security-Policy: the bundle is
// imported by its address, not through an inline import map, and Tiptap is told not to
// inject a <style> element (its few rules are in css/article-editor.css). Only what the
// sanitiser keeps can be made: paragraphs, h2–h4, lists, links, quotes, bold and italic.
// Without JavaScript the plain text box stays, and what is saved is cleaned on the server.
import {
  Blockquote, Bold, BulletList, Document, Dropcursor, Editor, Gapcursor, HardBreak, Heading,
  History, HTML, Italic, Link, ListItem, Menu, OrderedList, Paragraph, Text,
} from "../django_prose_editor/editor.js";

function extensions() {
  return [
    Document, Paragraph, Text, HardBreak, Dropcursor, Gapcursor, History, Menu, HTML,
    Heading.configure({ levels: [2, 3, 4] }), Bold, Italic, Link, BulletList, OrderedList,
    ListItem, Blockquote,
  ];
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new Editor({
    element: wrapper,
    extensions: extensions(),
    content: textarea.value,
    injectCSS: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": textarea.labels.length ? textarea.labels[0].textContent.replace(/:$/, "") : "",
      },
    },
    onUpdate({ editor: current }) {
      const html = current.getHTML();
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  wrapper.classList.add("prose-editor--ready");
  return editor;
}

function start() {
  // A collapsed fieldset's editors too: they are made now and shown when it opens.
  document.querySelectorAll("textarea[data-article-editor]").forEach(createEditor);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
