/* desk-audit-entry.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One line of the append-only audit log: who changed what, when, with the changed fields' values
 * before and after as JSON objects. Read-only once made. */

#define G_LOG_DOMAIN "desk-audit-entry"

#include "config.h"

#include "desk-audit-entry.h"

struct _DeskAuditEntry
{
  GObject  parent_instance;

  gint64   at;
  char    *actor;
  char    *kind;
  char    *record_uuid;
  char    *action;
  char    *before;
  char    *after;
};

G_DEFINE_FINAL_TYPE (DeskAuditEntry, desk_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AT,
  PROP_ACTOR,
  PROP_KIND,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_audit_entry_finalize (GObject *object)
{
  DeskAuditEntry *self = DESK_AUDIT_ENTRY (object);

  g_free (self->actor);
  g_free (self->kind);
  g_free (self->record_uuid);
  g_free (self->action);
  g_free (self->before);
  g_free (self->after);

  G_OBJECT_CLASS (desk_audit_entry_parent_class)->finalize (object);
}

static void
desk_audit_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskAuditEntry *self = DESK_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_audit_entry_class_init (DeskAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_audit_entry_finalize;
  object_class->get_property = desk_audit_entry_get_property;

  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_audit_entry_init (DeskAuditEntry *self)
{
}

DeskAuditEntry *
desk_audit_entry_new (gint64      at,
                      const char *actor,
                      const char *kind,
                      const char *record_uuid,
                      const char *action,
                      const char *before,
                      const char *after)
{
  DeskAuditEntry *self = g_object_new (DESK_TYPE_AUDIT_ENTRY, NULL);

  self->at = at;
  self->actor = g_strdup (actor);
  self->kind = g_strdup (kind);
  self->record_uuid = g_strdup (record_uuid);
  self->action = g_strdup (action);
  self->before = g_strdup (before);
  self->after = g_strdup (after);

  return self;
}

gint64
desk_audit_entry_get_at (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), 0);
  return self->at;
}

const char *
desk_audit_entry_get_actor (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

const char *
desk_audit_entry_get_kind (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), NULL);
  return self->kind;
}

const char *
desk_audit_entry_get_record_uuid (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), NULL);
  return self->record_uuid;
}

const char *
desk_audit_entry_get_action (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

/* Returns: (nullable): the changed fields' old values as a JSON object */
const char *
desk_audit_entry_get_before (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), NULL);
  return self->before;
}

/* Returns: (nullable): the changed fields' new values as a JSON object */
const char *
desk_audit_entry_get_after (DeskAuditEntry *self)
{
  g_return_val_if_fail (DESK_IS_AUDIT_ENTRY (self), NULL);
  return self->after;
}
