"""Staff groups: "Redaktør" (editors), "Fagpanel" (the professional panel),
"Fagpanel-moderator" (the panel members who screen, assign, approve and publish) and
"Krisesenter" (a shelter's staff, who set its places). Each app's
data migrations grant and revoke its own permissions with these helpers; each group holds
the least it needs (tests/core/test_staff_groups.py lists every permission)."""

EDITORS = "Redaktør"
PANEL = "Fagpanel"
PANEL_MODERATORS = "Fagpanel-moderator"
SHELTER_STAFF = "Krisesenter"


def grant_group_permissions(apps, *, group_name, app_label, codenames):
    """Create the group if needed and give it these permissions of one app. In a data
    migration the permissions may not exist yet (post_migrate has not run), so they are
    created first."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.get_or_create(name=group_name)
    permissions = permission_model.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise LookupError(f"No such permissions in {app_label}: {sorted(missing)}")
    group.permissions.add(*permissions)


def revoke_group_permissions(apps, *, group_name, app_label, codenames):
    """Take these permissions of one app from the group, if it has them."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group = group_model.objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(
            *permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
