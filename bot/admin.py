"""Bot administration: link chat accounts to users; read the question log."""
from django.contrib import admin

from bot.models import ChatIdentity, Question


@admin.register(ChatIdentity)
class ChatIdentityAdmin(admin.ModelAdmin):
    list_display = ("platform", "workspace", "external_id", "user")
    list_filter = ("platform",)
    search_fields = ("external_id", "workspace", "user__username")
    autocomplete_fields = ("user",)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("asked_at", "platform", "user", "text", "count", "declined", "duration_ms")
    list_filter = ("platform", "declined", ("asked_at", admin.DateFieldListFilter))
    search_fields = ("text", "user__username")
    readonly_fields = [f.name for f in Question._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("user")
        # Questions are personal: staff see all, everyone else only their own.
        return qs if request.user.is_superuser else qs.filter(user=request.user)
