/* desk-conflict.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A field that was changed here and, differently, on the server since the value both started
 * from. The record keeps the local value until someone picks one; this object shows both, as
 * the JSON values of docs/sync-api.md and as text for people. Read-only once made. */

#define G_LOG_DOMAIN "desk-conflict"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "desk-conflict.h"
#include "desk-time.h"

struct _DeskConflict
{
  GObject  parent_instance;

  gint64   id;
  char    *kind;
  char    *record_uuid;
  char    *record_title;
  char    *field;
  char    *local;
  char    *remote;
  gint64   detected_at;
  char    *local_actor;     /* who made each value, and when; NULL and 0 when unknown */
  gint64   local_at;
  char    *remote_actor;
  gint64   remote_at;
};

G_DEFINE_FINAL_TYPE (DeskConflict, desk_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_RECORD_UUID,
  PROP_RECORD_TITLE,
  PROP_FIELD,
  PROP_LOCAL_TEXT,
  PROP_REMOTE_TEXT,
  PROP_DETECTED_AT,
  PROP_LOCAL_ACTOR,
  PROP_LOCAL_AT,
  PROP_REMOTE_ACTOR,
  PROP_REMOTE_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text for a JSON value of a field: times read as times; a list of categories is counted. */
static char *
value_text (const char *field,
            const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (C_("conflict value", "(empty)"));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      guint n = json_array_get_length (json_node_get_array (node));

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories", n),
                              n);
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      if (g_str_has_suffix (field, "_at"))
        return desk_time_format_iso (json_node_get_int (node));

      return g_strdup_printf ("%lld", (long long) json_node_get_int (node));
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return g_strdup (json);
}

static void
desk_conflict_finalize (GObject *object)
{
  DeskConflict *self = DESK_CONFLICT (object);

  g_free (self->kind);
  g_free (self->record_uuid);
  g_free (self->record_title);
  g_free (self->field);
  g_free (self->local);
  g_free (self->remote);
  g_free (self->local_actor);
  g_free (self->remote_actor);

  G_OBJECT_CLASS (desk_conflict_parent_class)->finalize (object);
}

static void
desk_conflict_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeskConflict *self = DESK_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;

    case PROP_RECORD_TITLE:
      g_value_set_string (value, self->record_title);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_LOCAL_TEXT:
      g_value_take_string (value, desk_conflict_dup_local_text (self));
      break;

    case PROP_REMOTE_TEXT:
      g_value_take_string (value, desk_conflict_dup_remote_text (self));
      break;

    case PROP_DETECTED_AT:
      g_value_set_int64 (value, self->detected_at);
      break;

    case PROP_LOCAL_ACTOR:
      g_value_set_string (value, self->local_actor);
      break;

    case PROP_LOCAL_AT:
      g_value_set_int64 (value, self->local_at);
      break;

    case PROP_REMOTE_ACTOR:
      g_value_set_string (value, self->remote_actor);
      break;

    case PROP_REMOTE_AT:
      g_value_set_int64 (value, self->remote_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_conflict_class_init (DeskConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_conflict_finalize;
  object_class->get_property = desk_conflict_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_UUID] =
    g_param_spec_string ("record-uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskConflict:record-title:
   *
   * What people call the record: its title, name, text or contract ID, or %NULL.
   */
  properties[PROP_RECORD_TITLE] =
    g_param_spec_string ("record-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskConflict:field:
   *
   * The field's name on the wire, e.g. "due_at".
   */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCAL_TEXT] =
    g_param_spec_string ("local-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_TEXT] =
    g_param_spec_string ("remote-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETECTED_AT] =
    g_param_spec_int64 ("detected-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskConflict:local-actor:
   *
   * Who made this machine's value, as its audit log says, or %NULL.
   */
  properties[PROP_LOCAL_ACTOR] =
    g_param_spec_string ("local-actor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCAL_AT] =
    g_param_spec_int64 ("local-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskConflict:remote-actor:
   *
   * Who made the server's value, as the change received from it says, or %NULL.
   */
  properties[PROP_REMOTE_ACTOR] =
    g_param_spec_string ("remote-actor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_AT] =
    g_param_spec_int64 ("remote-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_conflict_init (DeskConflict *self)
{
}

/**
 * desk_conflict_new:
 * @local: the local value, as JSON
 * @remote: the server's value, as JSON
 */
DeskConflict *
desk_conflict_new (gint64      id,
                   const char *kind,
                   const char *record_uuid,
                   const char *record_title,
                   const char *field,
                   const char *local,
                   const char *remote,
                   gint64      detected_at)
{
  DeskConflict *self = g_object_new (DESK_TYPE_CONFLICT, NULL);

  self->id = id;
  self->kind = g_strdup (kind);
  self->record_uuid = g_strdup (record_uuid);
  self->record_title = g_strdup (record_title);
  self->field = g_strdup (field);
  self->local = g_strdup (local);
  self->remote = g_strdup (remote);
  self->detected_at = detected_at;
  return self;
}

gint64
desk_conflict_get_id (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), 0);

  return self->id;
}

const char *
desk_conflict_get_kind (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->kind;
}

const char *
desk_conflict_get_record_uuid (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->record_uuid;
}

const char *
desk_conflict_get_record_title (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->record_title;
}

const char *
desk_conflict_get_field (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->field;
}

/* Returns: (transfer none): the local value, as JSON */
const char *
desk_conflict_get_local (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->local;
}

/* Returns: (transfer none): the server's value, as JSON */
const char *
desk_conflict_get_remote (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->remote;
}

char *
desk_conflict_dup_local_text (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return value_text (self->field, self->local);
}

char *
desk_conflict_dup_remote_text (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return value_text (self->field, self->remote);
}

gint64
desk_conflict_get_detected_at (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), 0);

  return self->detected_at;
}

/**
 * desk_conflict_set_authors:
 * @local_actor: (nullable): who made the local value
 * @local_at: when, or 0
 * @remote_actor: (nullable): who made the server's value
 * @remote_at: when, or 0
 *
 * For the store, before it hands the conflict out.
 */
void
desk_conflict_set_authors (DeskConflict *self,
                           const char   *local_actor,
                           gint64        local_at,
                           const char   *remote_actor,
                           gint64        remote_at)
{
  g_return_if_fail (DESK_IS_CONFLICT (self));

  g_free (self->local_actor);
  self->local_actor = g_strdup (local_actor);
  self->local_at = local_at;
  g_free (self->remote_actor);
  self->remote_actor = g_strdup (remote_actor);
  self->remote_at = remote_at;
}

const char *
desk_conflict_get_local_actor (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->local_actor;
}

gint64
desk_conflict_get_local_at (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), 0);

  return self->local_at;
}

const char *
desk_conflict_get_remote_actor (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), NULL);

  return self->remote_actor;
}

gint64
desk_conflict_get_remote_at (DeskConflict *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT (self), 0);

  return self->remote_at;
}
