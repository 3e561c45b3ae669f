"""The fact-checker's desk in the Django admin. Thin: every write goes through claims.services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from claims import services
from claims.models import (
    Article,
    Claim,
    ClaimThread,
    Entity,
    EvidenceLink,
    EvidenceSuggestion,
    Notification,
    ProposedClaim,
)
from claims.rendering import render_annotated_text
from claims.services import checking, rates, reextraction
from project.history_admin import ReadOnlyHistoryAdmin


def _error_text(exc: ValidationError) -> str:
    return "; ".join(exc.messages)


# --- Article ------------------------------------------------------------------------------------------------------
class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    fields = ("claim_link", "claimant", "verdict", "anchor_status", "evidence_count")
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # claims are created by selecting their quote (see the article page)

    @admin.display(description="Claim")
    def claim_link(self, obj: Claim) -> str:
        return format_html('<a href="{}">{}</a>', reverse("admin:claims_claim_change", args=[obj.pk]), str(obj))

    @admin.display(description="Evidence")
    def evidence_count(self, obj: Claim) -> int:
        return obj.evidence_links.count()


class ProposedClaimInline(admin.TabularInline):
    model = ProposedClaim
    extra = 0
    fields = ("text", "score", "reasons", "claimant", "status", "decide")
    readonly_fields = fields
    can_delete = False
    ordering = ("-score",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Decide")
    def decide(self, obj: ProposedClaim) -> str:
        if obj.status != ProposedClaim.Status.OPEN:
            return "—"
        return format_html(
            '<button type="submit" form="fc-proposal-form" name="accept" value="{0}" class="button">Accept</button> '
            '<button type="submit" form="fc-proposal-form" name="dismiss" value="{0}" class="button">Dismiss</button>',
            obj.pk,
        )


class StuckExtractionFilter(admin.SimpleListFilter):
    """Extractions pending or running longer than the broker's redelivery would take (issue 12, defect 5)."""

    title = "stuck extraction"
    parameter_name = "stuck"

    def lookups(self, request, model_admin):
        return [("yes", f"Stuck (pending/running over {reextraction.stuck_after()})")]

    def queryset(self, request, queryset):
        return queryset.filter(reextraction.stuck_q()) if self.value() == "yes" else queryset


@admin.register(Article)
class ArticleAdmin(ReadOnlyHistoryAdmin):
    list_display = ("title", "outlet", "published_at", "extraction", "claim_count", "open_proposals")
    list_filter = (
        "extraction_status", StuckExtractionFilter, "outlet", "language", ("published_at", admin.DateFieldListFilter)
    )
    search_fields = ("title", "outlet", "author", "url", "body")
    date_hierarchy = "published_at"
    readonly_fields = ("extraction_state", "annotated_text", "created_at", "created_by")
    fieldsets = (
        (None, {"fields": ("title", "outlet", "author", "url", "published_at", "language")}),
        ("Text", {"fields": ("body",), "classes": ("collapse",)}),
        ("Extraction", {"fields": ("extraction_state",)}),
        ("Annotate: select a passage to create a claim", {"fields": ("annotated_text",)}),
        ("Record", {"fields": ("created_at", "created_by"), "classes": ("collapse",)}),
    )
    inlines = [ClaimInline, ProposedClaimInline]
    actions = ["rerun_extraction"]
    change_form_template = "admin/claims/article/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        open_q = Q(proposed_claims__status=ProposedClaim.Status.OPEN)
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_claims=Count("claims", distinct=True), n_open=Count("proposed_claims", filter=open_q, distinct=True)
            )
        )

    @admin.display(description="Claims", ordering="n_claims")
    def claim_count(self, obj: Article) -> int:
        return obj.n_claims

    @admin.display(description="Open proposals", ordering="n_open")
    def open_proposals(self, obj: Article) -> int:
        return obj.n_open

    @admin.display(description="Extraction", ordering="extraction_status")
    def extraction(self, obj: Article) -> str:
        label = obj.get_extraction_status_display()
        if not reextraction.is_stuck(obj):
            return label
        since = f" since {obj.extraction_status_at:%Y-%m-%d %H:%M} UTC" if obj.extraction_status_at else ""
        return format_html('<strong style="color:#ba2121">{}, stuck</strong>{}', label, since)

    @admin.display(description="Status")
    def extraction_state(self, obj: Article) -> str:
        if not obj.pk:
            return "Extraction runs after you save."
        label = obj.get_extraction_status_display()
        if reextraction.is_stuck(obj):
            return format_html("{} — the sweep queues it again; or use “Re-run extraction”.", self.extraction(obj))
        if obj.extraction_status == Article.ExtractionStatus.FAILED:
            return format_html('<strong style="color:#ba2121">{}</strong>: {}', label, obj.extraction_error)
        when = f" ({obj.extracted_at:%Y-%m-%d %H:%M} UTC)" if obj.extracted_at else ""
        counts = f" — {obj.entities.count()} entities, {obj.proposed_claims.count()} proposed claims"
        return f"{label}{when}{counts if obj.extraction_status == 'done' else ''}"

    @admin.display(description="Text with entities and claims")
    def annotated_text(self, obj: Article) -> str:
        if not obj.pk:
            return "Save the article first."
        return render_annotated_text(obj)

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        data = {f: form.cleaned_data[f] for f in form.changed_data if f in form.cleaned_data}
        if change:
            fresh = Article.objects.get(pk=obj.pk)
            services.article_update(article=fresh, user=request.user, **data)
            obj.pk = fresh.pk
        else:
            created = services.article_create(
                title=obj.title,
                body=obj.body,
                outlet=obj.outlet,
                author=obj.author,
                url=obj.url,
                published_at=obj.published_at,
                language=obj.language,
                user=request.user,
            )
            obj.pk = created.pk
            obj.id = created.pk

    def save_related(self, request, form, formsets, change) -> None:
        # Inlines here are read-only; nothing to save besides what the service wrote. The admin's change message
        # still reads what each formset saved.
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    @admin.action(description="Re-run extraction", permissions=["change"])
    def rerun_extraction(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        n = services.articles_reextract(articles=list(queryset))
        self.message_user(request, f"Extraction queued for {n} article(s).")

    def get_urls(self):
        urls = super().get_urls()
        own = [
            path("<int:pk>/annotate/", self.admin_site.admin_view(self.annotate_view), name="claims_article_annotate"),
            path(
                "<int:pk>/proposals/", self.admin_site.admin_view(self.proposal_view), name="claims_article_proposals"
            ),
            path("<int:pk>/extract/", self.admin_site.admin_view(self.extract_view), name="claims_article_extract"),
        ]
        return own + urls

    def _check_post(self, request: HttpRequest, perm: str) -> None:
        if request.method != "POST":
            raise PermissionDenied("POST only")
        if not request.user.has_perm(perm):
            raise PermissionDenied

    def annotate_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        """Create a claim from the passage the fact-checker selected (offsets computed by the page's script)."""
        self._check_post(request, "claims.add_claim")
        article = get_object_or_404(Article, pk=pk)
        back = reverse("admin:claims_article_change", args=[pk])
        try:
            start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
        except ValueError:
            self.message_user(request, "Select a passage of the text first.", messages.ERROR)
            return HttpResponseRedirect(back)
        try:
            claim = services.claim_create_from_selection(
                article=article, start=start, end=end, claimant=request.POST.get("claimant", ""), user=request.user
            )
        except ValidationError as exc:
            self.message_user(request, f"No claim created: {_error_text(exc)}", messages.ERROR)
            return HttpResponseRedirect(back)
        self.message_user(request, f"Claim {claim} created.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    def proposal_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        self._check_post(request, "claims.change_proposedclaim")
        back = reverse("admin:claims_article_change", args=[pk])
        accept, dismiss = request.POST.get("accept"), request.POST.get("dismiss")
        proposal = get_object_or_404(ProposedClaim, pk=accept or dismiss, article_id=pk)
        try:
            if accept:
                if not request.user.has_perm("claims.add_claim"):
                    raise PermissionDenied
                claim = services.proposed_claim_accept(proposal=proposal, user=request.user)
                self.message_user(request, f"Accepted as claim {claim}.", messages.SUCCESS)
            else:
                services.proposed_claim_dismiss(proposal=proposal, user=request.user)
                self.message_user(request, "Proposal dismissed.", messages.SUCCESS)
        except ValidationError as exc:
            self.message_user(request, _error_text(exc), messages.ERROR)
        return HttpResponseRedirect(back)

    def extract_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        self._check_post(request, "claims.change_article")
        article = get_object_or_404(Article, pk=pk)
        services.article_request_extraction(article=article)
        self.message_user(request, "Extraction queued.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:claims_article_change", args=[pk]))


# --- Claim --------------------------------------------------------------------------------------------------------
class EvidenceLinkForm(forms.ModelForm):
    """On an existing link the claim and the evidence it points at are fixed (``evidence_link_update`` changes only
    the relation and the note): those fields are disabled, so a posted value is ignored, never saved."""

    FIXED = ("claim", "mission", "source")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in self.FIXED:
                if name in self.fields:
                    self.fields[name].disabled = True


def save_evidence_links(request: HttpRequest, claim: Claim, formset) -> list[str]:
    """The claim page's evidence rows, written through the services; returns what could not be saved, in words."""
    errors = []
    formset.save(commit=False)  # fills new_objects / changed_objects / deleted_objects, writes nothing
    for link in formset.deleted_objects:
        services.evidence_link_delete(link=link, user=request.user)
    for link, changed in formset.changed_objects:
        fields = {name: getattr(link, name) for name in changed if name in ("relation", "note")}
        services.evidence_link_update(link=EvidenceLink.objects.get(pk=link.pk), user=request.user, **fields)
    for link in formset.new_objects:
        try:
            services.evidence_link_create(
                claim=claim,
                mission=link.mission,
                source=link.source,
                relation=link.relation,
                note=link.note,
                user=request.user,
            )
        except ValidationError as exc:
            errors.append(f"Evidence not linked: {_error_text(exc)}")
    return errors


class EvidenceLinkInline(admin.TabularInline):
    model = EvidenceLink
    form = EvidenceLinkForm
    extra = 1
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}
    fields = ("mission", "source", "relation", "note", "added_by", "added_at")
    readonly_fields = ("added_by", "added_at")
    autocomplete_fields = ("mission", "source")


class SuggestionInline(admin.TabularInline):
    model = EvidenceSuggestion
    extra = 0
    fields = ("mission_link", "score", "reason", "link_buttons")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Mission")
    def mission_link(self, obj: EvidenceSuggestion) -> str:
        return format_html('<a href="{}">{}</a>', obj.mission.get_absolute_url(), obj.mission)

    @admin.display(description="Link as")
    def link_buttons(self, obj: EvidenceSuggestion) -> str:
        if obj.claim.evidence_links.filter(mission_id=obj.mission_id).exists():
            return "linked"
        return format_html_join(
            " ",
            '<button type="submit" form="fc-suggestion-form" name="link" value="{}:{}" class="button">{}</button>',
            ((obj.pk, value, label) for value, label in EvidenceLink.Relation.choices),
        )


class HasEvidenceFilter(admin.SimpleListFilter):
    title = "evidence"
    parameter_name = "has_evidence"

    def lookups(self, request, model_admin):
        return (("yes", "Has evidence"), ("no", "No evidence yet"))

    def queryset(self, request, queryset):
        linked = EvidenceLink.objects.filter(claim=OuterRef("pk"))
        if self.value() == "yes":
            return queryset.filter(Exists(linked))
        if self.value() == "no":
            return queryset.exclude(Exists(linked))
        return queryset


class MyClaimsFilter(admin.SimpleListFilter):
    """The desk's queue: "my claims" (assigned to me) and "awaiting my second review"."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return (
            ("mine", "My claims (open)"),
            ("mine_all", "My claims (all)"),
            ("awaiting_review", "Awaiting my second review"),
            ("unassigned", "Open and unassigned"),
            ("overdue", "Open and overdue"),
        )

    def queryset(self, request, queryset):
        from django.utils import timezone

        from claims.services.workflow import OPEN_STATUSES

        value = self.value()
        if value == "mine":
            return queryset.filter(assignee=request.user, status__in=OPEN_STATUSES)
        if value == "mine_all":
            return queryset.filter(assignee=request.user)
        if value == "awaiting_review":
            return queryset.filter(status=Claim.Status.NEEDS_REVIEW).exclude(reviewed_by=request.user)
        if value == "unassigned":
            return queryset.filter(assignee__isnull=True, status__in=OPEN_STATUSES)
        if value == "overdue":
            return queryset.filter(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate())
        return queryset


class ClaimAdminForm(forms.ModelForm):
    """Status "done" is reached only by a second reviewer's sign-off (the action); a second review needs a verdict."""

    class Meta:
        model = Claim
        fields = ("claimant", "verdict", "rationale", "assignee", "status", "due_date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and self.instance.status != Claim.Status.DONE:
            self.fields["status"].choices = [c for c in Claim.Status.choices if c[0] != Claim.Status.DONE]
        if "assignee" in self.fields:
            from claims.services.workflow import fact_checkers

            self.fields["assignee"].queryset = fact_checkers()

    def clean(self):
        data = super().clean()
        verdict = data.get("verdict", self.instance.verdict)
        if data.get("status") == Claim.Status.NEEDS_REVIEW and verdict == Claim.Verdict.UNREVIEWED:
            self.add_error("status", "Decide a verdict before asking for a second review.")
        return data


def _verdict_action(verdict: str, label: str):
    def action(modeladmin, request, queryset):
        n = 0
        for claim in queryset:
            services.claim_set_verdict(claim=claim, verdict=verdict, user=request.user)
            n += 1
        modeladmin.message_user(request, f"{n} claim(s) marked {label.lower()}.", messages.SUCCESS)

    action.__name__ = f"mark_{verdict}"
    return admin.action(description=f"Mark selected claims: {label}", permissions=["change"])(action)


@admin.register(Claim)
class ClaimAdmin(ReadOnlyHistoryAdmin):
    form = ClaimAdminForm
    list_display = (
        "short_quote", "article", "claimant", "verdict", "status", "assignee", "due_date", "anchor_status",
        "n_evidence", "reviewed_at",
    )
    list_filter = (
        MyClaimsFilter,
        "status",
        "verdict",
        HasEvidenceFilter,
        "anchor_status",
        ("article", admin.RelatedOnlyFieldListFilter),
        ("evidence_links__mission__aircraft_type", admin.RelatedOnlyFieldListFilter),
        ("evidence_links__mission__aircraft__operator", admin.RelatedOnlyFieldListFilter),
        ("article__published_at", admin.DateFieldListFilter),
    )
    search_fields = ("exact", "claimant", "rationale", "article__title", "article__outlet")
    list_select_related = ("article", "assignee")
    readonly_fields = (
        "same_claim_elsewhere",
        "second_reviewer",
        "signed_off_at",
        "published_at",
        "article",
        "quote_in_context",
        "selectors",
        "anchor_status",
        "scope_reading",
        "count_check",
        "reviewed_by",
        "reviewed_at",
        "created_by",
        "created_at",
    )
    fieldsets = (
        (None, {"fields": ("article", "quote_in_context", "claimant")}),
        ("Verdict", {"fields": ("verdict", "rationale", "reviewed_by", "reviewed_at")}),
        (
            "Workflow",
            {"fields": ("assignee", "status", "due_date", "second_reviewer", "signed_off_at", "published_at")},
        ),
        ("What the claim says, read by the system", {"fields": ("scope_reading", "count_check")}),
        ("The same claim elsewhere", {"fields": ("same_claim_elsewhere",)}),
        (
            "Anchoring (W3C Web Annotation selectors)",
            {"fields": ("anchor_status", "selectors"), "classes": ("collapse",)},
        ),
        ("Record", {"fields": ("created_by", "created_at"), "classes": ("collapse",)}),
    )
    inlines = [EvidenceLinkInline, SuggestionInline]
    actions = [*(_verdict_action(v, label) for v, label in Claim.Verdict.choices), "sign_off", "assign_to_me"]
    change_form_template = "admin/claims/claim/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a claim is created by selecting its quote on the article page

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(evidence_total=Count("evidence_links", distinct=True))

    @admin.display(description="Quote")
    def short_quote(self, obj: Claim) -> str:
        return obj.exact if len(obj.exact) <= 90 else obj.exact[:87] + "…"

    @admin.display(description="Evidence", ordering="evidence_total")
    def n_evidence(self, obj: Claim) -> int:
        return obj.evidence_total

    @admin.display(description="Quote in context")
    def quote_in_context(self, obj: Claim) -> str:
        warn = ""
        if obj.anchor_status == Claim.AnchorStatus.ORPHANED:
            warn = format_html(
                '<p style="color:#ba2121"><strong>Orphaned:</strong> this quote is no longer in the article text. '
                "It was not moved; review it against the current text (best match scored {}).</p>",
                obj.anchor_score if obj.anchor_score is not None else "—",
            )
        elif obj.anchor_status == Claim.AnchorStatus.FUZZY:
            warn = format_html(
                '<p style="color:#a05a00"><strong>Re-anchored approximately</strong> (score {}): the quote was edited. '
                "It was: <q>{}</q></p>",
                obj.anchor_score,
                obj.previous_exact,
            )
        return format_html(
            '{}<blockquote style="margin:0">…{}<mark>{}</mark>{}…</blockquote>', warn, obj.prefix, obj.exact, obj.suffix
        )

    @admin.display(description="Selectors")
    def selectors(self, obj: Claim) -> str:
        return format_html(
            "TextPositionSelector: start={}, end={}<br>TextQuoteSelector: prefix={!r} exact={!r} suffix={!r}",
            obj.start,
            obj.end,
            obj.prefix,
            obj.exact[:200],
            obj.suffix,
        )

    @admin.display(description="Structured reading")
    def scope_reading(self, obj: Claim) -> str:
        return checking.describe_claim_scope(obj)

    @admin.display(description="Count, rate or change check")
    def count_check(self, obj: Claim) -> str:
        check = checking.claim_count_check(obj)
        if check is None:
            rate = rates.claim_rate_check(obj)
            if rate is None:
                return "The claim states no count, rate, change or first of missions."
            return format_html(
                "Read as a {} claim (“{}”): <strong>{}</strong><br><small>Scope used: {}. {} {}</small>",
                "novelty" if rate.kind == "novelty" else "change-of-rate",
                rate.words,
                rate.finding,
                rate.scope_text,
                "; ".join(rate.notes) + ("." if rate.notes else ""),
                rate.caveat,
            )
        return format_html(
            "Claimed: <strong>{}</strong> — found in the flight records: <strong>{}</strong><br>"
            "<small>Scope used: {}. {} {}</small>",
            check.claimed,
            check.found,
            check.scope_text,
            check.coverage,
            check.caveat,
        )

    @admin.action(description="Sign off the verdict (second review) and publish it", permissions=["change"])
    def sign_off(self, request, queryset) -> None:
        from claims.services.workflow import claim_sign_off

        done, refused = 0, []
        for claim in queryset:
            try:
                claim_sign_off(claim=claim, user=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as exc:
                text = _error_text(exc) if isinstance(exc, ValidationError) else str(exc)
                refused.append(f"#{claim.pk}: {text}")
        if done:
            self.message_user(request, f"{done} claim(s) signed off and published.", messages.SUCCESS)
        if refused:
            self.message_user(request, "Not signed off — " + " ".join(refused), messages.ERROR)

    @admin.action(description="Assign the selected claims to me", permissions=["change"])
    def assign_to_me(self, request, queryset) -> None:
        from claims.services.workflow import claim_assign

        for claim in queryset:
            claim_assign(claim=claim, assignee=request.user, user=request.user)
        self.message_user(request, f"{queryset.count()} claim(s) assigned to you.", messages.SUCCESS)

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        workflow = [f for f in ("due_date", "assignee", "status") if f in form.changed_data]
        if workflow:  # these are written by the workflow services below, not by the verdict's save
            current = Claim.objects.get(pk=obj.pk)
            for name in workflow:
                setattr(obj, name, getattr(current, name))
        self._save_verdict_and_claimant(request, obj, form)
        try:
            self._save_workflow(request, obj, form, workflow)
        except (ValidationError, PermissionDenied) as exc:
            text = _error_text(exc) if isinstance(exc, ValidationError) else str(exc)
            self.message_user(request, f"Workflow not changed: {text}", messages.ERROR)

    def _save_workflow(self, request, obj: Claim, form, workflow: list[str]) -> None:
        from claims.services import workflow as wf

        data = form.cleaned_data
        if "due_date" in workflow:  # first: the assignee's notification gives the due date
            wf.claim_set_due_date(claim=obj, due_date=data["due_date"], user=request.user)
        if "assignee" in workflow:
            wf.claim_assign(claim=obj, assignee=data["assignee"], user=request.user)
        if "status" in workflow:
            wf.claim_set_status(claim=obj, status=data["status"], user=request.user)

    def _save_verdict_and_claimant(self, request, obj: Claim, form) -> None:
        # Each service writes only its own fields (claim_set_verdict no longer saves the whole row), so an
        # attribution and a rationale cleared to "" edited together with the verdict are saved by claim_update.
        changed = form.changed_data
        cleared = "rationale" in changed and not obj.rationale
        if "claimant" in changed or cleared:
            services.claim_update(
                claim=obj, claimant=obj.claimant, rationale="" if cleared else None, user=request.user
            )
        if "verdict" in changed or ("rationale" in changed and not cleared):
            services.claim_set_verdict(
                claim=obj, verdict=form.cleaned_data["verdict"], rationale=obj.rationale, user=request.user
            )

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not EvidenceLink:
            return super().save_formset(request, form, formset, change)
        for error in save_evidence_links(request, form.instance, formset):
            self.message_user(request, error, messages.ERROR)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/link-suggestion/",
                self.admin_site.admin_view(self.link_suggestion_view),
                name="claims_claim_link_suggestion",
            ),
            path("<int:pk>/match/", self.admin_site.admin_view(self.match_view), name="claims_claim_match"),
            path("<int:pk>/cluster/", self.admin_site.admin_view(self.cluster_view), name="claims_claim_cluster"),
        ]
        return own + super().get_urls()

    @admin.display(description="Matches")
    def same_claim_elsewhere(self, obj: Claim) -> str:
        from claims.selectors import same_claim_elsewhere

        rows = same_claim_elsewhere(obj.pk)
        if not rows:
            return "No matching claim in other articles on record."
        items = format_html_join("", "<li>{}</li>", ((self._match_row(row),) for row in rows))
        cluster = reverse("admin:claims_claim_cluster", args=[obj.pk])
        return format_html('<ul class="fc-matches">{}</ul><a href="{}">Cluster: who said it first, who repeated it</a>',
                           items, cluster)

    def _match_row(self, row: dict) -> str:
        other = row["claim"]
        url = reverse("admin:claims_claim_change", args=[other["id"]])
        head = format_html(
            '<a href="{}">#{}</a> {} — “{}” <strong>{}</strong>{} ({}; {})',
            url, other["id"], other["article"]["outlet"] or other["article"]["title"], other["text"][:160],
            f"{row['score']:.2f}", " strong" if row["strong"] else "", "; ".join(row["reasons"]), row["status"],
        )
        button = '<button type="submit" form="fc-match-form" name="match" value="{}:{}" class="button">{}</button> '
        if row["status"] == "suggested":
            actions = format_html(button + button, row["match_id"], "confirm", "Same claim",
                                  row["match_id"], "reject", "Different claim")
        else:
            label = f"Copy verdict ({other['verdict']}), rationale and evidence links from #{other['id']}"
            actions = format_html(button, row["match_id"], "copy", label)
        return format_html("{}<br>{}", head, actions)

    def match_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        from claims.models import ClaimMatch
        from claims.services.matching import claim_match_copy, claim_match_decide

        if request.method != "POST" or not request.user.has_perm("claims.change_claimmatch"):
            raise PermissionDenied
        back = reverse("admin:claims_claim_change", args=[pk])
        try:
            match_id, what = request.POST.get("match", "").split(":", 1)
            match = ClaimMatch.objects.select_related("claim", "other__article").get(
                Q(claim_id=pk) | Q(other_id=pk), pk=int(match_id)
            )
        except (ValueError, ClaimMatch.DoesNotExist):
            self.message_user(request, "That match does not exist for this claim.", messages.ERROR)
            return HttpResponseRedirect(back)
        try:
            if what in ("confirm", "reject"):
                claim_match_decide(match=match, confirm=what == "confirm", user=request.user)
                self.message_user(request, f"Match {match}: {match.get_status_display()}.", messages.SUCCESS)
            elif what == "copy":
                if match.claim_id != pk:  # copy onto the claim on this page, from the other one
                    match.claim, match.other = match.other, match.claim
                done = claim_match_copy(match=match, user=request.user)
                self.message_user(request, f"Copied: {done or 'nothing to copy'}.", messages.SUCCESS)
            else:
                self.message_user(request, f"Unknown match action {what!r}.", messages.ERROR)
        except ValidationError as exc:
            self.message_user(request, _error_text(exc), messages.ERROR)
        return HttpResponseRedirect(back)

    def cluster_view(self, request: HttpRequest, pk: int):
        from django.template.response import TemplateResponse

        from claims.selectors import claim_cluster

        if request.method not in ("GET", "HEAD"):  # a page to read: it writes nothing
            return HttpResponseNotAllowed(["GET", "HEAD"])
        claim = get_object_or_404(Claim, pk=pk)
        if not self.has_view_permission(request, claim):
            raise PermissionDenied
        members = claim_cluster(claim.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"The same claim across outlets: {claim}",
            "claim": claim,
            "first": members[0] if members else None,
            "members": members,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/claims/claim/cluster.html", context)

    def link_suggestion_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        if request.method != "POST" or not request.user.has_perm("claims.add_evidencelink"):
            raise PermissionDenied
        back = reverse("admin:claims_claim_change", args=[pk])
        try:
            suggestion_id, relation = request.POST.get("link", "").split(":", 1)
            suggestion = EvidenceSuggestion.objects.select_related("claim", "mission").get(
                pk=int(suggestion_id), claim_id=pk
            )
        except (ValueError, EvidenceSuggestion.DoesNotExist):
            self.message_user(request, "That suggestion does not exist for this claim.", messages.ERROR)
            return HttpResponseRedirect(back)
        if relation not in EvidenceLink.Relation.values:
            self.message_user(request, f"Unknown relation {relation!r}.", messages.ERROR)
            return HttpResponseRedirect(back)
        try:
            services.suggestion_link(suggestion=suggestion, relation=relation, user=request.user)
            self.message_user(request, f"Linked {suggestion.mission} ({relation}).", messages.SUCCESS)
        except ValidationError as exc:
            self.message_user(request, _error_text(exc), messages.ERROR)
        return HttpResponseRedirect(back)


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(ReadOnlyHistoryAdmin):
    list_display = ("claim", "relation", "mission", "source", "added_by", "added_at")
    list_filter = ("relation", ("added_at", admin.DateFieldListFilter))
    search_fields = ("claim__exact", "note", "mission__callsign", "mission__aircraft__hex", "source__title")
    autocomplete_fields = ("mission", "source")
    raw_id_fields = ("claim",)
    readonly_fields = ("added_by", "added_at")
    form = EvidenceLinkForm

    def get_readonly_fields(self, request: HttpRequest, obj: EvidenceLink | None = None) -> tuple[str, ...]:
        fixed = EvidenceLinkForm.FIXED if obj is not None else ()  # shown, not editable, on an existing link
        return (*fixed, *super().get_readonly_fields(request, obj))

    def save_model(self, request, obj: EvidenceLink, form, change: bool) -> None:
        if change:
            fields = {name: form.cleaned_data[name] for name in form.changed_data if name in ("relation", "note")}
            services.evidence_link_update(link=EvidenceLink.objects.get(pk=obj.pk), user=request.user, **fields)
            return
        link = services.evidence_link_create(
            claim=obj.claim,
            mission=obj.mission,
            source=obj.source,
            relation=obj.relation,
            note=obj.note,
            user=request.user,
        )
        obj.pk = link.pk

    def delete_model(self, request: HttpRequest, obj: EvidenceLink) -> None:
        services.evidence_link_delete(link=obj, user=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[EvidenceLink]) -> None:
        for link in queryset:
            services.evidence_link_delete(link=link, user=request.user)


@admin.register(ProposedClaim)
class ProposedClaimAdmin(admin.ModelAdmin):
    list_display = ("text_short", "article", "score", "reasons", "claimant", "status")
    list_filter = ("status", ("article", admin.RelatedOnlyFieldListFilter))
    search_fields = ("text", "claimant")
    readonly_fields = [f.name for f in ProposedClaim._meta.fields]
    actions = ["accept_selected", "dismiss_selected"]
    ordering = ("-score",)

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="Proposed claim")
    def text_short(self, obj: ProposedClaim) -> str:
        return obj.text if len(obj.text) <= 100 else obj.text[:97] + "…"

    def _decide(self, request, queryset, fn, verb: str) -> None:
        done, failed = 0, []
        for proposal in queryset.select_related("article"):
            try:
                fn(proposal=proposal, user=request.user)
                done += 1
            except ValidationError as exc:
                failed.append(f"“{proposal.text[:40]}…”: {_error_text(exc)}")
        self.message_user(request, f"{done} proposal(s) {verb}.", messages.SUCCESS)
        for line in failed:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description="Accept selected proposals as claims", permissions=["change"])
    def accept_selected(self, request, queryset) -> None:
        if not request.user.has_perm("claims.add_claim"):
            raise PermissionDenied
        self._decide(request, queryset, services.proposed_claim_accept, "accepted")

    @admin.action(description="Dismiss selected proposals", permissions=["change"])
    def dismiss_selected(self, request, queryset) -> None:
        self._decide(request, queryset, services.proposed_claim_dismiss, "dismissed")


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("text", "label", "article", "start", "end", "value")
    list_filter = ("label",)
    search_fields = ("text",)
    readonly_fields = [f.name for f in Entity._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(EvidenceSuggestion)
class EvidenceSuggestionAdmin(admin.ModelAdmin):
    list_display = ("claim", "mission", "score", "reason")
    search_fields = ("reason", "claim__exact")
    readonly_fields = [f.name for f in EvidenceSuggestion._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


# --- Notifications and chat threads (the desk's workflow) ------------------------------------------------------


class ClaimThreadInline(admin.TabularInline):
    """Chat threads where the bot answered about this claim: verdict changes and new missions are posted there."""

    model = ClaimThread
    extra = 0
    fields = ("platform", "channel", "thread", "recorded_at")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "chat threads where this claim was discussed"

    def has_add_permission(self, request, obj=None) -> bool:
        return False


ClaimAdmin.inlines = [*ClaimAdmin.inlines, ClaimThreadInline]


class UnreadFilter(admin.SimpleListFilter):
    title = "read"
    parameter_name = "unread"

    def lookups(self, request, model_admin):
        return (("yes", "Unread"), ("no", "Read"))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(read_at__isnull=True)
        if self.value() == "no":
            return queryset.filter(read_at__isnull=False)
        return queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Each person sees their own notifications (the administrator sees everyone's)."""

    list_display = ("created_at", "kind", "claim_link", "text", "recipient", "read_at")
    list_filter = (UnreadFilter, "kind")
    list_select_related = ("claim", "recipient")
    readonly_fields = ("recipient", "claim", "kind", "text", "created_at", "read_at")
    actions = ["mark_read"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(recipient=request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False if obj is not None else super().has_change_permission(request, obj)

    @admin.display(description="Claim")
    def claim_link(self, obj: Notification) -> str:
        if obj.claim_id is None:
            return "—"
        url = reverse("admin:claims_claim_change", args=[obj.claim_id])
        return format_html('<a href="{}">#{}</a>', url, obj.claim_id)

    @admin.action(description="Mark as read")
    def mark_read(self, request, queryset) -> None:
        from claims.services.workflow import notification_mark_read

        n = 0
        for notification in queryset.filter(recipient=request.user):
            notification_mark_read(notification=notification, user=request.user)
            n += 1
        self.message_user(request, f"{n} notification(s) marked read.", messages.SUCCESS)
