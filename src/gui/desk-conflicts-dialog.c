/* desk-conflicts-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskConflictsDialog lists the fields in conflict after a sync, a DeskConflictRow each, and
 * settles each one the person picks through the store, off the main thread: the chosen value
 * becomes a change of its own, which the history shows beside the two it settles and the next
 * sync sends. ::resolved tells the window, which reads its pages and the sync counts again. */

#define G_LOG_DOMAIN "desk-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-conflict-row.h"
#include "desk-gui-utils.h"
#include "desk-store-sync.h"
#include "desk-conflicts-dialog.h"

struct _DeskConflictsDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list_box;

  /* Owned */
  DeskStore      *store;
  GListStore     *conflicts;
  GCancellable   *cancellable;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (DeskConflictsDialog, desk_conflicts_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  RESOLVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers {{{ */

static void
update_page (DeskConflictsDialog *self)
{
  guint n_conflicts = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  g_autofree char *subtitle = NULL;

  if (n_conflicts > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to resolve", "%u to resolve",
                                             n_conflicts), n_conflicts);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_stack_set_visible_child_name (self->stack,
                                    self->loading ? "loading"
                                                  : n_conflicts > 0 ? "list" : "empty");
}

/* The conflict and the dialog, through its resolution. */
typedef struct
{
  DeskConflictsDialog *self;
  DeskConflict        *conflict;
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  g_clear_object (&resolution->self);
  g_clear_object (&resolution->conflict);
  g_free (resolution);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Resolution, resolution_free)

/* }}} */
/* Callbacks {{{ */

static void
on_conflicts_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskConflictsDialog) self = user_data;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  conflicts = desk_store_sync_list_conflicts_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (conflicts == NULL)
    desk_show_error (GTK_WIDGET (self->stack), _("Could not read the conflicts"), error);
  else
    g_list_store_splice (self->conflicts, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)),
                         conflicts->pdata, conflicts->len);
  update_page (self);
}

static void
on_resolved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Resolution) resolution = user_data;
  DeskConflictsDialog *self = resolution->self;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!desk_store_sync_resolve_conflict_finish (DESK_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      desk_show_error (GTK_WIDGET (self->stack), _("Could not resolve the conflict"), error);
    }
  else if (g_list_store_find (self->conflicts, resolution->conflict, &position))
    g_list_store_remove (self->conflicts, position);

  /* Also after a failure: the row is usable again, or gone. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), TRUE);
  update_page (self);

  if (error == NULL)
    g_signal_emit (self, signals[RESOLVED], 0);
}

static void
on_row_chosen_cb (DeskConflictsDialog *self,
                  gboolean             take_local,
                  DeskConflictRow     *row)
{
  desk_conflicts_dialog_resolve (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                                 take_local);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DeskConflictsDialog *self = user_data;
  GtkWidget *row = desk_conflict_row_new (item);

  g_signal_connect_object (row, "chosen", G_CALLBACK (on_row_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  return row;
}

/* }}} */
/* GObject {{{ */

static void
desk_conflicts_dialog_constructed (GObject *object)
{
  DeskConflictsDialog *self = DESK_CONFLICTS_DIALOG (object);

  G_OBJECT_CLASS (desk_conflicts_dialog_parent_class)->constructed (object);

  self->loading = TRUE;
  update_page (self);
  desk_store_sync_list_conflicts_async (self->store, self->cancellable,
                                        on_conflicts_loaded_cb, g_object_ref (self));
}

static void
desk_conflicts_dialog_dispose (GObject *object)
{
  DeskConflictsDialog *self = DESK_CONFLICTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CONFLICTS_DIALOG);

  g_clear_object (&self->conflicts);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_conflicts_dialog_parent_class)->dispose (object);
}

static void
desk_conflicts_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DeskConflictsDialog *self = DESK_CONFLICTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_conflicts_dialog_class_init (DeskConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_conflicts_dialog_constructed;
  object_class->dispose = desk_conflicts_dialog_dispose;
  object_class->set_property = desk_conflicts_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DESK_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskConflictsDialog::resolved:
   *
   * Emitted once a conflict was settled and the store holds the chosen value.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskConflictsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskConflictsDialog, list_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_conflicts_dialog_init (DeskConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->conflicts = g_list_store_new (DESK_TYPE_CONFLICT);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->conflicts),
                           create_row, self, NULL);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_conflicts_dialog_new:
 * @parent: (nullable): the window it is opened from
 *
 * Returns: (transfer full): a dialog listing the conflicts of @store, read at once
 */
DeskConflictsDialog *
desk_conflicts_dialog_new (GtkWindow *parent,
                           DeskStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_CONFLICTS_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/* Returns: (transfer none): the conflicts listed, #DeskConflict items */
GListModel *
desk_conflicts_dialog_get_conflicts (DeskConflictsDialog *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICTS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

gboolean
desk_conflicts_dialog_is_loading (DeskConflictsDialog *self)
{
  g_return_val_if_fail (DESK_IS_CONFLICTS_DIALOG (self), FALSE);

  return self->loading;
}

/**
 * desk_conflicts_dialog_resolve:
 * @position: the conflict's position in the list
 * @take_local: %TRUE to keep this computer's value, %FALSE to take the server's
 *
 * What the row's buttons do. One choice at a time: the list waits for the store.
 */
void
desk_conflicts_dialog_resolve (DeskConflictsDialog *self,
                               guint                position,
                               gboolean             take_local)
{
  Resolution *resolution;

  g_return_if_fail (DESK_IS_CONFLICTS_DIALOG (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)));

  resolution = g_new0 (Resolution, 1);
  resolution->self = g_object_ref (self);
  resolution->conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), position);

  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), FALSE);
  desk_store_sync_resolve_conflict_async (self->store,
                                          desk_conflict_get_id (resolution->conflict),
                                          take_local, self->cancellable,
                                          on_resolved_cb, resolution);
}

/* }}} */
