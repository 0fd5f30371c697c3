"""The fagpanel's workplace. Panel members see and open only the questions assigned to
them; moderators (permission questions.moderate_question) see all, screen, assign by topic
expertise, approve and publish. Every step is a POST through services.py, which checks it
and logs who took it; a GET never changes anything."""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.admin import ReadOnlyAdmin
from core.models import TargetGroup

from . import services, workflow
from .models import (
    OTHER_ASKERS,
    AnswerSnippet,
    FollowUp,
    InternalNote,
    PanelMember,
    Question,
    QuestionStatistics,
    StatusChange,
    is_moderator,
)
from .selectors import question_statistics
from .workflow import TransitionNotAllowed

S = Question.Status
PUBLIC_FIELDS = ("public_title", "public_question", "public_answer")


# --- Lists ----------------------------------------------------------------------------------


class AnswerTimeFilter(admin.SimpleListFilter):
    title = _("answer time")
    parameter_name = "answer_time"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("due_soon", _("Due within 2 days")),
            ("open", _("Waiting for an answer")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "overdue":
            return queryset.overdue(now=now)
        if self.value() == "due_soon":
            days = max(settings.QUESTIONS_ANSWER_DAYS - 2, 0)
            return queryset.open().filter(received_at__lt=now - dt.timedelta(days=days))
        if self.value() == "open":
            return queryset.open()
        return queryset


class AskerGroupFilter(admin.SimpleListFilter):
    """Who asked: each target group, and "Other" (no group)."""

    title = _("asking as")
    parameter_name = "asker_group"

    def lookups(self, request, model_admin):
        groups = [(group.slug, group.name) for group in TargetGroup.objects.all()]
        return [*groups, (OTHER_ASKERS, _("Other"))]

    def queryset(self, request, queryset):
        if self.value() == OTHER_ASKERS:
            return queryset.filter(asker_group__isnull=True)
        if self.value():
            return queryset.filter(asker_group__slug=self.value())
        return queryset


class FollowUpFilter(admin.SimpleListFilter):
    title = _("follow-up question")
    parameter_name = "followup"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for an answer"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.followup_waiting()
        return queryset


# --- The question form ----------------------------------------------------------------------


class PanelMemberChoiceField(forms.ModelChoiceField):
    topic_id = None

    def label_from_instance(self, member):
        expert = self.topic_id is not None and any(
            topic.pk == self.topic_id for topic in member.topics.all()
        )
        label = str(member)
        return f"★ {label} – {_('knows this topic')}" if expert else label


class QuestionAdminForm(forms.ModelForm):
    assign_to = PanelMemberChoiceField(
        queryset=PanelMember.objects.none(),
        required=False,
        label=_("assign to"),
        help_text=_(
            "★ marks panel members who know the question's topic. Choose, then press “Assign”."
        ),
    )

    class Meta:
        model = Question
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
        widgets = {"answer": forms.Textarea(attrs={"rows": 16, "data-answer-field": ""})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assign_to"]
        members = (
            PanelMember.objects.filter(is_active=True, user__is_active=True)
            .select_related("user")
            .prefetch_related("topics")
        )
        topic_id = self.instance.topic_id
        field.topic_id = topic_id
        experts = {
            member.pk
            for member in members
            if topic_id in {topic.pk for topic in member.topics.all()}
        }
        ordered = sorted(members, key=lambda member: (member.pk not in experts, str(member)))
        field.queryset = members
        field.choices = [("", "---------")] + [
            (member.pk, field.label_from_instance(member)) for member in ordered
        ]
        self.step = None

    def clean(self):
        """The workflow step of the button pressed (`_transition`), if any, is `self.step`.
        Approving takes the answer as it stands: a rewrite in the same post is refused,
        with nothing saved and the rewrite kept in the form."""
        cleaned = super().clean()
        name = self.data.get("_transition")
        if name:
            self.step = workflow.ACTIONS.get(name)
            if self.step is None:
                raise ValidationError(_("Unknown step."), code="unknown_step")
        if self.step is workflow.APPROVE and "answer" in self.changed_data:
            raise ValidationError(
                _(
                    "You changed the answer, so it cannot be approved in the same step. Save "
                    "it: it is then your draft, and another moderator must approve it."
                ),
                code="approve_changed_answer",
            )
        return cleaned


# --- Inlines --------------------------------------------------------------------------------


class QuestionChildInline:
    """Shown to whoever may see the question; never added, changed or deleted here except
    where a subclass says so."""

    def has_view_permission(self, request, obj=None):
        return obj is None or obj.can_be_seen_by(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InternalNoteInline(QuestionChildInline, admin.TabularInline):
    model = InternalNote
    extra = 1
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    verbose_name_plural = _("internal notes (never shown to the asker)")

    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.can_be_seen_by(request.user)


class FollowUpInline(QuestionChildInline, admin.StackedInline):
    model = FollowUp
    extra = 0
    max_num = 1
    fields = ["text", "received_at", "answer", "answered_at", "answered_by"]

    def has_change_permission(self, request, obj=None):
        return obj is not None and workflow.can_answer_followup(obj, request.user)

    def get_readonly_fields(self, request, obj=None):
        followup = getattr(obj, "followup", None) if obj is not None else None
        readonly = ["text", "received_at", "answered_at", "answered_by"]
        if followup is None or followup.answered_at is not None:
            readonly.append("answer")
        return readonly


class StatusChangeInline(QuestionChildInline, admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "detail"]
    readonly_fields = fields
    classes = ["collapse"]


# --- Questions ------------------------------------------------------------------------------


def _carry_out(action, question, user, **inputs):
    """Take a workflow step with the function in services.py that the table names for it."""
    step = getattr(services, action.service)
    return step(question=question, by=user, **action.arguments, **inputs)


def _bulk_action(action):
    """The list's action for a step of the table that can be taken in bulk: moderators
    screen and flag many questions at once."""

    def take(modeladmin, request, queryset):
        modeladmin.take_in_bulk(request, queryset, action)

    take.__name__ = f"{action.name}_selected"
    return admin.action(description=action.bulk_label, permissions=["moderate"])(take)


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    form = QuestionAdminForm
    change_form_template = "admin/questions/question/change_form.html"
    list_display = [
        "number",
        "urgent_flag",
        "status",
        "topic",
        "asker_group_display",
        "received_at",
        "days_waiting_display",
        "due_display",
        "assigned_to",
        "followup_flag",
    ]
    list_display_links = ["number"]
    search_fields = ["=id", "text", "public_title"]
    list_select_related = ["topic", "asker_group", "assigned_to__user", "followup"]
    list_per_page = 50
    inlines = [FollowUpInline, InternalNoteInline, StatusChangeInline]
    actions = [_bulk_action(action) for action in workflow.bulk_actions()]

    class Media:
        css = {"all": ["css/questions-admin.css"]}
        js = ["js/questions-admin-snippets.js"]

    def view_on_site(self, question):
        return question.get_absolute_url() or None  # only a published question has a page

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None or not FollowUp.objects.filter(question=obj).exists():
            inlines = [inline for inline in inlines if not isinstance(inline, FollowUpInline)]
        return inlines

    # --- Who sees what -------------------------------------------------------------------
    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return False  # questions come only from askers

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or obj.can_be_seen_by(request.user))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_be_seen_by(request.user))

    def has_delete_permission(self, request, obj=None):
        return (
            super().has_delete_permission(request, obj)
            and is_moderator(request.user)
            and (obj is None or obj.can_be_seen_by(request.user))
        )

    def has_moderate_permission(self, request):
        return is_moderator(request.user)

    def get_list_filter(self, request):
        filters = [
            "status",
            AnswerTimeFilter,
            "is_urgent",
            "topic",
            FollowUpFilter,
            AskerGroupFilter,
        ]
        if is_moderator(request.user):
            filters.append(("assigned_to", admin.RelatedOnlyFieldListFilter))
        return filters

    # --- The change form -----------------------------------------------------------------
    def get_fieldsets(self, request, obj=None):
        moderator = is_moderator(request.user)
        fieldsets = [
            (
                _("Question"),
                {
                    "fields": [
                        "status",
                        "urgent_display",
                        "topic",
                        "asker_group_display",
                        "age_group",
                        "language",
                        "consent_to_publish",
                        "received_at",
                        "due_display",
                        "text",
                    ]
                },
            ),
        ]
        work = ["assigned_to", "rejection_reason"]
        if moderator and obj is not None and obj.status in workflow.ASSIGN.from_statuses:
            work.append("assign_to")
        fieldsets.append((_("Panel"), {"fields": work}))
        if obj is not None and obj.status not in (S.RECEIVED, S.ACCEPTED, S.REJECTED):
            fieldsets.append(
                (
                    pgettext_lazy("noun: the panel's answer", "Answer"),
                    {
                        "fields": [
                            "answer",
                            "snippets_display",
                            "answer_drafted_by",
                            "answer_approved_by",
                            "answered_by_role",
                            "answered_at",
                            "answer_read_at",
                            "feedback_display",
                        ]
                    },
                )
            )
        if moderator and obj is not None and obj.status in (S.ANSWERED, S.PUBLISHED):
            default = settings.LANGUAGE_CODE
            fieldsets.append(
                (
                    _("Public version (anonymised)"),
                    {
                        "fields": [f"{name}_{default}" for name in PUBLIC_FIELDS]
                        + ["public_slug", "published_at"],
                        "description": _(
                            "Only this rewritten version is ever published, never the "
                            "asker's own words. Write it in bokmål; translations below "
                            "are optional."
                        ),
                    },
                )
            )
            fieldsets.append(
                (
                    _("Public version: translations"),
                    {
                        "fields": [
                            f"{name}_{code}"
                            for code, _n in settings.LANGUAGES
                            if code != default
                            for name in PUBLIC_FIELDS
                        ],
                        "classes": ["collapse"],
                    },
                )
            )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        editable = set()
        if obj is not None:
            if workflow.can_change_topic(obj, request.user):
                editable.add("topic")
            if workflow.can_edit_answer(obj, request.user):
                editable.add("answer")
            if workflow.can_edit_public_version(obj, request.user):
                editable.update(self._public_fields())
        shown = {
            field
            for _name, options in self.get_fieldsets(request, obj)
            for field in options["fields"]
        }
        shown.discard("assign_to")
        return sorted(shown - editable)

    def _public_fields(self):
        return {f"{name}_{code}" for name in PUBLIC_FIELDS for code, _n in settings.LANGUAGES}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # The public version in bokmål is what gets published; it may stay empty until then.
        for name in self._public_fields():
            if name in form.base_fields:
                form.base_fields[name].required = False
                if name.startswith("public_question_") or name.startswith("public_answer_"):
                    form.base_fields[name].widget.attrs["rows"] = 6
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        question = self.get_object(request, object_id)
        if question is not None:
            extra_context["workflow_actions"] = self._buttons(question, request.user)
            extra_context["second_reader_required"] = workflow.second_reader_required()
        return super().change_view(request, object_id, form_url, extra_context)

    def _buttons(self, question, user):
        return [
            {"name": action.name, "label": action.label}
            for action in workflow.allowed_actions(question, user)
        ]

    def save_model(self, request, obj, form, change):
        """Save what the form changed through the services (never `obj.save()`), then take
        the step of the button pressed, if any: the form carries it (`form.step`)."""
        try:
            self._save_changes(request.user, obj, form)
            if form.step is not None:
                inputs = {"member": form.cleaned_data.get("assign_to")}
                question = _carry_out(
                    form.step,
                    obj,
                    request.user,
                    **{name: inputs[name] for name in form.step.inputs},
                )
                self.message_user(
                    request,
                    _("Done: the question is now %(status)s.")
                    % {"status": question.get_status_display()},
                    messages.SUCCESS,
                )
        except TransitionNotAllowed as error:
            self.message_user(request, error.message, messages.ERROR)
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)

    def _save_changes(self, user, question, form):
        """The fields this user may edit now (get_readonly_fields) are the topic, the answer
        and the public version; each has its service."""
        changed, data = set(form.changed_data), form.cleaned_data
        if "topic" in changed:
            services.question_change_topic(question=question, topic=data["topic"], by=user)
        if "answer" in changed:
            services.answer_draft_save(question=question, text=data["answer"], by=user)
        for code, _name in settings.LANGUAGES:
            names = [f"{name}_{code}" for name in PUBLIC_FIELDS]
            if changed.intersection(names):
                title, question_text, answer = (data[name] for name in names)
                services.public_version_save(
                    question=question,
                    language=code,
                    title=title,
                    question_text=question_text,
                    answer=answer,
                    by=user,
                )

    def save_formset(self, request, form, formset, change):
        question = form.instance
        if formset.model in (InternalNote, FollowUp):
            # Saved through the services below; the admin's change message reads these.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model is InternalNote:
            for note_form in formset.forms:
                if note_form.has_changed() and note_form.cleaned_data.get("text"):
                    services.note_add(
                        question=question, by=request.user, text=note_form.cleaned_data["text"]
                    )
            return
        if formset.model is FollowUp:
            for followup_form in formset.forms:
                if "answer" in followup_form.changed_data:
                    try:
                        services.followup_answer(
                            followup=followup_form.instance,
                            by=request.user,
                            text=followup_form.cleaned_data["answer"],
                        )
                    except TransitionNotAllowed as error:
                        messages.error(request, error.message)
            return
        super().save_formset(request, form, formset, change)

    def response_change(self, request, obj):
        if "_transition" not in request.POST:
            return super().response_change(request, obj)
        # save_model took the step and said how it went; back to the question, if still theirs.
        obj.refresh_from_db()
        if not obj.can_be_seen_by(request.user):
            return HttpResponseRedirect(reverse("admin:questions_question_changelist"))
        return HttpResponseRedirect(reverse("admin:questions_question_change", args=[obj.pk]))

    # --- Columns and read-only displays ---------------------------------------------------
    @admin.display(description=_("no."), ordering="id")
    def number(self, question):
        return f"#{question.pk}"

    @admin.display(description=_("urgent"), ordering="is_urgent")
    def urgent_flag(self, question):
        if question.is_urgent:
            return format_html('<strong class="q-urgent">{}</strong>', _("URGENT"))
        return ""

    @admin.display(description=_("urgent"))
    def urgent_display(self, question):
        return _("Yes") if question.is_urgent else _("No")

    @admin.display(description=_("asking as"), ordering="asker_group__order")
    def asker_group_display(self, question):
        return question.asker_group.name if question.asker_group_id else _("Other")

    @admin.display(description=_("days waiting"))
    def days_waiting_display(self, question):
        days = question.days_waiting()
        if question.is_overdue():
            return format_html('<strong class="q-overdue">{} ({})</strong>', days, _("overdue"))
        return days

    @admin.display(description=_("answer due"), ordering="received_at")
    def due_display(self, question):
        if not question.is_open:
            return "–"
        return timezone.localtime(question.due_at).strftime("%Y-%m-%d")

    @admin.display(description=_("follow-up"), boolean=True)
    def followup_flag(self, question):
        followup = getattr(question, "followup", None)
        if followup is None:
            return None
        return followup.answered_at is not None

    @admin.display(description=_("feedback from the asker"))
    def feedback_display(self, question):
        feedback = getattr(question, "feedback", None)
        if feedback is None:
            return "–"
        verdict = _("The answer helped.") if feedback.helpful else _("The answer did not help.")
        if feedback.comment:
            return format_html("{}<br>{}", verdict, feedback.comment)
        return verdict

    @admin.display(description=_("answer snippets"))
    def snippets_display(self, question):
        snippets = AnswerSnippet.objects.all()
        if not snippets:
            return "–"
        return format_html(
            '<div class="q-snippets">{}</div>',
            format_html_join(
                "",
                '<details class="q-snippet"><summary>{}</summary><pre>{}</pre>'
                '<button type="button" class="button" data-snippet>{}</button></details>',
                (
                    (snippet.title, snippet.text, _("Insert into the answer"))
                    for snippet in snippets
                ),
            ),
        )

    # --- Bulk actions (built from the workflow table: see `actions`) -----------------------
    def take_in_bulk(self, request, queryset, action):
        done, refused = 0, []
        for question in queryset:
            try:
                _carry_out(action, question, request.user)
                done += 1
            except TransitionNotAllowed as error:
                refused.append(f"#{question.pk}: {error.message}")
        if done:
            self.message_user(request, action.bulk_done % {"count": done}, messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.WARNING)


# --- Statistics -----------------------------------------------------------------------------


@admin.register(QuestionStatistics)
class QuestionStatisticsAdmin(ReadOnlyAdmin):
    """The figures the service reports to its funder, per calendar year."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("questions.view_questionstatistics")

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [path("", self.admin_site.admin_view(self.changelist_view), name=name)]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        this_year = timezone.localdate().year
        try:
            year = int(request.GET.get("year", this_year))
        except (TypeError, ValueError):
            year = this_year
        if not 2000 <= year <= this_year + 1:
            year = this_year
        figures = question_statistics(year)
        peak = max((count for _month, count in figures.per_month), default=0)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Questions: statistics %(year)d") % {"year": year},
            "figures": figures,
            "peak": peak,
            "year": year,
            "years": range(this_year, max(this_year - 6, 1999), -1),
            "answer_days": settings.QUESTIONS_ANSWER_DAYS,
        }
        return TemplateResponse(request, "admin/questions/statistics.html", context)


# --- Reference data -------------------------------------------------------------------------


@admin.register(PanelMember)
class PanelMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "is_active", "topic_list"]
    list_filter = ["role", "is_active", "topics"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    filter_horizontal = ["topics"]
    list_select_related = ["user"]

    @admin.display(description=_("topic expertise"))
    def topic_list(self, member):
        return ", ".join(topic.name for topic in member.topics.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics")


@admin.register(AnswerSnippet)
class AnswerSnippetAdmin(TranslationAdmin):
    list_display = ["title", "order"]
    list_editable = ["order"]
    search_fields = ["title", "text"]
