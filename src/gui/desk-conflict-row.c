/* desk-conflict-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskConflictRow shows one field in conflict: which record, which field, this computer's value
 * and the server's side by side, each with who set it and when, and a button to keep each.
 * The choice goes out as ::chosen; the conflicts dialog resolves it through the store. */

#define G_LOG_DOMAIN "desk-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-history-text.h"
#include "desk-records.h"
#include "desk-conflict-row.h"

struct _DeskConflictRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *field_label;
  GtkLabel      *local_caption;
  GtkLabel      *local_value;
  GtkWidget     *local_button;
  GtkLabel      *remote_caption;
  GtkLabel      *remote_value;
  GtkWidget     *remote_button;

  /* Owned */
  DeskConflict  *conflict;
};

G_DEFINE_FINAL_TYPE (DeskConflictRow, desk_conflict_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

/* Returns: (transfer full): "The checklist item “Rotate the keys”", or "The notice" */
static char *
describe_record (DeskConflict *conflict)
{
  GType type = desk_record_type_from_kind (desk_conflict_get_kind (conflict));
  const char *name = desk_conflict_get_record_title (conflict);
  g_autoptr(GTypeClass) klass = NULL;
  const char *label;

  if (type == G_TYPE_INVALID)
    return g_strdup (desk_conflict_get_kind (conflict));

  klass = g_type_class_ref (type);
  label = desk_record_class_get_label (DESK_RECORD_CLASS (klass));

  if (name != NULL)
    /* Translators: a record in conflict: its kind, e.g. "checklist item", and its name */
    return g_strdup_printf (_("The %s “%s”"), label, name);

  /* Translators: a record in conflict that has no name, e.g. "The notice" */
  return g_strdup_printf (_("The %s"), label);
}

/* Returns: (transfer full): "Yours, set by Aiko Tanaka, Today, 09:30" */
static char *
describe_author (const char *side,
                 const char *actor,
                 gint64      at)
{
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (actor == NULL || at <= 0)
    return g_strdup (side);

  day = desk_history_day_label (at, g_get_real_time () / G_USEC_PER_SEC);
  time = desk_history_time_label (at);
  /* Translators: whose value, who set it, the day and the time, e.g. "Theirs, set by Aiko
   * Tanaka, Today, 09:30" */
  return g_strdup_printf (_("%s, set by %s, %s, %s"), side, actor, day, time);
}

static void
show_conflict (DeskConflictRow *self)
{
  DeskConflict *conflict = self->conflict;
  const char *kind = desk_conflict_get_kind (conflict);
  const char *field = desk_conflict_get_field (conflict);
  g_autofree char *title = describe_record (conflict);
  g_autofree char *what = NULL;
  g_autofree char *local_caption = NULL;
  g_autofree char *remote_caption = NULL;
  g_autofree char *local = desk_history_value_text (kind, field,
                                                    desk_conflict_get_local (conflict));
  g_autofree char *remote = desk_history_value_text (kind, field,
                                                     desk_conflict_get_remote (conflict));
  g_autofree char *keep_local = NULL;
  g_autofree char *take_remote = NULL;

  /* Translators: %s is a field, e.g. "due date" */
  what = g_strdup_printf (_("Its %s was changed here and on the server"),
                          desk_history_field_label (field));
  local_caption = describe_author (C_("conflict side", "Yours"),
                                   desk_conflict_get_local_actor (conflict),
                                   desk_conflict_get_local_at (conflict));
  remote_caption = describe_author (C_("conflict side", "Theirs"),
                                    desk_conflict_get_remote_actor (conflict),
                                    desk_conflict_get_remote_at (conflict));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->field_label, what);
  gtk_label_set_label (self->local_caption, local_caption);
  gtk_label_set_label (self->local_value, local);
  gtk_label_set_label (self->remote_caption, remote_caption);
  gtk_label_set_label (self->remote_value, remote);

  /* The buttons say which value they keep. */
  /* Translators: a button's name for screen readers; %s is the value it keeps */
  keep_local = g_strdup_printf (_("Keep mine: %s"), local);
  /* Translators: a button's name for screen readers; %s is the value it takes */
  take_remote = g_strdup_printf (_("Take theirs: %s"), remote);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->local_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keep_local, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remote_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, take_remote, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what,
                                  -1);
}

/* }}} */
/* Callbacks {{{ */

static void
on_keep_local_clicked_cb (DeskConflictRow *self)
{
  g_signal_emit (self, signals[CHOSEN], 0, TRUE);
}

static void
on_take_remote_clicked_cb (DeskConflictRow *self)
{
  g_signal_emit (self, signals[CHOSEN], 0, FALSE);
}

/* }}} */
/* GObject {{{ */

static void
desk_conflict_row_dispose (GObject *object)
{
  DeskConflictRow *self = DESK_CONFLICT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CONFLICT_ROW);
  g_clear_object (&self->conflict);

  G_OBJECT_CLASS (desk_conflict_row_parent_class)->dispose (object);
}

static void
desk_conflict_row_class_init (DeskConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_conflict_row_dispose;

  /**
   * DeskConflictRow::chosen:
   * @take_local: %TRUE to keep this computer's value, %FALSE to take the server's
   *
   * Emitted when the person picks a value.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, field_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, local_caption);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, local_value);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, local_button);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, remote_caption);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, remote_value);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictRow, remote_button);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_local_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_take_remote_clicked_cb);
}

static void
desk_conflict_row_init (DeskConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

GtkWidget *
desk_conflict_row_new (DeskConflict *conflict)
{
  DeskConflictRow *self;

  g_return_val_if_fail (DESK_IS_CONFLICT (conflict), NULL);

  self = g_object_new (DESK_TYPE_CONFLICT_ROW, NULL);
  self->conflict = g_object_ref (conflict);
  show_conflict (self);

  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the conflict the row shows */
DeskConflict *
desk_conflict_row_get_conflict (DeskConflictRow *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICT_ROW (self), NULL);

  return self->conflict;
}

/* }}} */
