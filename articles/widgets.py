from django import forms


class ArticleBodyWidget(forms.Textarea):
    """An article's HTML as a rich-text editor (django-prose-editor's bundle, started by
    static/js/article-editor.js within the strict Content-Security-Policy). Without
    JavaScript it is the plain text box; either way articles.sanitize cleans what is saved
    and again what is shown (docs/decisions/0019-rich-text-editor.md)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"data-article-editor": "", "rows": 12, **(attrs or {})})

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "css/article-editor.css",
            ]
        }
        js = [forms.Script("js/article-editor.js", type="module")]
